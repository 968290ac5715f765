package io.atrium.ratelimits;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** @param url a Redis URI (redis://host:6379/0, rediss:// for TLS); empty keeps rate limit buckets in memory */
@ConfigurationProperties("atrium.redis")
record RedisProperties(String url) {

	boolean configured() {
		return url != null && !url.isBlank();
	}
}
