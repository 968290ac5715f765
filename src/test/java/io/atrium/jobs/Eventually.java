package io.atrium.jobs;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * Waits for background work (jobs, deliveries) to reach a state. The limit is generous and only
 * guards against hanging: tests assert on what happened, never on how fast.
 */
public final class Eventually {

	public static final Duration LIMIT = Duration.ofSeconds(60);

	private Eventually() {
	}

	public static void until(String what, BooleanSupplier condition) {
		var deadline = System.nanoTime() + LIMIT.toNanos();
		while (!condition.getAsBoolean()) {
			if (System.nanoTime() > deadline) {
				throw new AssertionError("Still waiting after " + LIMIT.toSeconds() + " s for: " + what);
			}
			pause();
		}
	}

	/** Polls until {@code value} yields something accepted by {@code done}, and returns it. */
	public static <T> T get(String what, Supplier<T> value, java.util.function.Predicate<T> done) {
		var deadline = System.nanoTime() + LIMIT.toNanos();
		while (true) {
			var current = value.get();
			if (done.test(current)) {
				return current;
			}
			if (System.nanoTime() > deadline) {
				throw new AssertionError("Still waiting after " + LIMIT.toSeconds() + " s for: " + what + " (last: " + current + ")");
			}
			pause();
		}
	}

	private static void pause() {
		try {
			Thread.sleep(100);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new AssertionError("interrupted", e);
		}
	}
}
