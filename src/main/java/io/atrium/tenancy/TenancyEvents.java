package io.atrium.tenancy;

import java.util.Map;
import java.util.UUID;

import io.atrium.audit.AuditableEvent;

/** What happens to organisations and sites. */
public final class TenancyEvents {

	private TenancyEvents() {
	}

	public record OrganisationCreated(UUID organisationId, Map<String, Change> changes) implements AuditableEvent {
		public String action() { return "organisation.created"; }
		public String entityType() { return "organisation"; }
		public String entityId() { return organisationId.toString(); }
	}

	public record OrganisationUpdated(UUID organisationId, Map<String, Change> changes) implements AuditableEvent {
		public String action() { return "organisation.updated"; }
		public String entityType() { return "organisation"; }
		public String entityId() { return organisationId.toString(); }
	}

	public record SiteCreated(UUID organisationId, UUID siteId, Map<String, Change> changes) implements AuditableEvent {
		public String action() { return "site.created"; }
		public String entityType() { return "site"; }
		public String entityId() { return siteId.toString(); }
	}

	public record SiteUpdated(UUID organisationId, UUID siteId, Map<String, Change> changes) implements AuditableEvent {
		public String action() { return "site.updated"; }
		public String entityType() { return "site"; }
		public String entityId() { return siteId.toString(); }
	}
}
