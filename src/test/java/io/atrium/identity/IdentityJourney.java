package io.atrium.identity;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.atrium.database.Scope;
import io.atrium.database.TenantTransactions;
import io.atrium.test.Api;
import io.atrium.test.Fixtures;
import io.atrium.test.MutableClock;

/** What every identity journey has at hand: the running server, fixtures, the test clock, the database. */
abstract class IdentityJourney {

	@LocalServerPort
	int port;

	@Autowired
	Fixtures.Factory factory;

	@Autowired
	MutableClock clock;

	@Autowired
	UserAccounts accounts;

	@Autowired
	TenantTransactions transactions;

	@Autowired
	JdbcClient jdbc;

	Fixtures fixtures;

	/** A client that is not signed in. */
	Api api;

	@BeforeEach
	void setUpJourney() {
		fixtures = factory.at(port);
		api = fixtures.anonymous();
	}

	UserAccount account(UUID userId) {
		return transactions.read(Scope.anonymous(), () -> accounts.find(userId).orElseThrow());
	}

	/** The audit trail's actions about this user (as the changed entity), oldest first. */
	List<String> auditActions(UUID userId) {
		return transactions.read(Scope.platform(userId), () -> jdbc
			.sql("select action from audit_events where entity_type = 'user' and entity_id = ? order by occurred_at, id")
			.param(userId.toString()).query(String.class).list());
	}
}
