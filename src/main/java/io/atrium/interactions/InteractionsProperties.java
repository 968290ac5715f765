package io.atrium.interactions;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param trashRetention how long deleted interactions stay restorable before the purge job removes them
 * @param purgeInterval how often the purge job runs
 * @param countBound the Finder counts matches exactly up to this many, then estimates
 * @param rankWindow a search ordered by relevance ranks this many of the most recent matches; older ones follow by date
 * @param importMaxRows the most rows one CSV import may hold
 * @param exportBatch rows the CSV export reads per keyset page
 */
@ConfigurationProperties("atrium.interactions")
record InteractionsProperties(
		@DefaultValue("30d") Duration trashRetention,
		@DefaultValue("1h") Duration purgeInterval,
		@DefaultValue("500") int countBound,
		@DefaultValue("500") int rankWindow,
		@DefaultValue("5000") int importMaxRows,
		@DefaultValue("200") int exportBatch) {
}
