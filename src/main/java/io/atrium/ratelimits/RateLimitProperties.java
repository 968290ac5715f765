package io.atrium.ratelimits;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import io.atrium.entitlements.Plan;

/**
 * Budgets, each written {@code requests/window} (e.g. {@code 300/1m}).
 *
 * @param enabled whether requests are limited at all
 * @param address every request from one client address
 * @param user every request with one user's access token
 * @param organisationFree requests to one organisation's API ({@code /organisations/{id}/...}, {@code /sites/{id}/...}) on the FREE plan
 * @param organisationStandard the same on the STANDARD plan
 * @param organisationEnterprise the same on the ENTERPRISE plan
 * @param signIn sign-in attempts ({@code /api/v1/auth/login*}) from one client address
 * @param passwordReset password reset requests and confirmations from one client address
 * @param unlimitedAddresses client addresses never limited (health checkers, trusted internal callers)
 * @param redisKeyPrefix prefix of bucket keys in Redis, when {@code atrium.redis.url} is set
 */
@ConfigurationProperties("atrium.ratelimits")
record RateLimitProperties(
		@DefaultValue("true") boolean enabled,
		@DefaultValue("300/1m") Quota address,
		@DefaultValue("600/1m") Quota user,
		@DefaultValue("600/1m") Quota organisationFree,
		@DefaultValue("3000/1m") Quota organisationStandard,
		@DefaultValue("15000/1m") Quota organisationEnterprise,
		@DefaultValue("10/1m") Quota signIn,
		@DefaultValue("5/15m") Quota passwordReset,
		@DefaultValue List<String> unlimitedAddresses,
		@DefaultValue("atrium:ratelimit:") String redisKeyPrefix) {

	Quota organisation(Plan plan) {
		return switch (plan) {
			case FREE -> organisationFree;
			case STANDARD -> organisationStandard;
			case ENTERPRISE -> organisationEnterprise;
		};
	}
}
