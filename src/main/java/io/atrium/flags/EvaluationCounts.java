package io.atrium.flags;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import io.atrium.database.Scope;
import io.atrium.database.TenantTransactions;
import jakarta.annotation.PreDestroy;

/**
 * Evaluations per flag, variant and day for analytics. Counted in memory (an evaluation never
 * writes to the database) and added to {@code feature_flag_evaluations} every
 * {@code atrium.flags.analytics-flush-interval} and at shutdown, together with each flag's
 * {@code last_evaluated_at}, which stale-flag reports read.
 */
@Component
class EvaluationCounts {

	private static final Logger log = LoggerFactory.getLogger(EvaluationCounts.class);

	private final ConcurrentHashMap<Key, Long> counts = new ConcurrentHashMap<>();
	private final ConcurrentHashMap<String, Instant> lastEvaluated = new ConcurrentHashMap<>();
	private final TenantTransactions transactions;
	private final JdbcClient jdbc;
	private final Clock clock;

	EvaluationCounts(TenantTransactions transactions, JdbcClient jdbc, Clock clock) {
		this.transactions = transactions;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	void count(Evaluation evaluation) {
		var now = clock.instant();
		counts.merge(new Key(evaluation.key(), String.valueOf(evaluation.variant()), LocalDate.ofInstant(now, ZoneOffset.UTC)),
				1L, Long::sum);
		lastEvaluated.merge(evaluation.key(), now, (a, b) -> a.isAfter(b) ? a : b);
	}

	/** One day's evaluations of one variant. */
	record DailyCount(LocalDate day, String variant, long evaluations) {
	}

	List<DailyCount> of(Scope scope, String key, LocalDate from, LocalDate to) {
		return transactions.read(scope, () -> jdbc.sql("""
				select day, variant, evaluations from feature_flag_evaluations
				where flag_key = ? and day between ? and ? order by day, variant
				""").params(key, from, to)
			.query((rs, n) -> new DailyCount(rs.getObject("day", LocalDate.class), rs.getString("variant"),
					rs.getLong("evaluations")))
			.list());
	}

	@Scheduled(fixedDelayString = "${atrium.flags.analytics-flush-interval:60s}")
	@PreDestroy
	void flush() {
		var batch = new HashMap<Key, Long>();
		for (var key : new ArrayList<>(counts.keySet())) {
			// remove() hands the count over atomically; an evaluation counted after it starts a new entry
			var evaluations = counts.remove(key);
			if (evaluations != null) {
				batch.put(key, evaluations);
			}
		}
		var seen = new HashMap<String, Instant>();
		for (var key : new ArrayList<>(lastEvaluated.keySet())) {
			var at = lastEvaluated.remove(key);
			if (at != null) {
				seen.put(key, at);
			}
		}
		if (batch.isEmpty() && seen.isEmpty()) {
			return;
		}
		try {
			transactions.run(Scope.anonymous(), () -> {
				batch.forEach((key, evaluations) -> jdbc.sql("""
						insert into feature_flag_evaluations (flag_key, day, variant, evaluations) values (?, ?, ?, ?)
						on conflict (flag_key, day, variant)
						do update set evaluations = feature_flag_evaluations.evaluations + excluded.evaluations
						""").params(key.flag(), key.day(), key.variant(), evaluations).update());
				seen.forEach((key, at) -> jdbc.sql("""
						update feature_flags set last_evaluated_at = greatest(coalesce(last_evaluated_at, ?), ?) where key = ?
						""").params(at.atOffset(ZoneOffset.UTC), at.atOffset(ZoneOffset.UTC), key).update());
			});
		}
		catch (RuntimeException e) {
			log.warn("Could not record flag evaluations; keeping them for the next flush", e);
			batch.forEach((key, evaluations) -> counts.merge(key, evaluations, Long::sum));
			seen.forEach((key, at) -> lastEvaluated.merge(key, at, (a, b) -> a.isAfter(b) ? a : b));
		}
	}

	private record Key(String flag, String variant, LocalDate day) {
	}

	static Map<String, Long> totals(List<DailyCount> counts) {
		var totals = new java.util.TreeMap<String, Long>();
		counts.forEach(count -> totals.merge(count.variant(), count.evaluations(), Long::sum));
		return totals;
	}
}
