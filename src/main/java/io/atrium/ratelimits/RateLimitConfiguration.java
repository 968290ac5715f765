package io.atrium.ratelimits;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Buckets in Redis when {@code atrium.redis.url} is set, otherwise in memory. */
@Configuration(proxyBeanMethods = false)
class RateLimitConfiguration {

	private static final Logger log = LoggerFactory.getLogger(RateLimitConfiguration.class);

	/** Spring closes the Redis connection with the context (inferred {@code close()}). */
	@Bean
	Budgets rateLimitBudgets(RedisProperties redis, RateLimitProperties properties) {
		if (redis.configured()) {
			log.info("Rate limit buckets are shared in Redis under '{}'", properties.redisKeyPrefix());
			return new RedisBudgets(redis.url(), properties.redisKeyPrefix());
		}
		return new LocalBudgets();
	}
}
