/**
 * Feature flags: super admins define flags with variants, per-organisation overrides, targeting
 * rules and sticky percentage rollouts; signed-in clients and the OpenFeature Remote Evaluation
 * Protocol (OFREP) evaluate them in-process from a cache that every node keeps current. See
 * docs/feature-flags.md.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Feature flags", allowedDependencies = { "database", "api", "audit", "access", "tenancy", "entitlements", "operations" })
package io.atrium.flags;
