/**
 * Identity: users, passwords, sign-in with MFA, sessions and the access tokens that
 * authenticate every API request. Identities span organisations; what a user may do inside
 * one is the access module's business.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Identity", allowedDependencies = { "database", "api", "audit", "mail" })
package io.atrium.identity;
