package io.atrium.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.atrium.test.AtriumTest;
import io.atrium.test.Fixtures;
import io.atrium.test.TestDatabase;

/**
 * The database itself keeps tenants apart: plain SQL as the request role, with no WHERE clause
 * about organisations, sees and writes only what the transaction's scope allows.
 */
@AtriumTest
class RowLevelSecurityTest {

	@LocalServerPort
	int port;

	@Autowired
	Fixtures.Factory factory;

	@Value("${atrium.db.url}")
	String url;

	UUID a;
	UUID b;
	List<UUID> sitesOfA;

	@BeforeEach
	void setUp() {
		var fixtures = factory.at(port);
		a = fixtures.organisation("Tenant A");
		b = fixtures.organisation("Tenant B");
		sitesOfA = List.of(fixtures.site(a, "A1"), fixtures.site(a, "A2"));
		fixtures.site(b, "B1");
	}

	@Test
	void withoutAScopeTheRequestRoleSeesNoSites() throws SQLException {
		try (var connection = asRequestRole()) {
			assertThat(siteIds(connection)).isEmpty();
		}
	}

	@Test
	void inAnOrganisationsScopeItSeesExactlyThatOrganisationsSites() throws SQLException {
		try (var connection = asRequestRole()) {
			connection.setAutoCommit(false);
			scope(connection, a, true);

			assertThat(siteIds(connection)).containsExactlyInAnyOrderElementsOf(sitesOfA);
			connection.rollback();
		}
	}

	@Test
	void inAnOrganisationsScopeItCannotAddASiteToAnother() throws SQLException {
		try (var connection = asRequestRole()) {
			connection.setAutoCommit(false);
			scope(connection, a, true);
			var ownSite = connection.createStatement().executeUpdate(insertSite(a));
			assertThat(ownSite).isEqualTo(1);

			assertThatThrownBy(() -> connection.createStatement().executeUpdate(insertSite(b)))
				.isInstanceOf(SQLException.class)
				.hasMessageContaining("violates row-level security policy for table \"sites\"");
			connection.rollback();
		}
	}

	@Test
	void aTransactionLocalScopeDoesNotOutliveItsTransaction() throws SQLException {
		try (var connection = asRequestRole()) {
			connection.setAutoCommit(false);
			scope(connection, a, true);
			assertThat(siteIds(connection)).isNotEmpty();
			connection.commit();

			assertThat(siteIds(connection)).as("the next transaction on the same connection").isEmpty();
			assertThat(setting(connection, "atrium.org_id")).isEmpty();
			connection.commit();
		}
	}

	@Test
	void aSessionLevelSettingWouldLeakWhichIsWhyNoneIsUsed() throws SQLException {
		try (var connection = asRequestRole()) {
			connection.setAutoCommit(false);
			scope(connection, a, false);
			connection.commit();

			assertThat(siteIds(connection)).as("a session-level scope survives its transaction").isNotEmpty();
			connection.rollback();
		}
	}

	private Connection asRequestRole() throws SQLException {
		return DriverManager.getConnection(url, TestDatabase.APP, "atrium_app");
	}

	private static void scope(Connection connection, UUID organisation, boolean transactionLocal) throws SQLException {
		try (var statement = connection.prepareStatement(
				"select set_config('atrium.org_id', ?, ?), set_config('atrium.site_ids', '*', ?)")) {
			statement.setString(1, organisation.toString());
			statement.setBoolean(2, transactionLocal);
			statement.setBoolean(3, transactionLocal);
			statement.execute();
		}
	}

	private static List<UUID> siteIds(Connection connection) throws SQLException {
		var ids = new ArrayList<UUID>();
		try (var rs = connection.createStatement().executeQuery("select id from atrium.sites")) {
			while (rs.next()) {
				ids.add(rs.getObject(1, UUID.class));
			}
		}
		return ids;
	}

	private static String setting(Connection connection, String name) throws SQLException {
		try (var rs = connection.createStatement().executeQuery("select coalesce(current_setting('" + name + "', true), '')")) {
			rs.next();
			return rs.getString(1);
		}
	}

	private static String insertSite(UUID organisation) {
		return "insert into atrium.sites (id, organisation_id, name, timezone, created_at, updated_at) values ('"
				+ UUID.randomUUID() + "', '" + organisation + "', '" + Fixtures.unique("Sneaked") + "', 'UTC', now(), now())";
	}
}
