package io.atrium.interactions;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.atrium.access.OrganisationRole;
import io.atrium.access.SiteRole;
import io.atrium.database.Scope;
import io.atrium.database.TenantTransactions;
import io.atrium.test.Api;
import io.atrium.test.AtriumTest;
import io.atrium.test.Fixtures;

/**
 * The purge job removes what has been in the trash for longer than 30 days, and nothing else.
 * Time is moved by asking the job to purge as of a later moment.
 */
@AtriumTest
class TrashPurgeTest {

	@LocalServerPort
	int port;

	@Autowired
	Fixtures.Factory factory;

	@Autowired
	TrashPurge purge;

	@Autowired
	TenantTransactions transactions;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Clock clock;

	UUID organisation;
	Api administrator;
	String path;

	@BeforeEach
	void setUp() {
		var fixtures = factory.at(port);
		organisation = fixtures.organisation("Purge");
		var site = fixtures.site(organisation, "Leeds");
		administrator = fixtures.signIn(fixtures.member(organisation, OrganisationRole.MEMBER, Map.of(site, SiteRole.ADMINISTRATOR)));
		path = "/api/v1/sites/" + site + "/interactions";
	}

	String record(String title) {
		return administrator.post(path, InteractionsApiTest.meeting(title)).json().get("id").asString();
	}

	boolean stored(String id) {
		return transactions.read(Scope.system(organisation), () -> jdbc
			.sql("select exists (select 1 from interactions where id = cast(? as uuid))").param(id).query(Boolean.class).single());
	}

	@Test
	void purgesWhatHasBeenInTheTrashForMoreThanThirtyDaysButNotWhatWasRestored() {
		var trashed = record("Trashed");
		var restored = record("Restored");
		var kept = record("Kept");
		assertThat(administrator.delete(path + "/" + trashed).status()).isEqualTo(204);
		assertThat(administrator.delete(path + "/" + restored).status()).isEqualTo(204);
		assertThat(administrator.post(path + "/" + restored + "/restore", null).status()).isEqualTo(200);

		var purged = purge.purge(clock.instant().plus(Duration.ofDays(31)));

		assertThat(purged).isGreaterThanOrEqualTo(1);
		assertThat(stored(trashed)).isFalse();
		assertThat(administrator.get(path + "/" + restored).status()).isEqualTo(200);
		assertThat(administrator.get(path + "/" + kept).status()).isEqualTo(200);
		assertThat(administrator.post(path + "/" + trashed + "/restore", null).status()).isEqualTo(404);
		var audit = transactions.read(Scope.system(organisation), () -> jdbc
			.sql("select action from audit_events where entity_id = ? order by occurred_at, id").param(trashed).query(String.class).list());
		assertThat(audit).containsExactly("interaction.created", "interaction.deleted", "interaction.purged");
	}

	@Test
	void keepsTrashYoungerThanThirtyDays() {
		var trashed = record("Recently trashed");
		assertThat(administrator.delete(path + "/" + trashed).status()).isEqualTo(204);

		purge.purge(clock.instant().plus(Duration.ofDays(29)));

		assertThat(stored(trashed)).isTrue();
		assertThat(administrator.post(path + "/" + trashed + "/restore", null).status()).isEqualTo(200);
	}

	@Test
	void runsAsADurableScheduledTask() {
		var tasks = jdbc.sql("select task_name from scheduled_tasks").query(String.class).list();
		assertThat(tasks).contains(TrashPurge.TASK);
	}
}
