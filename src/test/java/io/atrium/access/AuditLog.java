package io.atrium.access;

import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;

import io.atrium.test.TestDatabase;

/** Reads the audit trail of a test's database as the superuser, past row-level security. */
public final class AuditLog {

	private final JdbcClient jdbc;

	/** @param jdbcUrl the test context's {@code atrium.db.url} */
	public AuditLog(String jdbcUrl) {
		this.jdbc = TestDatabase.superuserAt(jdbcUrl);
	}

	/** @param changes and details as JSON text */
	public record Entry(UUID organisationId, UUID actorId, String action, String entityId, String changes, String details) {
	}

	/** Entries about one entity, oldest first. */
	public List<Entry> about(Object entityId) {
		return jdbc.sql("""
				select organisation_id, actor_id, action, entity_id, changes::text as changes, details::text as details
				from atrium.audit_events where entity_id = ? order by occurred_at, id
				""").param(entityId.toString())
			.query((rs, n) -> new Entry(rs.getObject("organisation_id", UUID.class), rs.getObject("actor_id", UUID.class),
					rs.getString("action"), rs.getString("entity_id"), rs.getString("changes"), rs.getString("details")))
			.list();
	}

	/** Runs a query as the superuser, for checking what was (not) stored. */
	public JdbcClient sql() {
		return jdbc;
	}
}
