/**
 * Interactions, Atrium's first application: the meetings, calls, visits and other interactions
 * staff record at their organisation's sites, the Finder that finds them again (full-text
 * search, filters, keyset pages), saved views, CSV export and import, and a trash that a
 * durable job purges. Every change is published as an {@link io.atrium.interactions.InteractionEvents event}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Interactions",
		allowedDependencies = { "database", "api", "audit", "access", "tenancy", "jobs", "entitlements" })
package io.atrium.interactions;
