package io.atrium.webhooks;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import com.github.f4b6a3.uuid.UuidCreator;

import io.atrium.api.ApiException;
import io.atrium.api.PageOf;
import io.atrium.api.PageQuery;
import io.atrium.audit.AuditableEvent.Change;
import io.atrium.database.Scope;
import io.atrium.database.TenantTransactions;
import io.atrium.webhooks.WebhookEvents.WebhookEndpointCreated;
import io.atrium.webhooks.WebhookEvents.WebhookEndpointDeleted;
import io.atrium.webhooks.WebhookEvents.WebhookEndpointUpdated;
import io.atrium.webhooks.WebhookEvents.WebhookSecretRotated;

/** Registering, changing and removing an organisation's endpoints, and their signing secrets. */
@Service
class WebhookEndpoints {

	static final int MAX_PER_ORGANISATION = 50;
	static final Map<String, String> SORTABLE = Map.of("createdAt", "created_at", "url", "url", "enabled", "enabled");

	private final TenantTransactions transactions;
	private final JdbcClient jdbc;
	private final TargetPolicy targets;
	private final ApplicationEventPublisher events;
	private final WebhookProperties properties;
	private final Clock clock;

	WebhookEndpoints(TenantTransactions transactions, JdbcClient jdbc, TargetPolicy targets, ApplicationEventPublisher events,
			WebhookProperties properties, Clock clock) {
		this.transactions = transactions;
		this.jdbc = jdbc;
		this.targets = targets;
		this.events = events;
		this.properties = properties;
		this.clock = clock;
	}

	/** What an endpoint is created or changed with; null fields are left as they are on update. */
	record Details(String url, String description, List<String> eventTypes, Boolean enabled) {
	}

	/**
	 * @param previousSecret the secret rotated out, still signing until {@code previousSecretExpiresAt}
	 */
	record Secret(String secret, String previousSecret, Instant previousSecretExpiresAt) {
	}

	record Created(WebhookEndpoint endpoint, String secret) {
	}

	Created create(Scope scope, UUID organisationId, Details details) {
		var url = targets.registrable(details.url()).toString();
		return transactions.write(scope, () -> {
			var count = jdbc.sql("select count(*) from webhook_endpoints where organisation_id = ?").param(organisationId)
				.query(Long.class).single();
			if (count >= MAX_PER_ORGANISATION) {
				throw ApiException.conflict("too-many-endpoints", "An organisation may register at most "
						+ MAX_PER_ORGANISATION + " webhook endpoints. Delete one it no longer uses first.");
			}
			var id = UuidCreator.getTimeOrderedEpoch();
			var secret = Signatures.newSecret();
			var now = now();
			var enabled = details.enabled() == null || details.enabled();
			jdbc.sql("""
					insert into webhook_endpoints (id, organisation_id, url, description, event_types, enabled, disabled_reason,
					    disabled_at, secret, created_at, updated_at)
					values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
					""").params(id, organisationId, url, blankToNull(details.description()), distinct(details.eventTypes()),
					enabled, enabled ? null : "Disabled by an admin.", enabled ? null : now, secret, now, now).update();
			var created = find(organisationId, id).orElseThrow();
			events.publishEvent(new WebhookEndpointCreated(organisationId, id, Change.between(Map.of(), created.audited())));
			return new Created(created, secret);
		});
	}

	PageOf<WebhookEndpoint> list(Scope scope, UUID organisationId, PageQuery page, Boolean enabled) {
		return transactions.read(scope, () -> {
			var where = " where organisation_id = ? and (cast(? as boolean) is null or enabled = ?)";
			var total = jdbc.sql("select count(*) from webhook_endpoints" + where).params(organisationId, enabled, enabled)
				.query(Long.class).single();
			var items = jdbc.sql("select * from webhook_endpoints" + where + page.orderBy() + " limit ? offset ?")
				.params(organisationId, enabled, enabled, page.size(), page.offset()).query(WebhookEndpoints::map).list();
			return PageOf.of(items, page, total);
		});
	}

	Optional<WebhookEndpoint> get(Scope scope, UUID organisationId, UUID id) {
		return transactions.read(scope, () -> find(organisationId, id));
	}

	WebhookEndpoint update(Scope scope, UUID organisationId, UUID id, Integer expectedVersion, Details details) {
		var url = details.url() == null ? null : targets.registrable(details.url()).toString();
		return transactions.write(scope, () -> {
			var current = jdbc.sql("select * from webhook_endpoints where organisation_id = ? and id = ? for update")
				.params(organisationId, id).query(WebhookEndpoints::map).optional()
				.orElseThrow(() -> ApiException.notFound("webhook endpoint"));
			if (expectedVersion != null && expectedVersion != current.version()) {
				throw ApiException.preconditionFailed("The endpoint was changed by someone else (now version "
						+ current.version() + "). Reload it and apply your change again.");
			}
			var now = now();
			var enabling = Boolean.TRUE.equals(details.enabled()) && !current.enabled();
			var disabling = Boolean.FALSE.equals(details.enabled()) && current.enabled();
			jdbc.sql("""
					update webhook_endpoints set url = ?, description = ?, event_types = ?, enabled = ?,
					    disabled_reason = case when ? then null when ? then 'Disabled by an admin.' else disabled_reason end,
					    disabled_at = case when ? then null when ? then ? else disabled_at end,
					    failing_since = case when ? then null else failing_since end,
					    updated_at = ?, version = version + 1
					where organisation_id = ? and id = ?
					""").params(url != null ? url : current.url(),
					details.description() != null ? blankToNull(details.description()) : current.description(),
					details.eventTypes() != null ? distinct(details.eventTypes()) : current.eventTypes().toArray(String[]::new),
					details.enabled() != null ? details.enabled() : current.enabled(),
					enabling, disabling, enabling, disabling, now, enabling, now, organisationId, id).update();
			var updated = find(organisationId, id).orElseThrow();
			var changes = Change.between(current.audited(), updated.audited());
			if (!changes.isEmpty()) {
				events.publishEvent(new WebhookEndpointUpdated(organisationId, id, changes));
			}
			return updated;
		});
	}

	/** Deletes the endpoint with its delivery log; its pending deliveries are dropped. */
	void delete(Scope scope, UUID organisationId, UUID id) {
		transactions.run(scope, () -> {
			var current = find(organisationId, id).orElseThrow(() -> ApiException.notFound("webhook endpoint"));
			jdbc.sql("delete from webhook_endpoints where organisation_id = ? and id = ?").params(organisationId, id).update();
			events.publishEvent(new WebhookEndpointDeleted(organisationId, id, Change.between(current.audited(), Map.of())));
		});
	}

	Secret secret(Scope scope, UUID organisationId, UUID id) {
		return transactions.read(scope, () -> readSecret(organisationId, id));
	}

	/**
	 * A new secret. The old one keeps signing alongside it for the overlap, so receivers can
	 * switch over without rejecting a single delivery.
	 */
	Secret rotate(Scope scope, UUID organisationId, UUID id) {
		return transactions.write(scope, () -> {
			readSecret(organisationId, id);
			var until = clock.instant().plus(properties.secretOverlap());
			jdbc.sql("""
					update webhook_endpoints set previous_secret = secret, previous_secret_expires_at = ?, secret = ?,
					    updated_at = ?, version = version + 1
					where organisation_id = ? and id = ?
					""").params(at(until), Signatures.newSecret(), now(), organisationId, id).update();
			events.publishEvent(new WebhookSecretRotated(organisationId, id, until));
			return readSecret(organisationId, id);
		});
	}

	private Secret readSecret(UUID organisationId, UUID id) {
		return jdbc.sql("select secret, previous_secret, previous_secret_expires_at from webhook_endpoints where organisation_id = ? and id = ?")
			.params(organisationId, id).query((rs, n) -> {
				var expires = rs.getObject("previous_secret_expires_at", OffsetDateTime.class);
				var current = expires != null && expires.toInstant().isAfter(clock.instant());
				return new Secret(rs.getString("secret"), current ? rs.getString("previous_secret") : null,
						current ? expires.toInstant() : null);
			}).optional().orElseThrow(() -> ApiException.notFound("webhook endpoint"));
	}

	private Optional<WebhookEndpoint> find(UUID organisationId, UUID id) {
		return jdbc.sql("select * from webhook_endpoints where organisation_id = ? and id = ?").params(organisationId, id)
			.query(WebhookEndpoints::map).optional();
	}

	static WebhookEndpoint map(ResultSet rs, int row) throws SQLException {
		return new WebhookEndpoint(rs.getObject("id", UUID.class), rs.getObject("organisation_id", UUID.class),
				rs.getString("url"), rs.getString("description"), List.of((String[]) rs.getArray("event_types").getArray()),
				rs.getBoolean("enabled"), rs.getString("disabled_reason"), instant(rs, "disabled_at"),
				instant(rs, "failing_since"), instant(rs, "created_at"), instant(rs, "updated_at"), rs.getInt("version"));
	}

	static Instant instant(ResultSet rs, String column) throws SQLException {
		var value = rs.getObject(column, OffsetDateTime.class);
		return value == null ? null : value.toInstant();
	}

	private static String[] distinct(List<String> eventTypes) {
		return new ArrayList<>(new java.util.LinkedHashSet<>(eventTypes)).toArray(String[]::new);
	}

	private static String blankToNull(String text) {
		return text == null || text.isBlank() ? null : text.strip();
	}

	private OffsetDateTime now() {
		return at(clock.instant());
	}

	static OffsetDateTime at(Instant instant) {
		return instant.atOffset(ZoneOffset.UTC);
	}
}
