package io.atrium.tenancy;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** A place where an organisation works; interactions and site roles belong to one. */
public record Site(UUID id, UUID organisationId, String name, String description, String timezone, boolean active,
		Instant createdAt, Instant updatedAt, int version) {

	Map<String, Object> audited() {
		var fields = new LinkedHashMap<String, Object>();
		fields.put("name", name);
		fields.put("description", description);
		fields.put("timezone", timezone);
		fields.put("active", active);
		return fields;
	}
}
