package io.atrium.webhooks;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * An endpoint as admins see it. The signing secret is not part of it: it is read and rotated
 * on its own.
 *
 * @param disabledReason why Atrium (or an admin) stopped sending to it, while disabled
 * @param failingSince the first failed attempt since the last successful one; null while healthy
 */
record WebhookEndpoint(UUID id, UUID organisationId, String url, String description, List<String> eventTypes,
		boolean enabled, String disabledReason, Instant disabledAt, Instant failingSince, Instant createdAt,
		Instant updatedAt, int version) {

	WebhookEndpoint {
		eventTypes = List.copyOf(eventTypes);
	}

	/** The fields the audit trail compares. */
	Map<String, Object> audited() {
		var fields = new LinkedHashMap<String, Object>();
		fields.put("url", url);
		fields.put("description", description);
		fields.put("eventTypes", String.join(",", eventTypes));
		fields.put("enabled", enabled);
		return fields;
	}
}
