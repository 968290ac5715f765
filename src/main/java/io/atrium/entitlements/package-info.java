/**
 * Entitlements: which of Atrium's applications (modules) each organisation may use, until when,
 * and on which plan. Other modules ask {@link io.atrium.entitlements.Entitlements#require} before
 * serving an organisation, and read {@link io.atrium.entitlements.Entitlements#plan} to size what
 * the plan allows (feature flag targeting, rate limits).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Entitlements", allowedDependencies = { "database", "api", "audit", "access", "tenancy" })
package io.atrium.entitlements;
