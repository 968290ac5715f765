package io.atrium.interactions;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

/** The Finder asks the planner for a question's estimate at most once a minute. */
class TotalEstimatesTest {

	final AtomicLong nanos = new AtomicLong();
	final TotalEstimates estimates = new TotalEstimates(nanos::get);
	final AtomicLong asked = new AtomicLong();
	final UUID organisation = UUID.randomUUID();
	final String where = "i.organisation_id = :org and i.search @@ cast(:tsq as tsquery)";

	long estimate(Map<String, Object> params) {
		return estimates.of(where, params, () -> 1_000 + asked.incrementAndGet());
	}

	@Test
	void keepsAQuestionsEstimateForAMinute() {
		var question = Map.<String, Object>of("org", organisation, "tsq", "'supplier':*");
		assertThat(estimate(question)).isEqualTo(1_001);
		nanos.addAndGet(TotalEstimates.KEPT_FOR.minusSeconds(1).toNanos());
		assertThat(estimate(Map.of("org", organisation, "tsq", "'supplier':*"))).isEqualTo(1_001);
		assertThat(asked).hasValue(1);

		nanos.addAndGet(Duration.ofSeconds(1).toNanos());
		assertThat(estimate(question)).isEqualTo(1_002);
		assertThat(asked).hasValue(2);
	}

	@Test
	void asksAgainForAnotherValueOrganisationOrSite() {
		var sites = List.of(UUID.randomUUID());
		assertThat(estimate(Map.of("org", organisation, "tsq", "'supplier':*", "sites", sites))).isEqualTo(1_001);
		assertThat(estimate(Map.of("org", organisation, "tsq", "'supply':*", "sites", sites))).isEqualTo(1_002);
		assertThat(estimate(Map.of("org", UUID.randomUUID(), "tsq", "'supplier':*", "sites", sites))).isEqualTo(1_003);
		assertThat(estimate(Map.of("org", organisation, "tsq", "'supplier':*", "sites", List.of(UUID.randomUUID()))))
			.isEqualTo(1_004);
		assertThat(estimates.of(where + " and i.type in (:types)",
				Map.of("org", organisation, "tsq", "'supplier':*", "sites", sites, "types", List.of("Call")),
				() -> 7)).isEqualTo(7);
	}
}
