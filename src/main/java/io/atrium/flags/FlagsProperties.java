package io.atrium.flags;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param refreshInterval how often a node checks whether flags changed on another node
 * @param analyticsFlushInterval how often evaluation counts kept in memory are added to the database
 * @param scheduleInterval how often due scheduled changes are applied
 * @param staleAfter a flag not evaluated for this long is reported as stale
 * @param organisationCacheTtl how long an organisation's industry and SIC code are cached for targeting
 */
@ConfigurationProperties("atrium.flags")
record FlagsProperties(
		@DefaultValue("1s") Duration refreshInterval,
		@DefaultValue("60s") Duration analyticsFlushInterval,
		@DefaultValue("15s") Duration scheduleInterval,
		@DefaultValue("30d") Duration staleAfter,
		@DefaultValue("60s") Duration organisationCacheTtl) {
}
