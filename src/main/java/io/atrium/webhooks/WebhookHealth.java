package io.atrium.webhooks;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import io.atrium.database.Scope;
import io.atrium.database.TenantTransactions;

/** How webhook delivery is going, for the operator console (or an organisation's own view). */
@Service
public class WebhookHealth {

	private final TenantTransactions transactions;
	private final JdbcClient jdbc;
	private final Clock clock;

	WebhookHealth(TenantTransactions transactions, JdbcClient jdbc, Clock clock) {
		this.transactions = transactions;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/**
	 * @param endpoints registered endpoints
	 * @param failingEndpoints enabled endpoints whose attempts have failed since their last success
	 * @param disabledEndpoints endpoints Atrium or an admin stopped sending to
	 * @param pendingDeliveries deliveries waiting for their first attempt or a retry (the backlog)
	 * @param failedDeliveriesLastDay deliveries given up in the last 24 hours
	 * @param oldestPendingSince when the oldest waiting delivery was created; null when none waits
	 */
	public record Summary(long endpoints, long failingEndpoints, long disabledEndpoints, long pendingDeliveries,
			long failedDeliveriesLastDay, Instant oldestPendingSince) {
	}

	/** Across every organisation the scope sees: all of them in the platform scope. */
	public Summary summary(Scope scope) {
		var dayAgo = clock.instant().minusSeconds(86_400).atOffset(java.time.ZoneOffset.UTC);
		return transactions.read(scope, () -> {
			var endpoints = jdbc.sql("""
					select count(*) as total, count(*) filter (where enabled and failing_since is not null) as failing,
					       count(*) filter (where not enabled) as disabled
					from webhook_endpoints
					""").query((rs, n) -> new long[] { rs.getLong("total"), rs.getLong("failing"), rs.getLong("disabled") })
				.single();
			return jdbc.sql("""
					select count(*) filter (where status = 'PENDING') as pending,
					       count(*) filter (where status = 'FAILED' and updated_at >= ?) as failed,
					       min(created_at) filter (where status = 'PENDING') as oldest
					from webhook_deliveries where status in ('PENDING', 'FAILED')
					""").param(dayAgo).query((rs, n) -> {
				var oldest = rs.getObject("oldest", OffsetDateTime.class);
				return new Summary(endpoints[0], endpoints[1], endpoints[2], rs.getLong("pending"), rs.getLong("failed"),
						oldest == null ? null : oldest.toInstant());
			}).single();
		});
	}
}
