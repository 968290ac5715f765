package io.atrium.webhooks;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import com.github.f4b6a3.uuid.UuidCreator;

import io.atrium.database.Scope;
import io.atrium.database.TenantTransactions;
import io.atrium.jobs.JobHandler.JobRun;
import io.atrium.jobs.JobOutcome;
import io.atrium.jobs.JobType;
import io.atrium.jobs.Jobs;
import io.atrium.webhooks.WebhookClient.Outcome;
import io.atrium.webhooks.WebhookEvents.WebhookEndpointDisabled;
import io.atrium.webhooks.WebhookEvents.WebhookEndpointDisabledOnPlatform;

/**
 * Makes delivery attempts. Each delivery is a durable job that runs an attempt and, when it
 * fails, schedules itself again on the retry schedule, so a pending retry survives restarts
 * and runs on whichever node is up.
 * <p>
 * Fairness: a send holds a row in {@code webhook_sends} while in flight; an attempt whose
 * endpoint (or organisation) already has its maximum in flight is put back a second or two
 * later without counting as an attempt, freeing its worker thread at once. One slow endpoint
 * therefore occupies at most its per-endpoint limit of worker threads, a busy organisation at
 * most its per-organisation limit, and every send ends by the timeout; the scheduler runs due
 * work oldest first, and deferred work goes behind what others have waiting.
 */
@Component
class WebhookDispatcher {

	private static final Logger log = LoggerFactory.getLogger(WebhookDispatcher.class);

	static final JobType<Delivery> DELIVERY = new JobType<>("webhook-delivery", Delivery.class);
	static final Duration LONGEST_RETRY_AFTER = Duration.ofHours(24);

	/** A delivery job's data: which delivery, and the organisation to work in. */
	record Delivery(UUID organisationId, UUID deliveryId) {
	}

	private final TenantTransactions transactions;
	private final JdbcClient jdbc;
	private final WebhookClient client;
	private final Jobs jobs;
	private final ApplicationEventPublisher events;
	private final WebhookProperties properties;
	private final Clock clock;

	WebhookDispatcher(TenantTransactions transactions, JdbcClient jdbc, WebhookClient client, Jobs jobs,
			ApplicationEventPublisher events, WebhookProperties properties, Clock clock) {
		this.transactions = transactions;
		this.jdbc = jdbc;
		this.client = client;
		this.jobs = jobs;
		this.events = events;
		this.properties = properties;
		this.clock = clock;
	}

	JobOutcome deliver(Delivery delivery, JobRun run) {
		var scope = Scope.system(delivery.organisationId());
		var prepared = transactions.write(scope, () -> prepare(delivery));
		if (prepared == null) {
			return JobOutcome.done();
		}
		if (prepared instanceof Busy) {
			return JobOutcome.runAgainAt(clock.instant().plusMillis(1000 + ThreadLocalRandom.current().nextInt(1000)));
		}
		var ready = (Ready) prepared;
		var attemptedAt = clock.instant();
		var timestamp = attemptedAt.getEpochSecond();
		var headers = new LinkedHashMap<String, String>();
		headers.put("webhook-id", ready.webhookId());
		headers.put("webhook-timestamp", Long.toString(timestamp));
		headers.put("webhook-signature", Signatures.header(ready.secrets(), ready.webhookId(), timestamp, ready.payload()));
		var result = client.post(ready.url(), headers, ready.payload());
		return transactions.write(scope, () -> record(delivery, ready, attemptedAt, result));
	}

	private sealed interface Prepared permits Ready, Busy {
	}

	private record Ready(UUID endpointId, URI url, List<String> secrets, String webhookId, String payload, int attempts)
			implements Prepared {
	}

	private record Busy() implements Prepared {
	}

	/** Loads what an attempt needs and claims a send slot; null when there is nothing to send. */
	private Prepared prepare(Delivery job) {
		var now = clock.instant();
		var found = jdbc.sql("""
				select d.status, d.attempts, d.endpoint_id, d.message_id, e.url, e.enabled, e.secret, e.previous_secret,
				       e.previous_secret_expires_at, m.payload
				from webhook_deliveries d
				join webhook_endpoints e on e.id = d.endpoint_id
				join webhook_messages m on m.id = d.message_id
				where d.id = ? for update of d
				""").param(job.deliveryId()).query((rs, n) -> {
			var secrets = new ArrayList<String>();
			secrets.add(rs.getString("secret"));
			var previousUntil = rs.getObject("previous_secret_expires_at", OffsetDateTime.class);
			if (rs.getString("previous_secret") != null && previousUntil != null && previousUntil.toInstant().isAfter(now)) {
				secrets.add(rs.getString("previous_secret"));
			}
			var ready = new Ready(rs.getObject("endpoint_id", UUID.class), URI.create(rs.getString("url")), secrets,
					"msg_" + rs.getObject("message_id", UUID.class), rs.getString("payload"), rs.getInt("attempts"));
			return new Row(rs.getString("status"), rs.getBoolean("enabled"), ready);
		}).optional();
		if (found.isEmpty() || !found.get().status().equals("PENDING")) {
			return null; // deleted with its endpoint, or already delivered or given up
		}
		if (!found.get().endpointEnabled()) {
			fail(job.deliveryId(), null, "Not sent: the endpoint is disabled. Enable it and replay the delivery.");
			return null;
		}
		var ready = found.get().ready();
		return claimSend(job, ready, now) ? ready : new Busy();
	}

	private record Row(String status, boolean endpointEnabled, Ready ready) {
	}

	/** Claims one of the limited send slots of the endpoint and the organisation, across all nodes. */
	private boolean claimSend(Delivery job, Ready ready, Instant now) {
		// one claim at a time per organisation, for as long as this short transaction
		jdbc.sql("select pg_advisory_xact_lock(7306, hashtext(?))").param(job.organisationId().toString())
			.query((rs, n) -> 1).single();
		jdbc.sql("delete from webhook_sends where organisation_id = ? and (expires_at < ? or delivery_id = ?)")
			.params(job.organisationId(), WebhookEndpoints.at(now), job.deliveryId()).update();
		var inFlight = jdbc.sql("""
				select count(*) as organisation, count(*) filter (where endpoint_id = ?) as endpoint
				from webhook_sends where organisation_id = ?
				""").params(ready.endpointId(), job.organisationId())
			.query((rs, n) -> new long[] { rs.getLong("organisation"), rs.getLong("endpoint") }).single();
		if (inFlight[0] >= properties.maxConcurrentPerOrganisation() || inFlight[1] >= properties.maxConcurrentPerEndpoint()) {
			return false;
		}
		jdbc.sql("insert into webhook_sends (delivery_id, organisation_id, endpoint_id, expires_at) values (?, ?, ?, ?)")
			.params(job.deliveryId(), job.organisationId(), ready.endpointId(),
					WebhookEndpoints.at(now.plus(properties.timeout()).plusSeconds(30)))
			.update();
		return true;
	}

	private JobOutcome record(Delivery job, Ready ready, Instant attemptedAt, WebhookClient.Result result) {
		var now = clock.instant();
		jdbc.sql("delete from webhook_sends where delivery_id = ?").param(job.deliveryId()).update();
		jdbc.sql("""
				insert into webhook_attempts (id, organisation_id, delivery_id, endpoint_id, attempted_at, outcome, status_code,
				    latency_ms, response_excerpt, error)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
				""").params(UuidCreator.getTimeOrderedEpoch(), job.organisationId(), job.deliveryId(), ready.endpointId(),
				WebhookEndpoints.at(attemptedAt), result.outcome().name(), result.status(),
				(int) Math.min(Integer.MAX_VALUE, result.latencyMillis()), result.excerpt(), truncate(result.error()))
			.update();
		var attempts = ready.attempts() + 1;
		if (result.outcome() == Outcome.SUCCEEDED) {
			jdbc.sql("""
					update webhook_deliveries set status = 'SUCCEEDED', attempts = ?, next_attempt_at = null, last_attempt_at = ?,
					    last_status_code = ?, last_error = null, updated_at = ? where id = ?
					""").params(attempts, WebhookEndpoints.at(attemptedAt), result.status(), WebhookEndpoints.at(now),
					job.deliveryId()).update();
			jdbc.sql("update webhook_endpoints set failing_since = null where id = ? and failing_since is not null")
				.param(ready.endpointId()).update();
			return JobOutcome.done();
		}
		var lastAttempt = new LastAttempt(attempts, attemptedAt, result.status(), truncate(result.error()));
		if (result.status() != null && result.status() == 410) {
			fail(job.deliveryId(), lastAttempt, "The endpoint answered 410 Gone.");
			disable(job.organisationId(), ready.endpointId(),
					"The endpoint answered 410 Gone, which says it no longer accepts these webhooks.");
			return JobOutcome.done();
		}
		var failingSince = jdbc.sql("update webhook_endpoints set failing_since = coalesce(failing_since, ?) where id = ? returning failing_since")
			.params(WebhookEndpoints.at(attemptedAt), ready.endpointId()).query(OffsetDateTime.class).single().toInstant();
		if (!failingSince.plus(properties.disableAfter()).isAfter(now)) {
			fail(job.deliveryId(), lastAttempt, result.error());
			disable(job.organisationId(), ready.endpointId(), "Every delivery attempt has failed since " + failingSince
					+ " (" + properties.disableAfter().toDays() + " days or more).");
			return JobOutcome.done();
		}
		if (attempts >= properties.retrySchedule().size()) {
			fail(job.deliveryId(), lastAttempt, result.error());
			return JobOutcome.done();
		}
		var wait = properties.retrySchedule().get(attempts);
		if (result.retryAfter() != null) {
			var asked = result.retryAfter().compareTo(LONGEST_RETRY_AFTER) > 0 ? LONGEST_RETRY_AFTER : result.retryAfter();
			wait = asked.compareTo(wait) > 0 ? asked : wait;
		}
		var next = now.plus(wait);
		jdbc.sql("""
				update webhook_deliveries set attempts = ?, next_attempt_at = ?, last_attempt_at = ?, last_status_code = ?,
				    last_error = ?, updated_at = ? where id = ?
				""").params(attempts, WebhookEndpoints.at(next), WebhookEndpoints.at(attemptedAt), result.status(),
				truncate(result.error()), WebhookEndpoints.at(now), job.deliveryId()).update();
		return JobOutcome.runAgainAt(next);
	}

	private record LastAttempt(int attempts, Instant at, Integer status, String error) {
	}

	private void fail(UUID deliveryId, LastAttempt last, String error) {
		var now = WebhookEndpoints.at(clock.instant());
		if (last == null) {
			jdbc.sql("update webhook_deliveries set status = 'FAILED', next_attempt_at = null, last_error = ?, updated_at = ? where id = ?")
				.params(truncate(error), now, deliveryId).update();
			return;
		}
		jdbc.sql("""
				update webhook_deliveries set status = 'FAILED', attempts = ?, next_attempt_at = null, last_attempt_at = ?,
				    last_status_code = ?, last_error = ?, updated_at = ? where id = ?
				""").params(last.attempts(), WebhookEndpoints.at(last.at()), last.status(), truncate(error), now, deliveryId)
			.update();
	}

	/** Stops sending to an endpoint, records why for the organisation and the platform, and tells the organisation's admins. */
	private void disable(UUID organisationId, UUID endpointId, String reason) {
		var now = WebhookEndpoints.at(clock.instant());
		var url = jdbc.sql("""
				update webhook_endpoints set enabled = false, disabled_reason = ?, disabled_at = ?, updated_at = ?,
				    version = version + 1
				where organisation_id = ? and id = ? and enabled returning url
				""").params(reason, now, now, organisationId, endpointId).query(String.class).optional();
		if (url.isEmpty()) {
			return;
		}
		log.warn("Disabled webhook endpoint {} of organisation {}: {}", endpointId, organisationId, reason);
		events.publishEvent(new WebhookEndpointDisabled(organisationId, endpointId, url.get(), reason));
		events.publishEvent(new WebhookEndpointDisabledOnPlatform(organisationId, endpointId, url.get(), reason));
		jobs.schedule(WebhookNotices.DISABLED_NOTICE, endpointId + "-" + now.toEpochSecond(),
				new WebhookNotices.DisabledNotice(organisationId, endpointId, reason), clock.instant());
	}

	private static String truncate(String text) {
		return text == null || text.length() <= 1000 ? text : text.substring(0, 1000);
	}
}
