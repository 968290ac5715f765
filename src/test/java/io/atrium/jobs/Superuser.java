package io.atrium.jobs;

import org.springframework.jdbc.core.simple.JdbcClient;

import io.atrium.test.TestDatabase;

/** SQL as the cluster's superuser on a test database, to set up what the API cannot (time gone by, DNS changes). */
public final class Superuser {

	private Superuser() {
	}

	/** @param jdbcUrl the test database's URL, as in {@code atrium.db.url} */
	public static JdbcClient on(String jdbcUrl) {
		return TestDatabase.superuserAt(jdbcUrl);
	}
}
