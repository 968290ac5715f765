package io.atrium.audit;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

import com.github.f4b6a3.uuid.UuidCreator;

import io.atrium.api.RequestMetadata;
import tools.jackson.databind.json.JsonMapper;

/**
 * Appends an entry for every {@link AuditableEvent}, inside the transaction that published it
 * and just before it commits: the change and its entry commit together or not at all. The
 * chain head row is locked while appending, so one organisation's entries are numbered and
 * linked one at a time, for as short a time as possible.
 */
@Component
class AuditTrail {

	static final UUID PLATFORM_CHAIN = new UUID(0, 0);

	private final JdbcClient jdbc;
	private final RequestMetadata request;
	private final JsonMapper json;
	private final Clock clock;

	AuditTrail(JdbcClient jdbc, RequestMetadata request, JsonMapper json, Clock clock) {
		this.jdbc = jdbc;
		this.request = request;
		this.json = json;
		this.clock = clock;
	}

	@TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT)
	void on(AuditableEvent event) {
		var chain = event.organisationId() == null ? PLATFORM_CHAIN : event.organisationId();
		jdbc.sql("insert into audit_chain_heads (chain_key, seq, hash) values (?, 0, 'genesis') on conflict do nothing")
			.param(chain).update();
		var head = jdbc.sql("select seq, hash from audit_chain_heads where chain_key = ? for update")
			.param(chain)
			.query((rs, n) -> new Head(rs.getLong("seq"), rs.getString("hash")))
			.single();
		var seq = head.seq() + 1;
		// microsecond precision: what PostgreSQL stores is what the hash covers
		var occurredAt = Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
		var actor = event.actorId() != null ? event.actorId()
				: jdbc.sql("select current_user_id()").query(UUID.class).optional().orElse(null);
		var entry = new java.util.HashMap<String, Object>();
		entry.put("id", UuidCreator.getTimeOrderedEpoch());
		entry.put("org", event.organisationId());
		entry.put("seq", seq);
		entry.put("at", occurredAt.atOffset(java.time.ZoneOffset.UTC));
		entry.put("actor", actor);
		entry.put("site", event.siteId());
		entry.put("action", event.action());
		entry.put("entityType", event.entityType());
		entry.put("entityId", event.entityId());
		entry.put("changes", json.writeValueAsString(event.changes()));
		entry.put("details", json.writeValueAsString(event.details()));
		entry.put("requestId", request.requestId().orElse(null));
		entry.put("client", request.clientAddress().orElse(null));
		entry.put("prev", head.hash());
		// hashed first and inserted without RETURNING: a platform entry is not readable in a tenant's
		// scope, and RETURNING would have to read it back
		var hash = jdbc.sql("""
				select audit_entry_hash(:seq, cast(:org as uuid), :at, cast(:actor as uuid), cast(:site as uuid), :action,
				    :entityType, cast(:entityId as text), cast(:changes as jsonb), cast(:details as jsonb),
				    cast(:requestId as text), cast(:client as text), :prev)
				""").params(entry).query(String.class).single();
		entry.put("hash", hash);
		jdbc.sql("""
				insert into audit_events (id, organisation_id, seq, occurred_at, actor_id, site_id, action, entity_type,
				    entity_id, changes, details, request_id, client_address, prev_hash, hash)
				values (:id, cast(:org as uuid), :seq, :at, cast(:actor as uuid), cast(:site as uuid), :action, :entityType,
				    cast(:entityId as text), cast(:changes as jsonb), cast(:details as jsonb), cast(:requestId as text),
				    cast(:client as text), :prev, :hash)
				""").params(entry).update();
		jdbc.sql("update audit_chain_heads set seq = ?, hash = ? where chain_key = ?").params(seq, hash, chain).update();
	}

	private record Head(long seq, String hash) {
	}
}
