package io.atrium.audit;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

import com.github.f4b6a3.uuid.UuidCreator;

import io.atrium.api.RequestMetadata;
import io.atrium.database.TenantTransactions;
import tools.jackson.databind.json.JsonMapper;

/**
 * Appends an entry for every {@link AuditableEvent}, inside the transaction that published it
 * and just before it commits: the change and its entry commit together or not at all. The entry
 * is linked into its organisation's hash chain right after commit by the {@link AuditSealer}, so
 * that writers never wait for each other on the chain's head.
 */
@Component
class AuditTrail {

	static final UUID PLATFORM_CHAIN = new UUID(0, 0);

	private final JdbcClient jdbc;
	private final RequestMetadata request;
	private final JsonMapper json;
	private final Clock clock;
	private final AuditSealer sealer;

	AuditTrail(JdbcClient jdbc, RequestMetadata request, JsonMapper json, Clock clock, AuditSealer sealer) {
		this.jdbc = jdbc;
		this.request = request;
		this.json = json;
		this.clock = clock;
		this.sealer = sealer;
	}

	static UUID chainOf(UUID organisationId) {
		return organisationId == null ? PLATFORM_CHAIN : organisationId;
	}

	@TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT)
	void append(AuditableEvent event) {
		var entry = new HashMap<String, Object>();
		entry.put("id", UuidCreator.getTimeOrderedEpoch());
		entry.put("org", event.organisationId());
		entry.put("chain", chainOf(event.organisationId()));
		// microsecond precision: what PostgreSQL stores is what the hash covers
		entry.put("at", Instant.now(clock).truncatedTo(ChronoUnit.MICROS).atOffset(ZoneOffset.UTC));
		entry.put("actor", event.actorId());
		entry.put("site", event.siteId());
		entry.put("action", event.action());
		entry.put("entityType", event.entityType());
		entry.put("entityId", event.entityId());
		entry.put("changes", json.writeValueAsString(event.changes()));
		entry.put("details", json.writeValueAsString(event.details()));
		entry.put("requestId", request.requestId().orElse(null));
		entry.put("client", request.clientAddress().orElse(null));
		// one round trip; no RETURNING, since a platform entry is not readable in a tenant's scope
		jdbc.sql("""
				with entry as (
				    insert into audit_events (id, organisation_id, occurred_at, actor_id, site_id, action, entity_type,
				        entity_id, changes, details, request_id, client_address)
				    values (:id, cast(:org as uuid), :at, coalesce(cast(:actor as uuid), current_user_id()),
				        cast(:site as uuid), :action, :entityType, cast(:entityId as text), cast(:changes as jsonb),
				        cast(:details as jsonb), cast(:requestId as text), cast(:client as text)))
				insert into audit_unsealed (event_id, chain_key, occurred_at) values (:id, :chain, :at)
				""").params(entry).update();
		// a hint, not a publication to keep: the sealer's sweep links whatever a crash leaves waiting
		var chain = chainOf(event.organisationId());
		TenantTransactions.afterCommit(() -> sealer.soon(chain));
	}
}
