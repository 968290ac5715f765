/**
 * Organisations (the tenants) and their sites.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Tenancy", allowedDependencies = { "database", "api", "audit", "access" })
package io.atrium.tenancy;
