/**
 * Who may do what where: organisation and site memberships with their roles, the typed
 * permissions they grant, and {@link io.atrium.access.Access}, which checks a caller against
 * the organisation or site being touched and hands out the row-level security scope.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Access", allowedDependencies = { "database", "api", "audit", "identity" })
package io.atrium.access;
