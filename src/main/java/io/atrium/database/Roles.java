package io.atrium.database;

import java.sql.Connection;
import java.sql.SQLException;

/** Creates the owning and request roles where the connected role may. */
final class Roles {

	private Roles() {
	}

	static void ensure(Connection connection, String role, String password, boolean requestRole) throws SQLException {
		try (var statement = connection.prepareStatement("select 1 from pg_roles where rolname = ?")) {
			statement.setString(1, role);
			try (var rs = statement.executeQuery()) {
				if (rs.next()) {
					return;
				}
			}
		}
		var sql = new StringBuilder("create role ").append(quote(role)).append(" login nosuperuser nobypassrls nocreaterole");
		sql.append(requestRole ? " nocreatedb" : " createdb");
		if (password != null && !password.isEmpty()) {
			sql.append(" password '").append(password.replace("'", "''")).append("'");
		}
		connection.createStatement().execute(sql.toString());
	}

	static String quote(String identifier) {
		return '"' + identifier.replace("\"", "\"\"") + '"';
	}
}
