package io.atrium.ratelimits;

import java.time.Duration;
import java.util.regex.Pattern;

import org.springframework.boot.context.properties.ConfigurationPropertiesBinding;
import org.springframework.core.convert.converter.Converter;
import org.springframework.stereotype.Component;

/**
 * A budget of {@code requests} per {@code window}, refilled smoothly (a token bucket of that
 * capacity). Written {@code 300/1m} in settings; windows take ms, s, m, h or d.
 */
record Quota(long requests, Duration window) {

	private static final Pattern FORMAT = Pattern.compile("^\\s*(\\d{1,9})\\s*/\\s*(\\d{1,9})\\s*(ms|s|m|h|d)\\s*$");

	Quota {
		if (requests < 1 || window.isZero() || window.isNegative()) {
			throw new IllegalArgumentException("A quota needs at least one request per positive window");
		}
	}

	static Quota parse(String text) {
		var matcher = FORMAT.matcher(text);
		if (!matcher.matches()) {
			throw new IllegalArgumentException("'" + text + "' is not a quota such as 300/1m (requests/window; window in ms, s, m, h or d)");
		}
		var amount = Long.parseLong(matcher.group(2));
		var window = switch (matcher.group(3)) {
			case "ms" -> Duration.ofMillis(amount);
			case "s" -> Duration.ofSeconds(amount);
			case "m" -> Duration.ofMinutes(amount);
			case "h" -> Duration.ofHours(amount);
			default -> Duration.ofDays(amount);
		};
		return new Quota(Long.parseLong(matcher.group(1)), window);
	}

	/** The window in whole seconds, as RateLimit-Policy's {@code w} states it (at least 1). */
	long windowSeconds() {
		return Math.max(1, (window.toMillis() + 999) / 1000);
	}

	@Override
	public String toString() {
		return requests + "/" + window.toMillis() + "ms";
	}

	/** Binds {@code atrium.ratelimits.*} values written as {@code 300/1m}. */
	@Component
	@ConfigurationPropertiesBinding
	static class FromText implements Converter<String, Quota> {

		@Override
		public Quota convert(String source) {
			return parse(source);
		}
	}
}
