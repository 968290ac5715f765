package io.atrium.webhooks;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import io.atrium.api.ApiException;
import io.atrium.api.PageOf;
import io.atrium.api.PageQuery;
import io.atrium.database.Scope;
import io.atrium.database.TenantTransactions;
import io.atrium.jobs.Jobs;
import io.atrium.webhooks.WebhookEvents.WebhookDeliveriesReplayed;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The delivery log admins read, and replaying deliveries. */
@Service
class WebhookDeliveries {

	static final Map<String, String> SORTABLE = Map.of("createdAt", "created_at", "eventType", "event_type", "status",
			"status", "lastAttemptAt", "last_attempt_at");
	static final Map<String, String> ATTEMPTS_SORTABLE = Map.of("attemptedAt", "attempted_at");
	/** The most one bulk replay sends again; the answer says when there are more. */
	static final int MAX_BULK_REPLAY = 10_000;

	enum Status {
		PENDING, SUCCEEDED, FAILED
	}

	/**
	 * @param webhookId the {@code webhook-id} every attempt of this message carries
	 * @param attempts attempts in the current round (a replay starts a new round)
	 */
	record Delivery(UUID id, String webhookId, UUID endpointId, String eventType, Status status, int attempts,
			Instant nextAttemptAt, Instant lastAttemptAt, Integer lastStatusCode, String lastError, Instant createdAt) {
	}

	record Attempt(UUID id, UUID deliveryId, Instant attemptedAt, WebhookClient.Outcome outcome, Integer statusCode,
			int latencyMillis, String responseExcerpt, String error) {
	}

	/** A delivery with what was sent and every attempt at it. */
	record DeliveryDetail(UUID id, String webhookId, UUID endpointId, String eventType, Status status, int attempts,
			Instant nextAttemptAt, Instant lastAttemptAt, Integer lastStatusCode, String lastError, Instant createdAt,
			JsonNode payload, List<Attempt> attemptLog) {
	}

	record Filter(Status status, UUID endpointId, String eventType, Instant from, Instant to) {
	}

	record Replayed(int replayed, boolean more) {
	}

	private final TenantTransactions transactions;
	private final JdbcClient jdbc;
	private final Jobs jobs;
	private final ApplicationEventPublisher events;
	private final JsonMapper json;
	private final Clock clock;

	WebhookDeliveries(TenantTransactions transactions, JdbcClient jdbc, Jobs jobs, ApplicationEventPublisher events,
			JsonMapper json, Clock clock) {
		this.transactions = transactions;
		this.jdbc = jdbc;
		this.jobs = jobs;
		this.events = events;
		this.json = json;
		this.clock = clock;
	}

	PageOf<Delivery> list(Scope scope, UUID organisationId, PageQuery page, Filter filter) {
		return transactions.read(scope, () -> {
			var where = new StringBuilder(" from webhook_deliveries d join webhook_messages m on m.id = d.message_id where d.organisation_id = ?");
			var params = new ArrayList<Object>();
			params.add(organisationId);
			if (filter.status() != null) {
				where.append(" and d.status = ?");
				params.add(filter.status().name());
			}
			if (filter.endpointId() != null) {
				where.append(" and d.endpoint_id = ?");
				params.add(filter.endpointId());
			}
			if (filter.eventType() != null) {
				if (filter.eventType().endsWith(".*")) {
					where.append(" and d.event_type like ?");
					params.add(filter.eventType().substring(0, filter.eventType().length() - 1).replace("_", "\\_") + "%");
				}
				else if (!filter.eventType().equals("*")) {
					where.append(" and d.event_type = ?");
					params.add(filter.eventType());
				}
			}
			if (filter.from() != null) {
				where.append(" and d.created_at >= ?");
				params.add(WebhookEndpoints.at(filter.from()));
			}
			if (filter.to() != null) {
				where.append(" and d.created_at < ?");
				params.add(WebhookEndpoints.at(filter.to()));
			}
			var total = jdbc.sql("select count(*)" + where).params(params).query(Long.class).single();
			var pageParams = new ArrayList<>(params);
			pageParams.add(page.size());
			pageParams.add(page.offset());
			var direction = page.ascending() ? " asc" : " desc";
			var order = " order by d." + page.sortColumn() + direction + ", d.id" + direction;
			var items = jdbc.sql("select d.*" + where + order + " limit ? offset ?").params(pageParams)
				.query(WebhookDeliveries::map).list();
			return PageOf.of(items, page, total);
		});
	}

	Optional<DeliveryDetail> get(Scope scope, UUID organisationId, UUID id) {
		return transactions.read(scope, () -> find(organisationId, id).map(delivery -> {
			var payload = jdbc.sql("select m.payload from webhook_messages m join webhook_deliveries d on d.message_id = m.id where d.id = ?")
				.param(id).query(String.class).single();
			var attempts = jdbc.sql("select * from webhook_attempts where delivery_id = ? order by attempted_at, id")
				.param(id).query(WebhookDeliveries::mapAttempt).list();
			return new DeliveryDetail(delivery.id(), delivery.webhookId(), delivery.endpointId(), delivery.eventType(),
					delivery.status(), delivery.attempts(), delivery.nextAttemptAt(), delivery.lastAttemptAt(),
					delivery.lastStatusCode(), delivery.lastError(), delivery.createdAt(), json.readTree(payload), attempts);
		}));
	}

	PageOf<Attempt> attempts(Scope scope, UUID organisationId, UUID deliveryId, PageQuery page) {
		return transactions.read(scope, () -> {
			find(organisationId, deliveryId).orElseThrow(() -> ApiException.notFound("webhook delivery"));
			var total = jdbc.sql("select count(*) from webhook_attempts where delivery_id = ?").param(deliveryId)
				.query(Long.class).single();
			var items = jdbc.sql("select * from webhook_attempts where delivery_id = ?" + page.orderBy() + " limit ? offset ?")
				.params(deliveryId, page.size(), page.offset()).query(WebhookDeliveries::mapAttempt).list();
			return PageOf.of(items, page, total);
		});
	}

	/** Sends a delivery again now, with a fresh round of retries and the same webhook-id. */
	Delivery replay(Scope scope, UUID organisationId, UUID id) {
		return transactions.write(scope, () -> {
			var enabled = jdbc.sql("""
					select e.enabled from webhook_deliveries d join webhook_endpoints e on e.id = d.endpoint_id
					where d.organisation_id = ? and d.id = ? for update of d
					""").params(organisationId, id).query(Boolean.class).optional()
				.orElseThrow(() -> ApiException.notFound("webhook delivery"));
			if (!enabled) {
				throw endpointDisabled();
			}
			restart(organisationId, id);
			events.publishEvent(new WebhookDeliveriesReplayed(organisationId, id, null, 1));
			return find(organisationId, id).orElseThrow();
		});
	}

	/** Sends again every failed delivery created since {@code since}, to enabled endpoints (one endpoint if given). */
	Replayed replayFailedSince(Scope scope, UUID organisationId, Instant since, UUID endpointId) {
		return transactions.write(scope, () -> {
			if (endpointId != null) {
				var enabled = jdbc.sql("select enabled from webhook_endpoints where organisation_id = ? and id = ?")
					.params(organisationId, endpointId).query(Boolean.class).optional()
					.orElseThrow(() -> ApiException.notFound("webhook endpoint"));
				if (!enabled) {
					throw endpointDisabled();
				}
			}
			var ids = jdbc.sql("""
					select d.id from webhook_deliveries d join webhook_endpoints e on e.id = d.endpoint_id
					where d.organisation_id = ? and d.status = 'FAILED' and d.created_at >= ? and e.enabled
					  and (cast(? as uuid) is null or d.endpoint_id = ?)
					order by d.created_at, d.id limit ? for update of d
					""").params(organisationId, WebhookEndpoints.at(since), endpointId, endpointId, MAX_BULK_REPLAY + 1)
				.query(UUID.class).list();
			var replaying = ids.subList(0, Math.min(ids.size(), MAX_BULK_REPLAY));
			replaying.forEach(id -> restart(organisationId, id));
			if (!replaying.isEmpty()) {
				events.publishEvent(new WebhookDeliveriesReplayed(organisationId, null, since, replaying.size()));
			}
			return new Replayed(replaying.size(), ids.size() > MAX_BULK_REPLAY);
		});
	}

	private void restart(UUID organisationId, UUID id) {
		var now = clock.instant();
		jdbc.sql("update webhook_deliveries set status = 'PENDING', attempts = 0, next_attempt_at = ?, updated_at = ? where id = ?")
			.params(WebhookEndpoints.at(now), WebhookEndpoints.at(now), id).update();
		jobs.schedule(WebhookDispatcher.DELIVERY, id.toString(), new WebhookDispatcher.Delivery(organisationId, id), now);
	}

	private static ApiException endpointDisabled() {
		return ApiException.conflict("endpoint-disabled",
				"The endpoint is disabled. Enable it (PATCH the endpoint with {\"enabled\": true}), then replay.");
	}

	private Optional<Delivery> find(UUID organisationId, UUID id) {
		return jdbc.sql("select * from webhook_deliveries where organisation_id = ? and id = ?").params(organisationId, id)
			.query(WebhookDeliveries::map).optional();
	}

	static Delivery map(ResultSet rs, int row) throws SQLException {
		return new Delivery(rs.getObject("id", UUID.class), "msg_" + rs.getObject("message_id", UUID.class),
				rs.getObject("endpoint_id", UUID.class), rs.getString("event_type"), Status.valueOf(rs.getString("status")),
				rs.getInt("attempts"), WebhookEndpoints.instant(rs, "next_attempt_at"),
				WebhookEndpoints.instant(rs, "last_attempt_at"), rs.getObject("last_status_code", Integer.class),
				rs.getString("last_error"), WebhookEndpoints.instant(rs, "created_at"));
	}

	static Attempt mapAttempt(ResultSet rs, int row) throws SQLException {
		return new Attempt(rs.getObject("id", UUID.class), rs.getObject("delivery_id", UUID.class),
				WebhookEndpoints.instant(rs, "attempted_at"), WebhookClient.Outcome.valueOf(rs.getString("outcome")),
				rs.getObject("status_code", Integer.class), rs.getInt("latency_ms"), rs.getString("response_excerpt"),
				rs.getString("error"));
	}
}
