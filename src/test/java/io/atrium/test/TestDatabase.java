package io.atrium.test;

import java.io.IOException;
import java.nio.file.Files;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicInteger;

import org.flywaydb.core.Flyway;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * One embedded PostgreSQL per test JVM. The schema is migrated once into a template database;
 * each Spring context then gets its own database copied from it, which takes a fraction of a
 * second, so integration tests stay fast as they multiply.
 */
public final class TestDatabase {

	public static final String OWNER = "atrium_owner";
	public static final String APP = "atrium_app";
	private static final String TEMPLATE = "atrium_template";

	private static EmbeddedPostgres postgres;
	private static final AtomicInteger counter = new AtomicInteger();

	private TestDatabase() {
	}

	/** A fresh, migrated database; returns its JDBC URL. */
	public static synchronized String create() {
		try {
			if (postgres == null) {
				start();
			}
			var name = "atrium_test_" + counter.incrementAndGet();
			try (var connection = postgres.getPostgresDatabase().getConnection()) {
				connection.createStatement().execute("create database " + name + " template " + TEMPLATE + " owner " + OWNER);
			}
			return url(name);
		}
		catch (IOException | SQLException e) {
			throw new IllegalStateException("Could not prepare the test database", e);
		}
	}

	/** Runs SQL as the cluster's superuser, for tests that must reach past the application's roles. */
	public static synchronized javax.sql.DataSource superuser(String database) {
		return postgres.getDatabase("postgres", database);
	}

	/** Superuser SQL on the database behind a context's {@code atrium.db.url}. */
	public static synchronized org.springframework.jdbc.core.simple.JdbcClient superuserAt(String jdbcUrl) {
		return org.springframework.jdbc.core.simple.JdbcClient.create(superuser(jdbcUrl.substring(jdbcUrl.lastIndexOf('/') + 1)));
	}

	public static String url(String database) {
		return "jdbc:postgresql://localhost:" + postgres.getPort() + "/" + database;
	}

	private static void start() throws IOException, SQLException {
		var directory = Files.createTempDirectory("atrium-test-pg");
		postgres = EmbeddedPostgres.builder()
			.setDataDirectory(directory)
			.setCleanDataDirectory(true)
			.setLocaleConfig("locale", "C.UTF-8")
			.setLocaleConfig("encoding", "UTF8")
			.setServerConfig("max_connections", "300")
			.setServerConfig("fsync", "off")
			.setServerConfig("synchronous_commit", "off")
			.setServerConfig("full_page_writes", "off")
			.setRegisterShutdownHook(false)
			.start();
		// stop PostgreSQL only after the Spring contexts have closed, or their shutdown waits on a dead server
		Runtime.getRuntime().addShutdownHook(new Thread(() -> {
			try {
				Thread.sleep(200); // shutdown hooks start together; let Spring's show up first
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
			}
			Thread.getAllStackTraces().keySet().stream()
				.filter(thread -> thread.getName().equals("SpringApplicationShutdownHook"))
				.forEach(thread -> {
					try {
						thread.join(20_000);
					}
					catch (InterruptedException e) {
						Thread.currentThread().interrupt();
					}
				});
			try {
				postgres.close();
			}
			catch (IOException ignored) {
				// the JVM is exiting either way
			}
		}, "atrium-test-postgres-stop"));
		try (var connection = postgres.getPostgresDatabase().getConnection()) {
			var statement = connection.createStatement();
			statement.execute("create role " + OWNER + " login nosuperuser nobypassrls createdb");
			statement.execute("create role " + APP + " login nosuperuser nobypassrls password 'atrium_app'");
			statement.execute("create database " + TEMPLATE + " owner " + OWNER);
		}
		// as EmbeddedCluster.provision does: full-text indexes usable under row-level security
		try (var connection = postgres.getDatabase("postgres", TEMPLATE).getConnection()) {
			connection.createStatement().execute("alter function pg_catalog.ts_match_vq(tsvector, tsquery) leakproof");
		}
		Flyway.configure()
			.dataSource(url(TEMPLATE), OWNER, "")
			.schemas("atrium")
			.defaultSchema("atrium")
			.placeholders(java.util.Map.of("app_role", APP))
			.load()
			.migrate();
	}
}
