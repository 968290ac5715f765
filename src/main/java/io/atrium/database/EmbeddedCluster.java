package io.atrium.database;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * An embedded PostgreSQL cluster whose data directory survives restarts. Its superuser only
 * creates the owning and request roles and the {@code atrium} database; Atrium itself never
 * connects as superuser.
 */
final class EmbeddedCluster implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(EmbeddedCluster.class);

	static final String DATABASE = "atrium";

	/**
	 * Lets row-level security use full-text indexes. Under a policy, PostgreSQL evaluates a caller's
	 * condition inside an index scan only if its function is LEAKPROOF (cannot reveal the rows it
	 * sees, e.g. through an error); {@code tsvector @@ tsquery} (ts_match_vq) only answers true or
	 * false but is not marked so, and without the mark every search reads all of a site's rows. Only
	 * a superuser may set it; on an external server an administrator runs this once
	 * (docs/interactions.md).
	 */
	static final String LEAKPROOF_TEXT_SEARCH = "alter function pg_catalog.ts_match_vq(tsvector, tsquery) leakproof";

	private final EmbeddedPostgres postgres;

	private EmbeddedCluster(EmbeddedPostgres postgres) {
		this.postgres = postgres;
	}

	static EmbeddedCluster start(Path directory, int port) {
		try {
			Files.createDirectories(directory);
			var builder = EmbeddedPostgres.builder()
				.setDataDirectory(directory)
				.setCleanDataDirectory(false)
				// initdb fails under a locale that is not installed (STACK.md pitfall 3)
				.setLocaleConfig("locale", "C.UTF-8")
				.setLocaleConfig("encoding", "UTF8")
				.setServerConfig("max_connections", "200")
				// zonky's builder turns both off, for throwaway test databases; Atrium's data must survive
				// the machine crashing, not only a restart, and a create answered must stay created
				.setServerConfig("fsync", "on")
				.setServerConfig("synchronous_commit", "on")
				.setPGStartupWait(Duration.ofSeconds(60));
			if (port > 0) {
				builder.setPort(port);
			}
			var postgres = builder.start();
			log.info("Embedded PostgreSQL running on port {} with data in {}", postgres.getPort(), directory.toAbsolutePath());
			return new EmbeddedCluster(postgres);
		}
		catch (IOException e) {
			throw new IllegalStateException("Could not start the embedded PostgreSQL in " + directory.toAbsolutePath()
					+ ": " + e.getMessage() + ". Check that the directory is writable, or set ATRIUM_DB_URL to use an external PostgreSQL.", e);
		}
	}

	/** Creates the roles and the database if missing, and marks text search leakproof in it. */
	void provision(String owner, String appUser, String appPassword) {
		try (var connection = postgres.getPostgresDatabase().getConnection()) {
			Roles.ensure(connection, owner, null, false);
			Roles.ensure(connection, appUser, appPassword, true);
			try (var rs = connection.createStatement().executeQuery("select 1 from pg_database where datname = '" + DATABASE + "'")) {
				if (!rs.next()) {
					connection.createStatement().execute("create database " + DATABASE + " owner " + Roles.quote(owner));
				}
			}
		}
		catch (SQLException e) {
			throw new IllegalStateException("Could not prepare the embedded database: " + e.getMessage(), e);
		}
		try (var connection = postgres.getDatabase("postgres", DATABASE).getConnection()) {
			connection.createStatement().execute(LEAKPROOF_TEXT_SEARCH);
		}
		catch (SQLException e) {
			throw new IllegalStateException("Could not prepare the embedded database: " + e.getMessage(), e);
		}
	}

	/**
	 * The URL is built from the port: zonky's {@code getJdbcUrl} appends {@code user=postgres},
	 * which would silently override the pool's user and bypass row-level security (STACK.md pitfall 2).
	 */
	String jdbcUrl() {
		return "jdbc:postgresql://localhost:" + postgres.getPort() + "/" + DATABASE;
	}

	@Override
	public void close() throws IOException {
		postgres.close();
	}
}
