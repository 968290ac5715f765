package io.atrium.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import io.atrium.AtriumApplication;
import io.atrium.test.Api;
import io.atrium.test.Fixtures;

/**
 * Atrium on a PostgreSQL it did not start: the machine's server at 127.0.0.1:5432 (trust
 * authentication, as in CI). Each test gets a database and roles of its own and removes them
 * afterwards; without a server there the tests are skipped.
 */
class ExternalPostgresTest {

	private static final String SERVER = "jdbc:postgresql://127.0.0.1:5432/";

	String database;
	String owner;
	String requestRole;
	SingleConnectionDataSource server;
	SingleConnectionDataSource atriumDatabase;
	JdbcClient postgres;
	ConfigurableApplicationContext atrium;

	@BeforeAll
	static void requireTheServer() {
		try (var connection = DriverManager.getConnection(SERVER + "postgres", "postgres", "")) {
			Assumptions.assumeTrue(connection.isValid(2));
		}
		catch (SQLException e) {
			Assumptions.abort("no PostgreSQL accepting 'postgres' at 127.0.0.1:5432: " + e.getMessage());
		}
	}

	@BeforeEach
	void freshDatabase() throws SQLException {
		var suffix = UUID.randomUUID().toString().substring(0, 8);
		database = "atrium_ext_" + suffix;
		owner = "atrium_ext_owner_" + suffix;
		requestRole = "atrium_ext_app_" + suffix;
		server = new SingleConnectionDataSource(SERVER + "postgres", "postgres", "", true);
		atriumDatabase = new SingleConnectionDataSource(SERVER + database, "postgres", "", true);
		postgres = JdbcClient.create(server);
	}

	@AfterEach
	void dropEverything() {
		if (atrium != null) {
			atrium.close();
		}
		atriumDatabase.destroy();
		postgres.sql("drop database if exists " + database + " with (force)").update();
		postgres.sql("drop role if exists " + requestRole).update();
		postgres.sql("drop role if exists " + owner).update();
		server.destroy();
	}

	@Test
	void atriumCreatesItsRequestRoleMigratesAndKeepsTenantsApart() throws Exception {
		postgres.sql("create role " + owner + " login nosuperuser nobypassrls nocreatedb createrole").update();
		postgres.sql("create database " + database + " owner " + owner).update();

		atrium = start();

		var role = postgres.sql("select rolsuper, rolbypassrls, rolcreaterole, rolcreatedb from pg_roles where rolname = ?")
			.param(requestRole).query((rs, n) -> List.of(rs.getBoolean(1), rs.getBoolean(2), rs.getBoolean(3), rs.getBoolean(4)))
			.single();
		assertThat(role).as("superuser, bypassrls, createrole, createdb").containsOnly(false);
		assertThat(JdbcClient.create(atrium.getBean(DataSource.class)).sql("select current_user").query(String.class).single())
			.isEqualTo(requestRole);

		var inDatabase = JdbcClient.create(atriumDatabase);
		var migrations = new PathMatchingResourcePatternResolver().getResources("classpath:db/migration/V*__*.sql").length;
		assertThat(inDatabase.sql("select count(*) from atrium.flyway_schema_history where success and version is not null")
			.query(Integer.class).single()).isEqualTo(migrations);

		var api = new Api(atrium.getEnvironment().getRequiredProperty("local.server.port", Integer.class));
		var signIn = api.post("/api/v1/auth/login", Map.of("email", Fixtures.ADMIN_EMAIL, "password", Fixtures.ADMIN_PASSWORD));
		assertThat(signIn.status()).as(signIn.toString()).isEqualTo(200);
		var admin = api.as(signIn.json().get("accessToken").asString());
		var a = created(admin.post("/api/v1/organisations", Map.of("name", "External A", "slug", Fixtures.unique("ext-a"))));
		var b = created(admin.post("/api/v1/organisations", Map.of("name", "External B", "slug", Fixtures.unique("ext-b"))));
		var siteOfA = created(admin.post("/api/v1/organisations/" + a + "/sites", Map.of("name", "Leeds", "timezone", "Europe/London")));
		created(admin.post("/api/v1/organisations/" + b + "/sites", Map.of("name", "Paris", "timezone", "Europe/Paris")));

		try (var connection = DriverManager.getConnection(SERVER + database, requestRole, "")) {
			assertThat(ids(connection)).as("no scope").isEmpty();
			connection.setAutoCommit(false);
			connection.createStatement().execute("select set_config('atrium.org_id', '" + a + "', true), set_config('atrium.site_ids', '*', true)");
			assertThat(ids(connection)).as("organisation A's scope").containsExactly(siteOfA);
			connection.rollback();
		}
		assertThat(inDatabase.sql("select count(*) from atrium.sites").query(Integer.class).single()).isEqualTo(2);
	}

	@Test
	void withoutTheRightToCreateRolesAtriumSaysWhichRoleToCreateAndStartsOnceItExists() throws Exception {
		postgres.sql("create role " + owner + " login nosuperuser nobypassrls nocreatedb nocreaterole").update();
		postgres.sql("create database " + database + " owner " + owner).update();

		assertThatThrownBy(this::start).satisfies(failure -> {
			var messages = new ArrayList<String>();
			for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
				messages.add(cause.getMessage());
			}
			assertThat(messages).anySatisfy(message -> assertThat(message)
				.contains("The request role '" + requestRole + "' does not exist and the role '" + owner + "' may not create it")
				.contains("CREATE ROLE " + requestRole + " LOGIN NOSUPERUSER NOBYPASSRLS PASSWORD '<ATRIUM_DB_APP_PASSWORD>'")
				.contains("ALTER ROLE " + owner + " CREATEROLE"));
		});
		assertThat(postgres.sql("select count(*) from pg_roles where rolname = ?").param(requestRole).query(Integer.class).single())
			.isZero();

		postgres.sql("CREATE ROLE " + requestRole + " LOGIN NOSUPERUSER NOBYPASSRLS PASSWORD 'chosen by the operator'").update();
		atrium = start();

		var ready = new Api(atrium.getEnvironment().getRequiredProperty("local.server.port", Integer.class)).get("/ready");
		assertThat(ready.status()).isEqualTo(200);
		assertThat(JdbcClient.create(atrium.getBean(DataSource.class)).sql("select current_user").query(String.class).single())
			.isEqualTo(requestRole);
	}

	private ConfigurableApplicationContext start() throws Exception {
		// command-line arguments: they outrank application.yml, which defaults to the embedded database
		return new SpringApplicationBuilder(AtriumApplication.class).run("--atrium.db.url=" + SERVER + database,
				"--atrium.db.user=" + owner, "--atrium.db.password=", "--atrium.db.app-user=" + requestRole,
				"--atrium.db.app-password=" + UUID.randomUUID(), "--atrium.db.pool-size=4",
				"--atrium.data-dir=" + Files.createTempDirectory("atrium-external"), "--server.port=0",
				"--management.server.port=0");
	}

	private static UUID created(Api.Response response) {
		assertThat(response.status()).as(response.toString()).isEqualTo(201);
		return UUID.fromString(response.json().get("id").asString());
	}

	private static List<UUID> ids(java.sql.Connection connection) throws SQLException {
		var ids = new ArrayList<UUID>();
		try (var rs = connection.createStatement().executeQuery("select id from atrium.sites")) {
			while (rs.next()) {
				ids.add(rs.getObject(1, UUID.class));
			}
		}
		return ids;
	}
}
