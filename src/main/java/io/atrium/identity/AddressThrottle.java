package io.atrium.identity;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;

/**
 * Counts failed sign-ins per client address in fixed windows, so one address cannot try
 * passwords against many accounts. Kept in memory per node.
 */
@Component
class AddressThrottle {

	private final ConcurrentHashMap<String, Window> windows = new ConcurrentHashMap<>();
	private final int limit;
	private final Duration length;
	private final Clock clock;

	AddressThrottle(IdentityProperties properties, Clock clock) {
		this.limit = properties.addressFailureLimit();
		this.length = properties.lockoutWindow();
		this.clock = clock;
	}

	/** Seconds the address must wait, or 0 when it may try. */
	long waitSeconds(String address) {
		var window = windows.get(key(address));
		var now = clock.instant();
		if (window == null || !window.end().isAfter(now) || window.failures() < limit) {
			return 0;
		}
		return Math.max(1, Duration.between(now, window.end()).toSeconds());
	}

	void failed(String address) {
		var now = clock.instant();
		windows.compute(key(address), (k, window) -> window == null || !window.end().isAfter(now)
				? new Window(now.plus(length), 1) : new Window(window.end(), window.failures() + 1));
		if (windows.size() > 100_000) {
			windows.values().removeIf(w -> !w.end().isAfter(now));
		}
	}

	private static String key(String address) {
		return address == null ? "unknown" : address;
	}

	private record Window(Instant end, int failures) {
	}
}
