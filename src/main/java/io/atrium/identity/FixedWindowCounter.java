package io.atrium.identity;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Counts events per key (a client address, an email) in fixed windows that start with the
 * first event, and says how long a key must wait once it reached the limit. Kept in memory per
 * node; expired windows are dropped when the map grows large.
 */
final class FixedWindowCounter {

	private static final int PRUNE_ABOVE = 100_000;

	private final ConcurrentHashMap<String, Window> windows = new ConcurrentHashMap<>();
	private final int limit;
	private final Duration length;
	private final Clock clock;

	FixedWindowCounter(int limit, Duration length, Clock clock) {
		this.limit = limit;
		this.length = length;
		this.clock = clock;
	}

	/** Seconds the key must wait, or 0 when it may go on. */
	long waitSeconds(String key) {
		var window = windows.get(key);
		var now = clock.instant();
		if (window == null || !window.end().isAfter(now) || window.count() < limit) {
			return 0;
		}
		return Math.max(1, Duration.between(now, window.end()).toSeconds());
	}

	void count(String key) {
		var now = clock.instant();
		windows.compute(key, (k, window) -> window == null || !window.end().isAfter(now)
				? new Window(now.plus(length), 1) : new Window(window.end(), window.count() + 1));
		if (windows.size() > PRUNE_ABOVE) {
			windows.values().removeIf(w -> !w.end().isAfter(now));
		}
	}

	private record Window(Instant end, int count) {
	}
}
