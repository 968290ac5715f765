/**
 * A demo organisation to try Atrium with: seeded at start-up when {@code atrium.demo.enabled}
 * is on ({@code --demo} or {@code ATRIUM_DEMO=true}), through the public services of tenancy,
 * access and identity, so every change is audited like any other.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Demo", allowedDependencies = { "tenancy", "access",
		"identity", "database", "api" })
package io.atrium.demo;
