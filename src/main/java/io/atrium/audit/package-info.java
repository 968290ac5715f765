/**
 * The append-only audit trail. Modules publish events that implement {@link io.atrium.audit.AuditableEvent};
 * this module records each in the same transaction as the change, chained by hash per organisation,
 * and {@link io.atrium.audit.AuditEvents} reads and verifies the chains. Its HTTP API lives in the
 * nested module {@code audit.web}, because deciding who may read needs the access module, which
 * itself depends on this one.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Audit trail", allowedDependencies = { "api", "database" })
package io.atrium.audit;
