package io.atrium.flags;

import java.util.Map;
import java.util.UUID;

import io.atrium.audit.AuditableEvent;

/** Changes to feature flags (platform chain) and to organisations' OFREP keys (their own chain). */
public final class FlagEvents {

	private FlagEvents() {
	}

	public record FeatureFlagCreated(String key, Map<String, Change> changes) implements AuditableEvent {
		public UUID organisationId() { return null; }
		public String action() { return "feature_flag.created"; }
		public String entityType() { return "feature_flag"; }
		public String entityId() { return key; }
	}

	/** @param details {@code scheduledChangeId} when a scheduled change was applied */
	public record FeatureFlagChanged(String key, Map<String, Change> changes, Map<String, Object> details)
			implements AuditableEvent {
		public UUID organisationId() { return null; }
		public String action() { return "feature_flag.changed"; }
		public String entityType() { return "feature_flag"; }
		public String entityId() { return key; }
	}

	public record FeatureFlagDeleted(String key, Map<String, Change> changes) implements AuditableEvent {
		public UUID organisationId() { return null; }
		public String action() { return "feature_flag.deleted"; }
		public String entityType() { return "feature_flag"; }
		public String entityId() { return key; }
	}

	public record FeatureFlagChangeScheduled(String key, UUID scheduledChangeId, Map<String, Object> details)
			implements AuditableEvent {
		public UUID organisationId() { return null; }
		public String action() { return "feature_flag.change_scheduled"; }
		public String entityType() { return "feature_flag"; }
		public String entityId() { return key; }
	}

	public record FeatureFlagScheduledChangeCancelled(String key, UUID scheduledChangeId) implements AuditableEvent {
		public UUID organisationId() { return null; }
		public String action() { return "feature_flag.scheduled_change_cancelled"; }
		public String entityType() { return "feature_flag"; }
		public String entityId() { return key; }
		public Map<String, Object> details() { return Map.of("scheduledChangeId", scheduledChangeId.toString()); }
	}

	public record FlagApiKeyCreated(UUID organisationId, UUID keyId, String name) implements AuditableEvent {
		public String action() { return "feature_flag_api_key.created"; }
		public String entityType() { return "feature_flag_api_key"; }
		public String entityId() { return keyId.toString(); }
		public Map<String, Change> changes() { return Map.of("name", new Change(null, name)); }
	}

	public record FlagApiKeyRevoked(UUID organisationId, UUID keyId) implements AuditableEvent {
		public String action() { return "feature_flag_api_key.revoked"; }
		public String entityType() { return "feature_flag_api_key"; }
		public String entityId() { return keyId.toString(); }
		public Map<String, Change> changes() { return Map.of("status", new Change("ACTIVE", "REVOKED")); }
	}
}
