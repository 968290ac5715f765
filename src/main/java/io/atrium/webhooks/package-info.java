/**
 * Webhooks: organisations register HTTPS endpoints for event types; every business event (an
 * {@link io.atrium.audit.AuditableEvent} of an organisation) is written to an outbox in the
 * transaction of the change and delivered at least once, signed as Standard Webhooks specifies,
 * with retries on durable jobs. {@link io.atrium.webhooks.WebhookHealth} tells operators how
 * delivery is going.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Webhooks",
		allowedDependencies = { "database", "api", "audit", "access", "jobs", "mail", "tenancy" })
package io.atrium.webhooks;
