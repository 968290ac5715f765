/**
 * The append-only audit trail. Modules publish events that implement {@link io.atrium.audit.AuditableEvent};
 * this module records each in the same transaction as the change, chained by hash per organisation.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Audit trail")
package io.atrium.audit;
