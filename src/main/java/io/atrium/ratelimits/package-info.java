/**
 * Rate limits: token buckets per client address, user and organisation (sized by its plan), and
 * stricter ones for sign-in and password reset, enforced by a servlet filter in front of the
 * security chain. Buckets live in memory, or in Redis when {@code ATRIUM_REDIS_URL} is set so
 * that every node draws on one budget. See docs/rate-limits.md.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Rate limits", allowedDependencies = { "database", "api", "audit", "entitlements" })
package io.atrium.ratelimits;
