/**
 * A person's own account across organisations: what the signed-in user sees of themselves (their
 * organisations, sites, roles and preferences) and the mail that tells them they joined an
 * organisation. Brings identity, access and tenancy together, which none of them may do alone.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Account",
		allowedDependencies = { "identity", "access", "tenancy", "api", "database", "audit", "mail" })
package io.atrium.account;
