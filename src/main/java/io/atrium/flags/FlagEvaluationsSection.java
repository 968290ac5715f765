package io.atrium.flags;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import io.atrium.database.Scope;
import io.atrium.operations.DashboardSection;

/**
 * The operator dashboard's view of feature flags: how many there are, how many are stale, and
 * the evaluations stored so far today and over the last seven days (counts reach the database
 * every {@code atrium.flags.analytics-flush-interval}).
 */
@Component
class FlagEvaluationsSection implements DashboardSection {

	private final JdbcClient jdbc;
	private final FlagsProperties properties;
	private final Clock clock;

	FlagEvaluationsSection(JdbcClient jdbc, FlagsProperties properties, Clock clock) {
		this.jdbc = jdbc;
		this.properties = properties;
		this.clock = clock;
	}

	@Override
	public String name() {
		return "flagEvaluations";
	}

	/** Read inside the dashboard's platform-scope transaction; flag tables hold no tenant rows. */
	@Override
	public Object summary(Scope platform) {
		var now = clock.instant();
		var today = LocalDate.ofInstant(now, ZoneOffset.UTC);
		var staleBefore = OffsetDateTime.ofInstant(now.minus(properties.staleAfter()), ZoneOffset.UTC);
		var flags = jdbc.sql("""
				select count(*) as flags, count(*) filter (where enabled) as enabled,
				       count(*) filter (where coalesce(last_evaluated_at, created_at) < ?) as stale
				from feature_flags
				""").param(staleBefore).query((rs, n) -> new long[] { rs.getLong("flags"), rs.getLong("enabled"), rs.getLong("stale") })
			.single();
		var evaluations = jdbc.sql("""
				select coalesce(sum(evaluations) filter (where day = ?), 0) as today, coalesce(sum(evaluations), 0) as week
				from feature_flag_evaluations where day > ?
				""").params(today, today.minusDays(7)).query((rs, n) -> new long[] { rs.getLong("today"), rs.getLong("week") })
			.single();
		return new Summary(flags[0], flags[1], flags[2], evaluations[0], evaluations[1]);
	}

	record Summary(long flags, long enabled, long stale, long evaluationsToday, long evaluationsLast7Days) {
	}
}
