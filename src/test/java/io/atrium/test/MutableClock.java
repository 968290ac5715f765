package io.atrium.test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * A clock that stands still until a test moves it forward, for rules about time (lockouts,
 * expiring links and tokens, TOTP steps). Import {@link Configuration} to make it the
 * application's {@link Clock}. It only ever moves forward, because test classes that import it
 * share one application context.
 */
public final class MutableClock extends Clock {

	private final AtomicReference<Instant> now;

	public MutableClock(Instant start) {
		this.now = new AtomicReference<>(start);
	}

	@Override
	public Instant instant() {
		return now.get();
	}

	@Override
	public ZoneId getZone() {
		return ZoneOffset.UTC;
	}

	@Override
	public Clock withZone(ZoneId zone) {
		throw new UnsupportedOperationException("Atrium keeps time in UTC");
	}

	/** Moves time forward and returns the new now. */
	public Instant advance(Duration duration) {
		if (duration.isNegative()) {
			throw new IllegalArgumentException("Time only moves forward: " + duration);
		}
		return now.updateAndGet(instant -> instant.plus(duration));
	}

	/**
	 * Replaces the application's clock ({@code io.atrium.api.Clocks} backs off when another
	 * {@link Clock} bean exists; {@link Primary} wins should both be defined). The bean has its own
	 * name, since overriding a bean definition is not allowed.
	 */
	@TestConfiguration(proxyBeanMethods = false)
	public static class Configuration {

		@Bean
		@Primary
		MutableClock mutableClock() {
			return new MutableClock(Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
		}
	}
}
