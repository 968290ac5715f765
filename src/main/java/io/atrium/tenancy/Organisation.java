package io.atrium.tenancy;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** An organisation: the tenant whose data no other organisation may see. */
public record Organisation(UUID id, String name, String slug, Industry industry, String sicCode, String sicVersion,
		Status status, Instant createdAt, Instant updatedAt, int version) {

	public enum Status {
		ACTIVE, SUSPENDED
	}

	/** The fields the audit trail compares. */
	Map<String, Object> audited() {
		var fields = new LinkedHashMap<String, Object>();
		fields.put("name", name);
		fields.put("slug", slug);
		fields.put("industry", industry == null ? null : industry.name());
		fields.put("sicCode", sicCode);
		fields.put("status", status.name());
		return fields;
	}
}
