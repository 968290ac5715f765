package io.atrium.interactions;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Writes the times of an interaction as {@link DateTimeFormatter#ISO_INSTANT} and
 * {@link DateTimeFormatter#ISO_OFFSET_DATE_TIME} write them, with the same text, in a tenth of
 * the time. Every listed interaction carries six of them, and on a page of 50 the formatters took
 * a fifth of the request's CPU (docs/benchmarks.md). Years outside 0001-9999 are left to the
 * formatters; {@code IsoTextProperties} holds both methods to them.
 */
final class IsoText {

	private static final long FIRST_FAST_SECOND = LocalDateTime.of(1, 1, 1, 0, 0).toEpochSecond(ZoneOffset.UTC) + 86_400;
	private static final long LAST_FAST_SECOND = LocalDateTime.of(9999, 12, 31, 0, 0).toEpochSecond(ZoneOffset.UTC);

	private static final int[] TENS = { 1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000 };

	/** Zones by name: the stored names are a few hundred at most, all valid when they were stored. */
	private static final ConcurrentHashMap<String, ZoneId> ZONES = new ConcurrentHashMap<>();

	private IsoText() {
	}

	/** The moment in UTC, e.g. {@code 2026-03-03T14:45:00Z}; fractions in groups of three digits. */
	static String utc(Instant instant) {
		var seconds = instant.getEpochSecond();
		if (seconds < FIRST_FAST_SECOND || seconds > LAST_FAST_SECOND) {
			return DateTimeFormatter.ISO_INSTANT.format(instant);
		}
		var text = dateTime(LocalDateTime.ofEpochSecond(seconds, 0, ZoneOffset.UTC));
		var nanos = instant.getNano();
		if (nanos > 0) {
			text.append('.');
			if (nanos % 1_000_000 == 0) {
				digits(text, nanos / 1_000_000, 3);
			}
			else if (nanos % 1_000 == 0) {
				digits(text, nanos / 1_000, 6);
			}
			else {
				digits(text, nanos, 9);
			}
		}
		return text.append('Z').toString();
	}

	/** The local date-time in the zone with its offset then, e.g. {@code 2026-10-25T01:30:00+01:00}. */
	static String local(Instant instant, String zoneName) {
		var zone = ZONES.computeIfAbsent(zoneName, ZoneId::of);
		var seconds = instant.getEpochSecond();
		if (seconds < FIRST_FAST_SECOND || seconds > LAST_FAST_SECOND) {
			return instant.atZone(zone).toOffsetDateTime().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
		}
		var offset = zone.getRules().getOffset(instant);
		var text = dateTime(LocalDateTime.ofEpochSecond(seconds, 0, offset));
		var nanos = instant.getNano();
		if (nanos > 0) {
			// as few digits as the fraction needs
			var digits = 9;
			while (nanos % 10 == 0) {
				nanos /= 10;
				digits--;
			}
			text.append('.');
			digits(text, nanos, digits);
		}
		return text.append(offset.getId()).toString();
	}

	private static StringBuilder dateTime(LocalDateTime time) {
		var text = new StringBuilder(35);
		digits(text, time.getYear(), 4);
		digits(text.append('-'), time.getMonthValue(), 2);
		digits(text.append('-'), time.getDayOfMonth(), 2);
		digits(text.append('T'), time.getHour(), 2);
		digits(text.append(':'), time.getMinute(), 2);
		digits(text.append(':'), time.getSecond(), 2);
		return text;
	}

	/** {@code value} (not negative) in at least {@code width} digits, zero-padded. */
	private static void digits(StringBuilder text, int value, int width) {
		for (var limit = TENS[width - 1]; limit > 1 && value < limit; limit /= 10) {
			text.append('0');
		}
		text.append(value);
	}
}
