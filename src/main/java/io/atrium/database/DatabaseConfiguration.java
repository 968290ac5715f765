package io.atrium.database;

import java.sql.SQLException;

import javax.sql.DataSource;

import org.springframework.boot.flyway.autoconfigure.FlywayDataSource;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.zaxxer.hikari.HikariDataSource;

@Configuration(proxyBeanMethods = false)
class DatabaseConfiguration {

	static final String SCHEMA = "atrium";

	@Bean(destroyMethod = "close")
	DatabaseServer databaseServer(DatabaseProperties properties) {
		if (properties.embedded()) {
			var cluster = EmbeddedCluster.start(properties.embeddedDirectory(), properties.embeddedPort());
			cluster.provision(properties.user(), properties.appUser(), properties.appPassword());
			return new DatabaseServer(cluster.jdbcUrl(), properties.user(), "", properties.appUser(),
					properties.appPassword(), cluster);
		}
		return new DatabaseServer(properties.url(), properties.user(), properties.password(), properties.appUser(),
				properties.appPassword(), null);
	}

	/** The owning role's connections: migrations only, never request traffic. */
	@Bean(defaultCandidate = false, destroyMethod = "close")
	@FlywayDataSource
	HikariDataSource ownerDataSource(DatabaseServer server) {
		return pool("atrium-owner", server.url(), server.owner(), server.ownerPassword(), 2);
	}

	/** The request role's connections; created lazily, after Flyway has prepared the role. */
	@Bean(destroyMethod = "close")
	HikariDataSource dataSource(DatabaseServer server, DatabaseProperties properties) {
		var pool = pool("atrium-app", server.url(), server.appUser(), server.appPassword(), properties.poolSize());
		pool.setSchema(SCHEMA);
		return pool;
	}

	@Bean
	FlywayMigrationStrategy migrateAfterEnsuringRequestRole(DatabaseServer server) {
		return flyway -> {
			try (var connection = flyway.getConfiguration().getDataSource().getConnection()) {
				Roles.ensure(connection, server.appUser(), server.appPassword(), true);
			}
			catch (SQLException e) {
				throw new IllegalStateException("The request role '" + server.appUser() + "' does not exist and the role '"
						+ server.owner() + "' may not create it (" + e.getMessage()
						+ "). Create it as: CREATE ROLE " + server.appUser()
						+ " LOGIN NOSUPERUSER NOBYPASSRLS PASSWORD '<ATRIUM_DB_APP_PASSWORD>'; or let '" + server.owner()
						+ "' create roles (ALTER ROLE " + server.owner() + " CREATEROLE). The migrations grant it what it needs.",
						e);
			}
			flyway.migrate();
		};
	}

	private static HikariDataSource pool(String name, String url, String user, String password, int size) {
		// the no-argument constructor connects lazily (STACK.md pitfall 5)
		var pool = new HikariDataSource();
		pool.setPoolName(name);
		pool.setJdbcUrl(url);
		pool.setUsername(user);
		pool.setPassword(password == null ? "" : password);
		pool.setMaximumPoolSize(size);
		pool.setMinimumIdle(Math.min(2, size));
		return pool;
	}

	@Bean
	RowLevelSecurityGuard rowLevelSecurityGuard(DataSource dataSource) {
		return new RowLevelSecurityGuard(dataSource);
	}
}
