package io.atrium.operations;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import io.atrium.database.Scope;
import io.atrium.database.TenantTransactions;
import io.atrium.jobs.JobBacklog;
import io.atrium.jobs.Jobs;
import io.atrium.webhooks.WebhookHealth;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * The numbers on the operator dashboard. Counts of organisations, users and sessions are read
 * from their tables in the platform scope (a read model across modules: nothing here writes);
 * request counts come from Micrometer and cover this node since it started.
 */
@Service
class PlatformStatistics {

	private final TenantTransactions transactions;
	private final JdbcClient jdbc;
	private final MeterRegistry meters;
	private final WebhookHealth webhooks;
	private final Jobs jobs;
	private final ObjectProvider<DashboardSection> sections;
	private final Clock clock;

	PlatformStatistics(TenantTransactions transactions, JdbcClient jdbc, MeterRegistry meters, WebhookHealth webhooks,
			Jobs jobs, ObjectProvider<DashboardSection> sections, Clock clock) {
		this.transactions = transactions;
		this.jdbc = jdbc;
		this.meters = meters;
		this.webhooks = webhooks;
		this.jobs = jobs;
		this.sections = sections;
		this.clock = clock;
	}

	/**
	 * @param sections what other modules add (see {@link DashboardSection}), by name
	 */
	record Stats(Instant generatedAt, OrganisationCounts organisations, UserCounts users, SessionCounts sessions,
			RequestCounts requests, WebhookHealth.Summary webhooks, JobBacklog jobs, Map<String, Object> sections) {
	}

	record OrganisationCounts(long total, long active, long suspended) {
	}

	/** @param locked accounts locked out after failed sign-ins right now */
	record UserCounts(long total, long active, long disabled, long locked) {
	}

	/** @param active sessions neither signed out, revoked nor expired */
	record SessionCounts(long active) {
	}

	/**
	 * @param total requests answered by this node since it started
	 * @param clientErrors of which answered 4xx
	 * @param serverErrors of which answered 5xx
	 */
	record RequestCounts(long total, long clientErrors, long serverErrors, Instant since) {
	}

	private final Instant started = Instant.now();

	Stats collect(Scope platform) {
		var now = clock.instant().atOffset(ZoneOffset.UTC);
		var counts = transactions.read(platform, () -> {
			var organisations = jdbc.sql("""
					select count(*) as total, count(*) filter (where status = 'ACTIVE') as active,
					       count(*) filter (where status = 'SUSPENDED') as suspended
					from organisations
					""").query((rs, n) -> new OrganisationCounts(rs.getLong("total"), rs.getLong("active"), rs.getLong("suspended")))
				.single();
			var users = jdbc.sql("""
					select count(*) as total, count(*) filter (where status = 'ACTIVE') as active,
					       count(*) filter (where status = 'DISABLED') as disabled,
					       count(*) filter (where locked_until > ?) as locked
					from users
					""").param(now).query((rs, n) -> new UserCounts(rs.getLong("total"), rs.getLong("active"),
							rs.getLong("disabled"), rs.getLong("locked")))
				.single();
			var sessions = jdbc.sql("select count(*) from sessions where revoked_at is null and expires_at > ?").param(now)
				.query(Long.class).single();
			return new Object[] { organisations, users, new SessionCounts(sessions) };
		});
		var contributed = new LinkedHashMap<String, Object>();
		sections.orderedStream().forEach(section -> contributed.put(section.name(), section.summary(platform)));
		return new Stats(clock.instant(), (OrganisationCounts) counts[0], (UserCounts) counts[1], (SessionCounts) counts[2],
				requests(), webhooks.summary(platform), jobs.backlog(), contributed);
	}

	private RequestCounts requests() {
		long total = 0;
		long client = 0;
		long server = 0;
		for (Timer timer : meters.find("http.server.requests").timers()) {
			total += timer.count();
			var outcome = timer.getId().getTag("outcome");
			if ("CLIENT_ERROR".equals(outcome)) {
				client += timer.count();
			}
			else if ("SERVER_ERROR".equals(outcome)) {
				server += timer.count();
			}
		}
		return new RequestCounts(total, client, server, started);
	}
}
