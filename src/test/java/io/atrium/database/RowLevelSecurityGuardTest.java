package io.atrium.database;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.util.UUID;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.atrium.AtriumApplication;
import io.atrium.test.TestDatabase;

/**
 * Atrium refuses to start when its request role could see past row-level security. Each case
 * breaks one condition in a throwaway copy of the migrated database.
 */
class RowLevelSecurityGuardTest {

	String url;
	String database;
	JdbcClient superuser;

	@BeforeEach
	void throwawayDatabase() {
		url = TestDatabase.create();
		database = url.substring(url.lastIndexOf('/') + 1);
		superuser = JdbcClient.create(TestDatabase.superuser(database));
	}

	@Test
	void acceptsARequestRoleThatRowLevelSecurityConfines() {
		assertThatCode(() -> guardAs(TestDatabase.APP)).doesNotThrowAnyException();
	}

	@Test
	void refusesASuperuserRequestRole() {
		assertThatThrownBy(() -> guardAs("postgres")).isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("request role postgres is a superuser");
	}

	@Test
	void refusesARequestRoleThatBypassesRowLevelSecurity() {
		var role = role("login nosuperuser bypassrls");

		assertThatThrownBy(() -> guardAs(role)).hasMessageContaining("request role " + role + " has BYPASSRLS")
			.hasMessageNotContaining("superuser");
	}

	@Test
	void refusesARequestRoleThatOwnsATable() {
		var role = role("login nosuperuser nobypassrls");
		superuser.sql("create table atrium.notes (id uuid primary key)").update();
		superuser.sql("alter table atrium.notes owner to " + role).update();

		assertThatThrownBy(() -> guardAs(role)).hasMessageContaining("request role owns table notes");
	}

	@Test
	void refusesATenantTableWhoseRowLevelSecurityIsNotForced() {
		superuser.sql("alter table atrium.sites no force row level security").update();

		assertThatThrownBy(() -> guardAs(TestDatabase.APP))
			.hasMessageContaining("tenant-owned table sites lacks ENABLE and FORCE ROW LEVEL SECURITY");
	}

	@Test
	void refusesATenantTableWithoutRowLevelSecurity() {
		superuser.sql("create table atrium.invoices (id uuid primary key, organisation_id uuid not null)").update();
		superuser.sql("alter table atrium.invoices owner to " + TestDatabase.OWNER).update();

		assertThatThrownBy(() -> guardAs(TestDatabase.APP))
			.hasMessageContaining("tenant-owned table invoices lacks ENABLE and FORCE ROW LEVEL SECURITY")
			.hasMessageNotContaining("table sites");
	}

	@Test
	void theGuardStopsAtriumFromStarting() throws Exception {
		// command-line arguments: they outrank application.yml, which defaults to the embedded database
		var arguments = new String[] { "--atrium.db.url=" + url, "--atrium.db.user=" + TestDatabase.OWNER,
				"--atrium.db.password=", "--atrium.db.app-user=postgres", "--atrium.db.app-password=",
				"--atrium.db.pool-size=2", "--atrium.data-dir=" + Files.createTempDirectory("atrium-guard"),
				"--server.port=0", "--management.server.port=0" };

		assertThatThrownBy(() -> new SpringApplicationBuilder(AtriumApplication.class).run(arguments)).rootCause()
			.hasMessageStartingWith("Atrium refuses to start, tenant isolation would not hold")
			.hasMessageContaining("request role postgres is a superuser");
	}

	private void guardAs(String role) {
		new RowLevelSecurityGuard(connectingAs(role)).afterPropertiesSet();
	}

	private DataSource connectingAs(String role) {
		var dataSource = new PGSimpleDataSource();
		dataSource.setUrl(url);
		dataSource.setUser(role);
		return dataSource;
	}

	private String role(String attributes) {
		var role = "guard_" + UUID.randomUUID().toString().substring(0, 8);
		superuser.sql("create role " + role + " " + attributes).update();
		return role;
	}
}
