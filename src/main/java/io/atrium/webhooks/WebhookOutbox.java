package io.atrium.webhooks;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

import com.github.f4b6a3.uuid.UuidCreator;

import io.atrium.audit.AuditableEvent;
import io.atrium.database.TenantTransactions;
import io.atrium.jobs.Jobs;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns every business event of an organisation into a webhook message for the endpoints that
 * subscribe to its type. Runs inside the transaction that made the change, just before it
 * commits, and schedules the deliveries in that same transaction: a committed change always
 * has its message and deliveries, a rolled-back one never sends anything.
 */
@Component
class WebhookOutbox {

	private final TenantTransactions transactions;
	private final JdbcClient jdbc;
	private final Jobs jobs;
	private final JsonMapper json;
	private final Clock clock;

	WebhookOutbox(TenantTransactions transactions, JdbcClient jdbc, Jobs jobs, JsonMapper json, Clock clock) {
		this.transactions = transactions;
		this.jdbc = jdbc;
		this.jobs = jobs;
		this.json = json;
		this.clock = clock;
	}

	@TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT)
	void on(AuditableEvent event) {
		if (event.organisationId() == null || event.action().startsWith(WebhookEvents.PREFIX)) {
			return;
		}
		// the event's own organisation, whichever scope published it (a super admin's, a job's); the
		// webhook tables are confined by organisation alone (V41), so a scope of the same
		// organisation, the usual case, is used as it is
		transactions.runForOrganisation(event.organisationId(), () -> record(event));
	}

	private void record(AuditableEvent event) {
		var organisationId = event.organisationId();
		var endpoints = jdbc.sql("select id, event_types from webhook_endpoints where organisation_id = ? and enabled")
			.param(organisationId)
			.query((rs, n) -> new Subscriber(rs.getObject("id", UUID.class), List.of((String[]) rs.getArray("event_types").getArray())))
			.list().stream().filter(s -> EventTypes.anyMatches(s.eventTypes(), event.action())).toList();
		if (endpoints.isEmpty()) {
			return;
		}
		var occurredAt = clock.instant().truncatedTo(ChronoUnit.MICROS);
		var messageId = UuidCreator.getTimeOrderedEpoch();
		jdbc.sql("insert into webhook_messages (id, organisation_id, event_type, payload, occurred_at) values (?, ?, ?, ?, ?)")
			.params(messageId, organisationId, event.action(), payload(event, occurredAt), WebhookEndpoints.at(occurredAt))
			.update();
		for (var endpoint : endpoints) {
			var deliveryId = UuidCreator.getTimeOrderedEpoch();
			jdbc.sql("""
					insert into webhook_deliveries (id, organisation_id, message_id, endpoint_id, event_type, status, attempts,
					    next_attempt_at, created_at, updated_at)
					values (?, ?, ?, ?, ?, 'PENDING', 0, ?, ?, ?)
					""").params(deliveryId, organisationId, messageId, endpoint.id(), event.action(),
					WebhookEndpoints.at(occurredAt), WebhookEndpoints.at(occurredAt), WebhookEndpoints.at(occurredAt)).update();
			jobs.schedule(WebhookDispatcher.DELIVERY, deliveryId.toString(),
					new WebhookDispatcher.Delivery(organisationId, deliveryId), occurredAt);
		}
	}

	/** The body every attempt sends: {@code {type, timestamp, data: {organisationId, entityType, entityId, siteId, changes}}}. */
	private String payload(AuditableEvent event, java.time.Instant occurredAt) {
		var data = new LinkedHashMap<String, Object>();
		data.put("organisationId", event.organisationId());
		data.put("entityType", event.entityType());
		data.put("entityId", event.entityId());
		data.put("siteId", event.siteId());
		data.put("changes", event.changes());
		var payload = new LinkedHashMap<String, Object>();
		payload.put("type", event.action());
		payload.put("timestamp", occurredAt.toString());
		payload.put("data", data);
		return json.writeValueAsString(payload);
	}

	private record Subscriber(UUID id, List<String> eventTypes) {
	}
}
