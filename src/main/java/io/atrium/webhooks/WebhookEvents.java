package io.atrium.webhooks;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import io.atrium.audit.AuditableEvent;

/**
 * What happens to webhook endpoints and deliveries. These are never themselves sent as
 * webhooks (their actions start with {@code webhook.}), so a failing endpoint cannot feed on
 * its own failures.
 */
public final class WebhookEvents {

	static final String PREFIX = "webhook.";

	private WebhookEvents() {
	}

	public record WebhookEndpointCreated(UUID organisationId, UUID endpointId, Map<String, Change> changes) implements AuditableEvent {
		public String action() { return "webhook.endpoint_created"; }
		public String entityType() { return "webhook_endpoint"; }
		public String entityId() { return endpointId.toString(); }
	}

	public record WebhookEndpointUpdated(UUID organisationId, UUID endpointId, Map<String, Change> changes) implements AuditableEvent {
		public String action() { return "webhook.endpoint_updated"; }
		public String entityType() { return "webhook_endpoint"; }
		public String entityId() { return endpointId.toString(); }
	}

	public record WebhookEndpointDeleted(UUID organisationId, UUID endpointId, Map<String, Change> changes) implements AuditableEvent {
		public String action() { return "webhook.endpoint_deleted"; }
		public String entityType() { return "webhook_endpoint"; }
		public String entityId() { return endpointId.toString(); }
	}

	/** A new signing secret; the old one keeps signing until {@code previousValidUntil}. */
	public record WebhookSecretRotated(UUID organisationId, UUID endpointId, Instant previousValidUntil) implements AuditableEvent {
		public String action() { return "webhook.secret_rotated"; }
		public String entityType() { return "webhook_endpoint"; }
		public String entityId() { return endpointId.toString(); }
		public Map<String, Object> details() { return Map.of("previousSecretValidUntil", previousValidUntil.toString()); }
	}

	/** Atrium stopped sending to an endpoint: it answered 410 Gone, or failed for days. */
	public record WebhookEndpointDisabled(UUID organisationId, UUID endpointId, String url, String reason) implements AuditableEvent {
		public String action() { return "webhook.endpoint_disabled"; }
		public String entityType() { return "webhook_endpoint"; }
		public String entityId() { return endpointId.toString(); }
		public Map<String, Change> changes() { return Map.of("enabled", new Change(true, false)); }
		public Map<String, Object> details() { return Map.of("url", url, "reason", reason); }
	}

	/**
	 * The same disabling, recorded in the platform's own trail (no organisation) where operators
	 * watch security signals across organisations.
	 */
	public record WebhookEndpointDisabledOnPlatform(UUID endpointOrganisationId, UUID endpointId, String url, String reason)
			implements AuditableEvent {
		public UUID organisationId() { return null; }
		public String action() { return "webhook.endpoint_disabled"; }
		public String entityType() { return "webhook_endpoint"; }
		public String entityId() { return endpointId.toString(); }
		public Map<String, Object> details() {
			var details = new LinkedHashMap<String, Object>();
			details.put("organisationId", endpointOrganisationId.toString());
			details.put("url", url);
			details.put("reason", reason);
			return details;
		}
	}

	/** Deliveries sent again on an admin's request: one, or every failed one since a time. */
	public record WebhookDeliveriesReplayed(UUID organisationId, UUID deliveryId, Instant failedSince, int count)
			implements AuditableEvent {
		public String action() { return "webhook.deliveries_replayed"; }
		public String entityType() { return deliveryId == null ? "webhook_deliveries" : "webhook_delivery"; }
		public String entityId() { return deliveryId == null ? null : deliveryId.toString(); }
		public Map<String, Object> details() {
			var details = new LinkedHashMap<String, Object>();
			details.put("count", count);
			if (failedSince != null) {
				details.put("failedSince", failedSince.toString());
			}
			return details;
		}
	}
}
