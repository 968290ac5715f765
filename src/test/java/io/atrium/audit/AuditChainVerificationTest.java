package io.atrium.audit;

import static io.atrium.audit.AuditTrailTest.items;
import static io.atrium.audit.AuditTrailTest.trail;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.stream.LongStream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.atrium.test.Api;
import io.atrium.test.AtriumTest;
import io.atrium.test.Fixtures;
import io.atrium.test.TestDatabase;
import tools.jackson.databind.JsonNode;

/**
 * The hash chain proves the trail is complete and unaltered: tampering done past the application
 * (as the database superuser) is found by verification, the application's own role cannot alter
 * the trail at all, and concurrent writers still leave one gap-free chain.
 */
@AtriumTest
class AuditChainVerificationTest {

	@LocalServerPort
	int port;

	@Autowired
	Fixtures.Factory factory;

	@Value("${atrium.db.url}")
	String databaseUrl;

	Fixtures fixtures;
	Api admin;

	@BeforeEach
	void setUp() {
		fixtures = factory.at(port);
		admin = fixtures.superAdmin();
	}

	@Test
	void anUntouchedChainIsValid() {
		var organisation = organisationWithSites(2);

		var verification = verify(organisation);

		assertThat(verification.get("valid").asBoolean()).isTrue();
		assertThat(verification.get("checked").asLong()).isEqualTo(3);
		assertThat(verification.get("firstBroken").isNull()).isTrue();
	}

	@Test
	void entriesAreSealedShortlyAfterCommitWithoutAReaderAskingForIt() throws InterruptedException {
		var organisation = organisationWithSites(3);

		var database = asSuperuser();
		var deadline = System.nanoTime() + Duration.ofSeconds(3).toNanos();
		long unsealed;
		do {
			Thread.sleep(20);
			unsealed = database.sql("""
					select count(*) from atrium.audit_events a where a.organisation_id = ?
					  and not exists (select 1 from atrium.audit_chain_links l where l.event_id = a.id)
					""")
				.param(organisation).query(Long.class).single();
		}
		while (unsealed > 0 && System.nanoTime() < deadline);

		assertThat(unsealed).as("entries still unsealed").isZero();
		assertThat(database.sql("select count(*) from atrium.audit_unsealed where chain_key = ?").param(organisation)
			.query(Long.class).single()).isZero();
		assertThat(database.sql("select seq from atrium.audit_chain_links where organisation_id = ? order by seq").param(organisation)
			.query(Long.class).list()).containsExactly(1L, 2L, 3L, 4L);
	}

	@Test
	void thePlatformChainIsValid() {
		fixtures.signIn(fixtures.loneUser());

		var verification = admin.get("/api/v1/admin/audit-events/verify").json();

		assertThat(verification.get("valid").asBoolean()).as(verification.toString()).isTrue();
		assertThat(verification.get("checked").asLong()).isGreaterThanOrEqualTo(2);
	}

	@Test
	void anAlteredEntryIsReportedAtItsSeq() {
		var organisation = organisationWithSites(3);
		var altered = entry(organisation, 2);

		asSuperuser().sql("update atrium.audit_events set changes = '{\"name\": {\"before\": null, \"after\": \"Forged\"}}' where id = ?")
			.param(UUID.fromString(altered.get("id").asString())).update();

		var broken = verify(organisation).get("firstBroken");
		assertThat(broken.get("seq").asLong()).isEqualTo(2);
		assertThat(broken.get("id").asString()).isEqualTo(altered.get("id").asString());
		assertThat(broken.get("reason").asString()).contains("altered");
		assertThat(verify(organisation).get("valid").asBoolean()).isFalse();
	}

	@Test
	void anEntryRewrittenWithAFreshHashBreaksTheLinkToTheNext() {
		var organisation = organisationWithSites(3);
		assertThat(verify(organisation).get("valid").asBoolean()).as("sealed and intact before tampering").isTrue();

		asSuperuser().sql("""
				with forged as (
				    update atrium.audit_events a set details = '{"forged": true}'
				    from atrium.audit_chain_links l
				    where l.event_id = a.id and l.organisation_id = ? and l.seq = 2
				    returning a.*, l.seq, l.prev_hash)
				update atrium.audit_chain_links l
				set hash = atrium.audit_entry_hash(f.seq, f.organisation_id, f.occurred_at, f.actor_id, f.site_id, f.action,
				    f.entity_type, f.entity_id, f.changes, '{"forged": true}'::jsonb, f.request_id, f.client_address, f.prev_hash)
				from forged f where l.event_id = f.id
				""").param(organisation).update();

		var broken = verify(organisation).get("firstBroken");
		assertThat(broken.get("seq").asLong()).isEqualTo(3);
		assertThat(broken.get("reason").asString()).contains("does not link");
	}

	@Test
	void aDeletedEntryInTheMiddleIsReported() {
		var organisation = organisationWithSites(3);
		assertThat(verify(organisation).get("valid").asBoolean()).as("sealed and intact before tampering").isTrue();

		asSuperuser().sql("delete from atrium.audit_events where id = (select event_id from atrium.audit_chain_links where organisation_id = ? and seq = 2)")
			.param(organisation).update();

		var verification = verify(organisation);
		assertThat(verification.get("valid").asBoolean()).isFalse();
		assertThat(verification.get("firstBroken").get("seq").asLong()).isEqualTo(2);
		assertThat(verification.get("firstBroken").get("id").isNull()).isTrue();
		assertThat(verification.get("firstBroken").get("reason").asString()).contains("entry 2 is missing", "its link remains");
	}

	@Test
	void aDeletedEntryAndItsLinkAreReportedAsAGap() {
		var organisation = organisationWithSites(3);
		assertThat(verify(organisation).get("valid").asBoolean()).as("sealed and intact before tampering").isTrue();

		asSuperuser().sql("""
				with gone as (delete from atrium.audit_chain_links where organisation_id = ? and seq = 2 returning event_id)
				delete from atrium.audit_events where id in (select event_id from gone)
				""").param(organisation).update();

		var verification = verify(organisation);
		assertThat(verification.get("valid").asBoolean()).isFalse();
		assertThat(verification.get("firstBroken").get("seq").asLong()).isEqualTo(2);
		assertThat(verification.get("firstBroken").get("id").isNull()).isTrue();
		assertThat(verification.get("firstBroken").get("reason").asString())
			.contains("entry 2 is missing: the chain continues at entry 3");
	}

	@Test
	void deletedNewestEntriesAreReportedAgainstTheChainHead() {
		var organisation = organisationWithSites(3);
		assertThat(verify(organisation).get("valid").asBoolean()).as("sealed and intact before tampering").isTrue();

		asSuperuser().sql("""
				with gone as (delete from atrium.audit_chain_links where organisation_id = ? and seq >= 3 returning event_id)
				delete from atrium.audit_events where id in (select event_id from gone)
				""").param(organisation).update();

		var verification = verify(organisation);
		assertThat(verification.get("valid").asBoolean()).isFalse();
		assertThat(verification.get("checked").asLong()).isEqualTo(2);
		assertThat(verification.get("firstBroken").get("seq").asLong()).isEqualTo(3);
		assertThat(verification.get("firstBroken").get("reason").asString()).contains("entries 3 to 4 are missing");
	}

	@Test
	void theRequestRoleCannotChangeOrDeleteAuditEntries() throws SQLException {
		var organisation = organisationWithSites(1);

		try (var connection = DriverManager.getConnection(databaseUrl, TestDatabase.APP, "atrium_app")) {
			connection.setAutoCommit(false);
			try (var scope = connection.prepareStatement("select set_config('atrium.org_id', ?, true)")) {
				scope.setString(1, organisation.toString());
				scope.execute();
			}
			for (var statement : new String[] { "update atrium.audit_events set action = 'forged'",
					"delete from atrium.audit_events", "truncate atrium.audit_events",
					"update atrium.audit_chain_links set hash = 'forged', prev_hash = 'forged', seq = seq + 100",
					"delete from atrium.audit_chain_links", "truncate atrium.audit_chain_links" }) {
				var savepoint = connection.setSavepoint();
				assertThatThrownBy(() -> connection.createStatement().execute(statement)).as(statement)
					.isInstanceOf(SQLException.class)
					.hasMessageContaining("permission denied")
					.satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("42501"));
				connection.rollback(savepoint);
			}
			connection.rollback();
		}
		assertThat(verify(organisation).get("valid").asBoolean()).isTrue();
	}

	@Test
	void theRequestRoleCannotRelinkASealedEntry() throws SQLException {
		var organisation = organisationWithSites(1);
		assertThat(verify(organisation).get("valid").asBoolean()).as("sealed").isTrue();

		try (var connection = DriverManager.getConnection(databaseUrl, TestDatabase.APP, "atrium_app")) {
			connection.setAutoCommit(false);
			try (var scope = connection.prepareStatement("select set_config('atrium.org_id', ?, true)")) {
				scope.setString(1, organisation.toString());
				scope.execute();
			}
			// it appends links when it seals, but a sealed entry keeps the one it has
			assertThatThrownBy(() -> connection.createStatement().executeUpdate("""
					insert into atrium.audit_chain_links (event_id, organisation_id, seq, prev_hash, hash)
					select event_id, organisation_id, seq + 100, 'forged', 'forged' from atrium.audit_chain_links
					"""))
				.isInstanceOf(SQLException.class)
				.satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("23505"));
			connection.rollback();
		}
		assertThat(verify(organisation).get("valid").asBoolean()).isTrue();
		assertThat(verify(organisation).get("checked").asLong()).isEqualTo(2);
	}

	@Test
	void concurrentChangesLeaveOneGapFreeChain() throws Exception {
		var organisation = fixtures.organisation("Busy");
		var sites = "/api/v1/organisations/" + organisation + "/sites";
		var creations = new ArrayList<Callable<Integer>>();
		for (var i = 0; i < 20; i++) {
			var name = "Site " + i;
			creations.add(() -> admin.post(sites, Map.of("name", name, "timezone", "Europe/London")).status());
		}

		try (var executor = Executors.newFixedThreadPool(20)) {
			for (var result : executor.invokeAll(creations)) {
				assertThat(result.get()).isEqualTo(201);
			}
		}

		var verification = verify(organisation);
		assertThat(verification.get("valid").asBoolean()).as(verification.toString()).isTrue();
		assertThat(verification.get("checked").asLong()).isEqualTo(21);
		// linked in the order they were sealed after commit, which need not be the order of their times
		assertThat(items(admin.get(trail(organisation) + "?size=200")).stream().map(e -> e.get("seq").asLong()))
			.containsExactlyInAnyOrderElementsOf(LongStream.rangeClosed(1, 21).boxed().toList());
	}

	/** An organisation (entry 1) with sites (entries 2 and on). */
	private UUID organisationWithSites(int sites) {
		var organisation = fixtures.organisation("Chained");
		for (var i = 0; i < sites; i++) {
			fixtures.site(organisation, "Site");
		}
		return organisation;
	}

	private JsonNode verify(UUID organisation) {
		var response = admin.get(trail(organisation) + "/verify");
		assertThat(response.status()).as(response.toString()).isEqualTo(200);
		return response.json();
	}

	private JsonNode entry(UUID organisation, long seq) {
		return items(admin.get(trail(organisation) + "?size=200")).stream().filter(e -> e.get("seq").asLong() == seq)
			.findFirst().orElseThrow();
	}

	private JdbcClient asSuperuser() {
		return TestDatabase.superuserAt(databaseUrl);
	}
}
