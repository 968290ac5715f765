package io.atrium.entitlements;

import java.util.Map;
import java.util.UUID;

import io.atrium.audit.AuditableEvent;

/** Changes to what an organisation may use. */
public final class EntitlementEvents {

	private EntitlementEvents() {
	}

	/** A super admin changed an organisation's plan and/or its modules. */
	public record EntitlementsChanged(UUID organisationId, Map<String, Change> changes) implements AuditableEvent {
		public String action() { return "entitlements.changed"; }
		public String entityType() { return "entitlements"; }
		public String entityId() { return organisationId.toString(); }
	}
}
