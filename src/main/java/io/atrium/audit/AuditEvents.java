package io.atrium.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import io.atrium.api.ApiException;
import io.atrium.api.PageQuery;
import io.atrium.database.Scope;
import io.atrium.database.TenantTransactions;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reading and verifying the audit trail. Which chain a call reads follows from its scope: an
 * organisation's scope reads that organisation's chain, the platform scope reads the platform's
 * own chain (sign-ins and other entries without an organisation). Row-level security lets no
 * other scope see either, so the scope, not the caller's filters, decides what is visible.
 */
@Service
public class AuditEvents {

	public static final int DEFAULT_PAGE_SIZE = 50;

	/** Rows fetched per round trip while verifying, so a long chain is streamed, not loaded. */
	private static final int VERIFY_FETCH_SIZE = 1000;

	private static final String GENESIS = "genesis";

	private static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");
	private static final Instant LATEST = Instant.parse("+10000-01-01T00:00:00Z");

	/** An entry with its link into the chain ({@code audit_chain_links}, written when it is sealed). */
	private static final String ENTRIES = """
			select a.id, l.seq, a.occurred_at, a.actor_id, a.site_id, a.action, a.entity_type, a.entity_id,
			       a.changes::text as changes, a.details::text as details, a.request_id, a.client_address, l.hash, l.prev_hash
			from audit_events a join audit_chain_links l on l.event_id = a.id""";

	private final TenantTransactions transactions;
	private final JdbcClient jdbc;
	private final JdbcClient streaming;
	private final JsonMapper json;
	private final AuditSealer sealer;

	AuditEvents(TenantTransactions transactions, JdbcClient jdbc, DataSource dataSource, JsonMapper json, AuditSealer sealer) {
		this.sealer = sealer;
		this.transactions = transactions;
		this.jdbc = jdbc;
		var template = new JdbcTemplate(dataSource);
		template.setFetchSize(VERIFY_FETCH_SIZE);
		this.streaming = JdbcClient.create(template);
		this.json = json;
	}

	/** One recorded change, with the hashes that chain it to the entry before. */
	public record Entry(UUID id, long seq, Instant occurredAt, UUID actorId, UUID siteId, String action,
			String entityType, String entityId, JsonNode changes, JsonNode details, String requestId,
			String clientAddress, String hash, String prevHash) {
	}

	/**
	 * What to look for; null fields do not filter.
	 *
	 * @param action an action such as {@code site.created}, or a prefix ending in a dot such as {@code member.}
	 * @param from earliest time, inclusive
	 * @param to latest time, exclusive
	 */
	public record Filter(String action, UUID actorId, String entityType, String entityId, UUID siteId, Instant from,
			Instant to) {
	}

	/** Entries newest first; {@code nextCursor} fetches the next (older) ones and is null after the last. */
	public record EntryPage(List<Entry> items, String nextCursor) {
	}

	/**
	 * The outcome of recomputing a chain.
	 *
	 * @param valid whether every entry is intact, linked to the one before and none is missing
	 * @param checked how many entries were examined (up to and including a broken one)
	 * @param firstBroken where the chain first breaks; null when it is valid
	 */
	public record Verification(boolean valid, long checked, BrokenLink firstBroken) {
	}

	/**
	 * @param seq the position where the chain breaks
	 * @param id the entry at that position; null when the entry is missing
	 * @param reason what is wrong there
	 */
	public record BrokenLink(long seq, UUID id, String reason) {
	}

	/**
	 * A page of the scope's chain, newest first.
	 *
	 * @param cursor the {@code nextCursor} of the page before, or null for the newest entries
	 * @param size entries per page, 1 to {@value PageQuery#MAX_SIZE}
	 */
	public EntryPage list(Scope scope, Filter filter, String cursor, int size) {
		if (size < 1 || size > PageQuery.MAX_SIZE) {
			throw ApiException.invalid("size", "must be between 1 and " + PageQuery.MAX_SIZE);
		}
		requireStorableTime("from", filter.from());
		requireStorableTime("to", filter.to());
		if (filter.from() != null && filter.to() != null && !filter.from().isBefore(filter.to())) {
			throw ApiException.invalid("to", "must be later than from");
		}
		var after = cursor == null || cursor.isBlank() ? null : AuditCursor.decode(cursor);
		// what was committed before this call is listed: sealed now if the sealer has not got to it yet
		sealer.now(AuditTrail.chainOf(scope.organisationId()));
		var where = new StringBuilder(scope.organisationId() == null ? " where a.organisation_id is null" : " where a.organisation_id = ?");
		var params = new ArrayList<Object>();
		if (scope.organisationId() != null) {
			params.add(scope.organisationId());
		}
		if (filter.action() != null && !filter.action().isBlank()) {
			if (filter.action().endsWith(".")) {
				where.append(" and action like ?");
				params.add(filter.action().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
			}
			else {
				where.append(" and action = ?");
				params.add(filter.action());
			}
		}
		equal(where, params, "actor_id", filter.actorId());
		equal(where, params, "entity_type", filter.entityType());
		equal(where, params, "entity_id", filter.entityId());
		equal(where, params, "site_id", filter.siteId());
		if (filter.from() != null) {
			where.append(" and occurred_at >= ?");
			params.add(utc(filter.from()));
		}
		if (filter.to() != null) {
			where.append(" and occurred_at < ?");
			params.add(utc(filter.to()));
		}
		if (after != null) {
			where.append(" and (a.occurred_at, a.id) < (?, ?)");
			params.add(utc(after.occurredAt()));
			params.add(after.id());
		}
		params.add(size + 1);
		var rows = transactions.read(scope, () -> jdbc
			.sql(ENTRIES + where + " order by a.occurred_at desc, a.id desc limit ?")
			.params(params).query(this::entry).list());
		if (rows.size() <= size) {
			return new EntryPage(rows, null);
		}
		var items = rows.subList(0, size);
		var last = items.get(size - 1);
		return new EntryPage(List.copyOf(items), new AuditCursor(last.occurredAt(), last.id()).encode());
	}

	/**
	 * Recomputes every entry's hash of the scope's chain in order, checks that each links to the
	 * one before and that none is missing, and compares the last with the chain's recorded head,
	 * so entries deleted from the end are noticed too.
	 */
	public Verification verify(Scope scope) {
		var chain = AuditTrail.chainOf(scope.organisationId());
		sealer.now(chain);
		return transactions.read(scope, () -> {
			// the head is read first: entries up to its seq were committed with it, later ones are
			// still being appended and are left for the next verification
			var head = jdbc.sql("select seq, hash from audit_chain_heads where chain_key = ?").param(chain)
				.query((rs, n) -> new Head(rs.getLong("seq"), rs.getString("hash"))).optional().orElse(null);
			var walk = streaming.sql("""
					select l.seq, a.id, l.prev_hash, l.hash,
					       audit_entry_hash(l.seq, a.organisation_id, a.occurred_at, a.actor_id, a.site_id, a.action,
					           a.entity_type, a.entity_id, a.changes, a.details, a.request_id, a.client_address,
					           l.prev_hash) = l.hash as intact
					from audit_chain_links l left join audit_events a on a.id = l.event_id
					where coalesce(l.organisation_id, '00000000-0000-0000-0000-000000000000'::uuid) = ? and l.seq <= ?
					order by l.seq
					""").params(chain, head == null ? Long.MAX_VALUE : head.seq()).query(ChainWalk::walk);
			return walk.against(head);
		});
	}

	/** PostgreSQL's timestamps span fewer years than Java's; outside them a query could only fail. */
	private static void requireStorableTime(String field, Instant time) {
		if (time != null && (time.isBefore(EARLIEST) || !time.isBefore(LATEST))) {
			throw ApiException.invalid(field, "must be a time between the years 0001 and 9999");
		}
	}

	private static void equal(StringBuilder where, List<Object> params, String column, Object value) {
		if (value != null) {
			where.append(" and ").append(column).append(" = ?");
			params.add(value);
		}
	}

	private static OffsetDateTime utc(Instant instant) {
		return instant.atOffset(ZoneOffset.UTC);
	}

	private Entry entry(ResultSet rs, int row) throws SQLException {
		return new Entry(rs.getObject("id", UUID.class), rs.getLong("seq"),
				rs.getObject("occurred_at", OffsetDateTime.class).toInstant(), rs.getObject("actor_id", UUID.class),
				rs.getObject("site_id", UUID.class), rs.getString("action"), rs.getString("entity_type"),
				rs.getString("entity_id"), json.readTree(rs.getString("changes")), json.readTree(rs.getString("details")),
				rs.getString("request_id"), rs.getString("client_address"), rs.getString("hash"),
				rs.getString("prev_hash"));
	}

	private record Head(long seq, String hash) {
	}

	/** Walks a chain in seq order and stops at the first broken link. */
	private record ChainWalk(long checked, long lastSeq, UUID lastId, String lastHash, BrokenLink broken) {

		static ChainWalk walk(ResultSet rs) throws SQLException {
			long checked = 0;
			long expected = 1;
			UUID lastId = null;
			var lastHash = GENESIS;
			while (rs.next()) {
				var seq = rs.getLong("seq");
				var id = rs.getObject("id", UUID.class);
				checked++;
				if (seq != expected) {
					return broken(checked, expected, null, "entry " + expected + " is missing: the chain continues at entry " + seq);
				}
				if (id == null) {
					return broken(checked, seq, null, "entry " + seq + " is missing: its link remains, the entry is gone");
				}
				if (!lastHash.equals(rs.getString("prev_hash"))) {
					return broken(checked, seq, id, "does not link to the entry before it: its prev_hash is not that entry's hash");
				}
				if (!rs.getBoolean("intact")) {
					return broken(checked, seq, id, "its contents do not match its hash: the entry was altered");
				}
				lastId = id;
				lastHash = rs.getString("hash");
				expected++;
			}
			return new ChainWalk(checked, expected - 1, lastId, lastHash, null);
		}

		private static ChainWalk broken(long checked, long seq, UUID id, String reason) {
			return new ChainWalk(checked, 0, null, null, new BrokenLink(seq, id, reason));
		}

		Verification against(Head head) {
			if (broken != null) {
				return new Verification(false, checked, broken);
			}
			if (head == null) {
				return lastSeq == 0 ? new Verification(true, 0, null)
						: new Verification(false, checked, new BrokenLink(lastSeq, lastId,
								"the chain's head record is missing, so entries after this one cannot be accounted for"));
			}
			if (lastSeq < head.seq()) {
				return new Verification(false, checked, new BrokenLink(lastSeq + 1, null, "entries " + (lastSeq + 1)
						+ " to " + head.seq() + " are missing: the chain's head records " + head.seq() + " entries"));
			}
			if (!lastHash.equals(head.hash())) {
				return new Verification(false, checked, new BrokenLink(lastSeq, lastId,
						"does not match the hash the chain's head recorded for the last entry: the entry was replaced"));
			}
			return new Verification(true, checked, null);
		}
	}
}
