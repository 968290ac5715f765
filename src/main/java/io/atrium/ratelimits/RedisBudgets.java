package io.atrium.ratelimits;

import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.redis.lettuce.Bucket4jLettuce;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.codec.StringCodec;

/**
 * Buckets in Redis (Bucket4j's compare-and-swap over Lettuce), so every node draws on the same
 * budget. Keys expire once their bucket would be full again. If Redis fails while serving, the
 * request is let through (and the failure logged): the limiter must not take the API down with it.
 */
class RedisBudgets implements Budgets, AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(RedisBudgets.class);

	private final RedisClient client;
	private final StatefulRedisConnection<String, byte[]> connection;
	private final ProxyManager<String> buckets;
	private final String prefix;
	private volatile long lastFailureLogged;

	RedisBudgets(String url, String prefix) {
		this.client = RedisClient.create(url);
		this.connection = client.connect(RedisCodec.of(StringCodec.UTF8, ByteArrayCodec.INSTANCE));
		this.buckets = Bucket4jLettuce.casBasedBuilder(connection)
			.expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ofSeconds(10)))
			.build();
		this.prefix = prefix;
	}

	@Override
	public Draw take(String key, Quota quota) {
		try {
			var probe = buckets.builder()
				.build(prefix + key + "|" + quota, () -> BucketConfiguration.builder()
					.addLimit(limit -> limit.capacity(quota.requests()).refillGreedy(quota.requests(), quota.window()))
					.build())
				.tryConsumeAndReturnRemaining(1);
			return new Draw(probe.isConsumed(), probe.getRemainingTokens(), probe.getNanosToWaitForRefill(),
					probe.getNanosToWaitForReset());
		}
		catch (RuntimeException e) {
			var now = System.nanoTime();
			if (now - lastFailureLogged > Duration.ofMinutes(1).toNanos()) {
				lastFailureLogged = now;
				log.warn("Rate limits are not enforced: Redis failed ({}). Requests are let through until it answers again.",
						e.getMessage());
			}
			return new Draw(true, quota.requests(), 0, 0);
		}
	}

	@Override
	public void close() {
		connection.close();
		client.shutdown();
	}
}
