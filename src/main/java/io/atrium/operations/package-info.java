/**
 * The operator console's API, for super admins: platform statistics, security events and the
 * lifecycle of organisations (suspend, resume, export all of their data).
 * {@link io.atrium.operations.DashboardSection} lets other modules add to the statistics.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Operations",
		allowedDependencies = { "database", "api", "audit", "access", "identity", "tenancy", "jobs", "webhooks" })
package io.atrium.operations;
