package io.atrium.database;

import java.util.ArrayList;

import javax.sql.DataSource;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Refuses to start Atrium when its request role could see past row-level security: a
 * superuser or BYPASSRLS role, a role owning tables, or a tenant-owned table without
 * ENABLE and FORCE ROW LEVEL SECURITY.
 */
@DependsOnDatabaseInitialization
class RowLevelSecurityGuard implements InitializingBean {

	private final JdbcClient jdbc;

	RowLevelSecurityGuard(DataSource dataSource) {
		this.jdbc = JdbcClient.create(dataSource);
	}

	@Override
	public void afterPropertiesSet() {
		var problems = new ArrayList<String>();
		var role = jdbc.sql("select rolname, rolsuper, rolbypassrls from pg_roles where rolname = current_user")
			.query((rs, n) -> new Object[] { rs.getString(1), rs.getBoolean(2), rs.getBoolean(3) })
			.single();
		if ((boolean) role[1]) {
			problems.add("request role " + role[0] + " is a superuser");
		}
		if ((boolean) role[2]) {
			problems.add("request role " + role[0] + " has BYPASSRLS");
		}
		problems.addAll(jdbc.sql("""
				select 'request role owns table ' || c.relname from pg_class c
				join pg_namespace n on n.oid = c.relnamespace
				where n.nspname = ? and c.relkind = 'r' and pg_get_userbyid(c.relowner) = current_user
				""").param(DatabaseConfiguration.SCHEMA).query(String.class).list());
		problems.addAll(jdbc.sql("""
				select 'tenant-owned table ' || c.relname || ' lacks ENABLE and FORCE ROW LEVEL SECURITY'
				from pg_class c join pg_namespace n on n.oid = c.relnamespace
				where n.nspname = ? and c.relkind = 'r'
				  and exists (select 1 from pg_attribute a where a.attrelid = c.oid and a.attname = 'organisation_id' and not a.attisdropped)
				  and not (c.relrowsecurity and c.relforcerowsecurity)
				""").param(DatabaseConfiguration.SCHEMA).query(String.class).list());
		if (!problems.isEmpty()) {
			throw new IllegalStateException("Atrium refuses to start, tenant isolation would not hold: "
					+ String.join("; ", problems));
		}
	}
}
