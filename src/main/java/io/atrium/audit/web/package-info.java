/**
 * The audit trail over HTTP. A nested module rather than part of {@code audit}: access depends on
 * audit (its events are audited), and this API depends on access (to decide who may read), so
 * inside {@code audit} it would close a cycle. As its own module it depends on both, and nothing
 * depends on it.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Audit trail API", allowedDependencies = { "audit", "access", "api", "database" })
package io.atrium.audit.web;
