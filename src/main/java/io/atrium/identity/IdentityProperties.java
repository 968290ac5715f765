package io.atrium.identity;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param issuer the {@code iss} of access tokens
 * @param accessTokenTtl how long an access token is valid
 * @param sessionTtl how long a session (its refresh tokens) lasts at most
 * @param refreshReuseGrace how long an already-used refresh token is still accepted, for concurrent refreshes
 * @param lockoutThreshold failed sign-ins within {@code lockoutWindow} that lock an account
 * @param lockoutWindow the window failures are counted in
 * @param lockoutDuration the first lockout; each further one doubles, up to {@code lockoutMaxDuration}
 * @param lockoutMaxDuration the longest lockout
 * @param addressFailureLimit failed sign-ins from one client address within {@code lockoutWindow} before it must wait
 * @param mfaChallengeTtl how long the MFA step of a sign-in may take
 * @param passwordResetTtl how long a password reset link works
 * @param passwordResetEmailLimit reset requests for one email within {@code passwordResetLimitWindow}, so nobody can flood a mailbox
 * @param passwordResetAddressLimit reset requests from one client address within {@code passwordResetLimitWindow}
 * @param passwordResetLimitWindow the window reset requests are counted in
 * @param totpIssuer the name authenticator apps show next to the account
 */
@ConfigurationProperties("atrium.identity")
public record IdentityProperties(
		@DefaultValue("atrium") String issuer,
		@DefaultValue("10m") Duration accessTokenTtl,
		@DefaultValue("30d") Duration sessionTtl,
		@DefaultValue("5s") Duration refreshReuseGrace,
		@DefaultValue("5") int lockoutThreshold,
		@DefaultValue("15m") Duration lockoutWindow,
		@DefaultValue("15m") Duration lockoutDuration,
		@DefaultValue("24h") Duration lockoutMaxDuration,
		@DefaultValue("50") int addressFailureLimit,
		@DefaultValue("5m") Duration mfaChallengeTtl,
		@DefaultValue("30m") Duration passwordResetTtl,
		@DefaultValue("3") int passwordResetEmailLimit,
		@DefaultValue("30") int passwordResetAddressLimit,
		@DefaultValue("1h") Duration passwordResetLimitWindow,
		@DefaultValue("Atrium") String totpIssuer) {
}
