package io.atrium.interactions;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Interaction times are written exactly as {@link DateTimeFormatter#ISO_INSTANT} and
 * {@link DateTimeFormatter#ISO_OFFSET_DATE_TIME} write them (the oracle), for moments across all
 * the years an instant can hold, with fractions of every precision, in every zone the JDK knows.
 */
class IsoTextProperties {

	@Property(tries = 5000)
	void utcAsIsoInstant(@ForAll("moments") Instant moment) {
		assertThat(IsoText.utc(moment)).isEqualTo(DateTimeFormatter.ISO_INSTANT.format(moment));
	}

	@Property(tries = 5000)
	void localAsIsoOffsetDateTime(@ForAll("localMoments") Instant moment, @ForAll("zones") String zone) {
		assertThat(IsoText.local(moment, zone))
			.isEqualTo(moment.atZone(ZoneId.of(zone)).toOffsetDateTime().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
	}

	@Example
	void writesWhatTheApiDocumentShows() {
		var moment = Instant.parse("2026-10-25T00:30:00Z");
		assertThat(IsoText.utc(moment)).isEqualTo("2026-10-25T00:30:00Z");
		assertThat(IsoText.local(moment, "Europe/London")).isEqualTo("2026-10-25T01:30:00+01:00");
		assertThat(IsoText.local(moment.plusSeconds(3600), "Europe/London")).isEqualTo("2026-10-25T01:30:00Z");
		assertThat(IsoText.utc(Instant.parse("2026-03-03T14:45:00.120Z"))).isEqualTo("2026-03-03T14:45:00.120Z");
		assertThat(IsoText.local(Instant.parse("2026-03-03T14:45:00.120Z"), "Asia/Kolkata"))
			.isEqualTo("2026-03-03T20:15:00.12+05:30");
	}

	@Provide
	Arbitrary<Instant> moments() {
		return moments(Instant.MIN.getEpochSecond(), Instant.MAX.getEpochSecond());
	}

	/** Instants that have a local date-time in every zone (the oracle itself fails beyond them). */
	@Provide
	Arbitrary<Instant> localMoments() {
		return moments(LocalDateTime.MIN.toEpochSecond(ZoneOffset.UTC) + 86_400,
				LocalDateTime.MAX.toEpochSecond(ZoneOffset.UTC) - 86_400);
	}

	private static Arbitrary<Instant> moments(long first, long last) {
		var seconds = Arbitraries.oneOf(
				// the years people record: 1900 to 2100
				Arbitraries.longs().between(-2_208_988_800L, 4_102_444_800L),
				// any instant, the edges of the fast years among them
				Arbitraries.longs().between(first, last),
				Arbitraries.of(-62_135_596_800L, -62_135_596_801L, -62_135_510_400L, 253_402_214_400L, 253_402_300_799L,
						253_402_300_800L, 0L, -1L));
		var nanos = Arbitraries.oneOf(Arbitraries.just(0), Arbitraries.integers().between(0, 999).map(n -> n * 1_000_000),
				Arbitraries.integers().between(0, 999_999).map(n -> n * 1_000), Arbitraries.integers().between(0, 999_999_999));
		return Combinators.combine(seconds, nanos).as(Instant::ofEpochSecond);
	}

	@Provide
	Arbitrary<String> zones() {
		return Arbitraries.of(ZoneId.getAvailableZoneIds());
	}
}
