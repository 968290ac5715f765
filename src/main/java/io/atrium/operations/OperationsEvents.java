package io.atrium.operations;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.atrium.audit.AuditableEvent;

/** What operators do to organisations. */
public final class OperationsEvents {

	private OperationsEvents() {
	}

	public record OrganisationSuspended(UUID organisationId, String reason) implements AuditableEvent {
		public String action() { return "organisation.suspended"; }
		public String entityType() { return "organisation"; }
		public String entityId() { return organisationId.toString(); }
		public Map<String, Change> changes() { return Map.of("status", new Change("ACTIVE", "SUSPENDED")); }
		public Map<String, Object> details() { return reason == null ? Map.of() : Map.of("reason", reason); }
		public boolean changesAccess() { return true; }
	}

	public record OrganisationResumed(UUID organisationId) implements AuditableEvent {
		public String action() { return "organisation.resumed"; }
		public String entityType() { return "organisation"; }
		public String entityId() { return organisationId.toString(); }
		public Map<String, Change> changes() { return Map.of("status", new Change("SUSPENDED", "ACTIVE")); }
		public boolean changesAccess() { return true; }
	}

	/** All of an organisation's data was exported (by a super admin, the audit entry's actor). */
	public record OrganisationExported(UUID organisationId, List<String> tables) implements AuditableEvent {
		public String action() { return "organisation.exported"; }
		public String entityType() { return "organisation"; }
		public String entityId() { return organisationId.toString(); }
		public Map<String, Object> details() { return Map.of("tables", tables); }
	}
}
