package io.atrium.ratelimits;

/** Where token buckets live: this node's memory, or Redis shared by every node. */
interface Budgets {

	/** Takes one token from the bucket under {@code key}, created with the quota when new. */
	Draw take(String key, Quota quota);

	/**
	 * @param allowed whether a token was taken
	 * @param remaining tokens left
	 * @param nanosToNextToken when refused, how long until a token is back
	 * @param nanosToFull how long until the bucket is full again
	 */
	record Draw(boolean allowed, long remaining, long nanosToNextToken, long nanosToFull) {
	}
}
