package io.atrium.interactions;

import java.util.Map;
import java.util.UUID;

import io.atrium.audit.AuditableEvent;

/** What happens to interactions, their types and saved views; the audit trail records each, webhooks may deliver them. */
public final class InteractionEvents {

	private InteractionEvents() {
	}

	public record InteractionCreated(UUID organisationId, UUID siteId, UUID interactionId, Map<String, Change> changes)
			implements AuditableEvent {
		public String action() { return "interaction.created"; }
		public String entityType() { return "interaction"; }
		public String entityId() { return interactionId.toString(); }
	}

	public record InteractionUpdated(UUID organisationId, UUID siteId, UUID interactionId, Map<String, Change> changes)
			implements AuditableEvent {
		public String action() { return "interaction.updated"; }
		public String entityType() { return "interaction"; }
		public String entityId() { return interactionId.toString(); }
	}

	/** Moved to the trash, from where it can be restored until the purge job removes it. */
	public record InteractionDeleted(UUID organisationId, UUID siteId, UUID interactionId, Map<String, Change> changes)
			implements AuditableEvent {
		public String action() { return "interaction.deleted"; }
		public String entityType() { return "interaction"; }
		public String entityId() { return interactionId.toString(); }
	}

	public record InteractionRestored(UUID organisationId, UUID siteId, UUID interactionId, Map<String, Change> changes)
			implements AuditableEvent {
		public String action() { return "interaction.restored"; }
		public String entityType() { return "interaction"; }
		public String entityId() { return interactionId.toString(); }
	}

	/** Removed for good by the trash purge job, after its time in the trash. */
	public record InteractionPurged(UUID organisationId, UUID siteId, UUID interactionId, Map<String, Object> details)
			implements AuditableEvent {
		public String action() { return "interaction.purged"; }
		public String entityType() { return "interaction"; }
		public String entityId() { return interactionId.toString(); }
	}

	public record InteractionTypeAdded(UUID organisationId, UUID typeId, Map<String, Change> changes) implements AuditableEvent {
		public String action() { return "interaction_type.added"; }
		public String entityType() { return "interaction_type"; }
		public String entityId() { return typeId.toString(); }
	}

	public record InteractionTypeRenamed(UUID organisationId, UUID typeId, Map<String, Change> changes) implements AuditableEvent {
		public String action() { return "interaction_type.renamed"; }
		public String entityType() { return "interaction_type"; }
		public String entityId() { return typeId.toString(); }
	}

	public record InteractionTypeRemoved(UUID organisationId, UUID typeId, Map<String, Change> changes) implements AuditableEvent {
		public String action() { return "interaction_type.removed"; }
		public String entityType() { return "interaction_type"; }
		public String entityId() { return typeId.toString(); }
	}

	public record SavedViewCreated(UUID organisationId, UUID siteId, UUID viewId, Map<String, Change> changes) implements AuditableEvent {
		public String action() { return "interaction_view.created"; }
		public String entityType() { return "interaction_view"; }
		public String entityId() { return viewId.toString(); }
	}

	public record SavedViewUpdated(UUID organisationId, UUID siteId, UUID viewId, Map<String, Change> changes) implements AuditableEvent {
		public String action() { return "interaction_view.updated"; }
		public String entityType() { return "interaction_view"; }
		public String entityId() { return viewId.toString(); }
	}

	public record SavedViewDeleted(UUID organisationId, UUID siteId, UUID viewId, Map<String, Change> changes) implements AuditableEvent {
		public String action() { return "interaction_view.deleted"; }
		public String entityType() { return "interaction_view"; }
		public String entityId() { return viewId.toString(); }
	}
}
