package io.atrium.webhooks;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param allowPrivateTargets deliver to private, loopback and link-local addresses (development and tests only)
 * @param allowedHttpHosts hosts that may be sent to over plain http; everything else needs https
 * @param timeout longest a delivery attempt may take, connection to last byte read
 * @param retrySchedule the wait before each attempt, the first normally zero (Svix's schedule by
 *        default); its length is the number of attempts
 * @param secretOverlap how long a rotated-out secret still signs, so receivers can switch over
 * @param disableAfter an endpoint that has failed every attempt for this long is disabled
 * @param maxConcurrentPerEndpoint sends in flight at once to one endpoint, across all nodes
 * @param maxConcurrentPerOrganisation sends in flight at once for one organisation, across all nodes
 * @param retention delivered messages and their attempt logs are deleted after this long
 */
@ConfigurationProperties("atrium.webhooks")
record WebhookProperties(
		@DefaultValue("false") boolean allowPrivateTargets,
		@DefaultValue List<String> allowedHttpHosts,
		@DefaultValue("15s") Duration timeout,
		@DefaultValue({ "0s", "5s", "5m", "30m", "2h", "5h", "10h", "10h" }) List<Duration> retrySchedule,
		@DefaultValue("24h") Duration secretOverlap,
		@DefaultValue("5d") Duration disableAfter,
		@DefaultValue("2") int maxConcurrentPerEndpoint,
		@DefaultValue("8") int maxConcurrentPerOrganisation,
		@DefaultValue("30d") Duration retention) {

	WebhookProperties {
		allowedHttpHosts = allowedHttpHosts.stream().map(String::strip).filter(h -> !h.isEmpty())
			.map(String::toLowerCase).toList();
		if (retrySchedule.isEmpty()) {
			throw new IllegalArgumentException("atrium.webhooks.retry-schedule needs at least one entry");
		}
		if (maxConcurrentPerEndpoint < 1 || maxConcurrentPerOrganisation < maxConcurrentPerEndpoint) {
			throw new IllegalArgumentException("atrium.webhooks: max-concurrent-per-endpoint must be at least 1 and "
					+ "max-concurrent-per-organisation at least as large");
		}
	}
}
