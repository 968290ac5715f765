package io.atrium.ratelimits;

import java.util.concurrent.ConcurrentHashMap;

import io.github.bucket4j.Bucket;

/** Buckets in this node's memory: each node enforces the whole budget on its own. */
class LocalBudgets implements Budgets {

	private static final int MAX_BUCKETS = 200_000;

	private final ConcurrentHashMap<String, Held> buckets = new ConcurrentHashMap<>();

	@Override
	public Draw take(String key, Quota quota) {
		if (buckets.size() >= MAX_BUCKETS) {
			// a full bucket holds nothing worth keeping: dropping it and starting afresh is the same
			buckets.values().removeIf(held -> held.bucket().getAvailableTokens() >= held.quota().requests());
		}
		var held = buckets.computeIfAbsent(key + "|" + quota, k -> new Held(
				Bucket.builder().addLimit(limit -> limit.capacity(quota.requests()).refillGreedy(quota.requests(), quota.window()))
					.build(), quota));
		var probe = held.bucket().tryConsumeAndReturnRemaining(1);
		return new Draw(probe.isConsumed(), probe.getRemainingTokens(), probe.getNanosToWaitForRefill(),
				probe.getNanosToWaitForReset());
	}

	private record Held(Bucket bucket, Quota quota) {
	}
}
