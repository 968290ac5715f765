package io.atrium.webhooks;

import java.time.Clock;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import io.atrium.database.Scope;
import io.atrium.database.TenantTransactions;

/** Deletes messages (with their deliveries and attempt logs) older than the retention, unless still pending. */
@Component
class WebhookRetention {

	private final TenantTransactions transactions;
	private final JdbcClient jdbc;
	private final WebhookProperties properties;
	private final Clock clock;

	WebhookRetention(TenantTransactions transactions, JdbcClient jdbc, WebhookProperties properties, Clock clock) {
		this.transactions = transactions;
		this.jdbc = jdbc;
		this.properties = properties;
		this.clock = clock;
	}

	void purge() {
		var now = clock.instant();
		// every organisation's rows: the platform scope, as no user
		transactions.run(Scope.platform(null), () -> {
			jdbc.sql("""
					delete from webhook_messages m where m.occurred_at < ?
					  and not exists (select 1 from webhook_deliveries d where d.message_id = m.id and d.status = 'PENDING')
					""").param(WebhookEndpoints.at(now.minus(properties.retention()))).update();
			jdbc.sql("delete from webhook_sends where expires_at < ?").param(WebhookEndpoints.at(now)).update();
		});
	}
}
