package io.atrium.interactions;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.function.LongSupplier;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;

/**
 * The planner's estimate of how many interactions match a question, kept for a while per question.
 * Above the count bound the Finder's total is that estimate, and taking it means planning the
 * question once more: a round trip and a planning on every first page of a common search. The
 * estimate comes from the table's statistics, which change only when PostgreSQL analyses the
 * table, so an estimate a minute old is as good as a fresh one. A question is its conditions and
 * their values, the organisation and sites among them; each node keeps its own.
 */
final class TotalEstimates {

	static final Duration KEPT_FOR = Duration.ofMinutes(1);
	private static final int MAX_QUESTIONS = 10_000;

	private final Cache<Question, Long> estimates;

	TotalEstimates(Ticker ticker) {
		this.estimates = Caffeine.newBuilder().ticker(ticker).expireAfterWrite(KEPT_FOR).maximumSize(MAX_QUESTIONS).build();
	}

	/** The estimate for these conditions and values, asking the planner only when none is kept. */
	long of(String where, Map<String, Object> params, LongSupplier planner) {
		return estimates.get(new Question(where, new HashMap<>(params)), question -> planner.getAsLong());
	}

	private record Question(String where, Map<String, Object> params) {
	}
}
