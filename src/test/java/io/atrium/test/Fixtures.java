package io.atrium.test;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.stereotype.Component;

import io.atrium.access.Memberships;
import io.atrium.access.OrganisationRole;
import io.atrium.access.SiteRole;
import io.atrium.database.Scope;
import io.atrium.database.TenantTransactions;
import io.atrium.identity.UserAccounts;

/**
 * Builds the world a test needs through Atrium's own API and public services: organisations,
 * sites, users with roles, signed-in clients. Every name it makes is unique, so tests sharing a
 * database never collide.
 */
public final class Fixtures {

	public static final String ADMIN_EMAIL = "admin@atrium.test";
	public static final String ADMIN_PASSWORD = "correct horse battery staple admin";
	public static final String PASSWORD = "a long enough test password";

	private static final AtomicInteger counter = new AtomicInteger();

	private final Api api;
	private final TenantTransactions transactions;
	private final UserAccounts accounts;
	private final Memberships memberships;

	public Fixtures(int port, TenantTransactions transactions, UserAccounts accounts, Memberships memberships) {
		this.api = new Api(port);
		this.transactions = transactions;
		this.accounts = accounts;
		this.memberships = memberships;
	}

	public Api anonymous() {
		return api;
	}

	/** A client signed in as the super admin. */
	public Api superAdmin() {
		return signIn(ADMIN_EMAIL, ADMIN_PASSWORD);
	}

	public Api signIn(String email, String password) {
		var response = api.post("/api/v1/auth/login", Map.of("email", email, "password", password));
		assertThat(response.status()).as("sign-in of %s: %s", email, response).isEqualTo(200);
		return api.as(response.json().get("accessToken").asString());
	}

	public static String unique(String prefix) {
		return prefix + "-" + counter.incrementAndGet() + "-" + UUID.randomUUID().toString().substring(0, 8);
	}

	/** A new organisation, created by the super admin; returns its id. */
	public UUID organisation(String name) {
		var response = superAdmin().post("/api/v1/organisations",
				Map.of("name", name, "slug", unique(name.toLowerCase().replaceAll("[^a-z0-9]", "")), "industry", "RETAIL"));
		assertThat(response.status()).as(response.toString()).isEqualTo(201);
		return UUID.fromString(response.json().get("id").asString());
	}

	/** A new site of the organisation; returns its id. */
	public UUID site(UUID organisationId, String name) {
		var response = superAdmin().post("/api/v1/organisations/" + organisationId + "/sites",
				Map.of("name", unique(name), "timezone", "Europe/London"));
		assertThat(response.status()).as(response.toString()).isEqualTo(201);
		return UUID.fromString(response.json().get("id").asString());
	}

	/** A new user who is a member of the organisation with the given roles; returns the user. */
	public User member(UUID organisationId, OrganisationRole role, Map<UUID, SiteRole> sites) {
		var email = unique("user") + "@example.test";
		var user = transactions.write(Scope.system(organisationId), () -> {
			var account = accounts.create(email, "Test " + role, PASSWORD, false, "password");
			memberships.add(Scope.system(organisationId), organisationId, account.id(), role, sites);
			return account;
		});
		return new User(user.id(), email, PASSWORD);
	}

	/** A new user who belongs to no organisation. */
	public User loneUser() {
		var email = unique("lone") + "@example.test";
		var user = transactions.write(Scope.anonymous(), () -> accounts.create(email, "Lone user", PASSWORD, false, "password"));
		return new User(user.id(), email, PASSWORD);
	}

	public Api signIn(User user) {
		return signIn(user.email(), user.password());
	}

	public record User(UUID id, String email, String password) {
	}

	/** Makes {@link Fixtures} injectable into tests: {@code @Autowired FixturesFactory fixtures}. */
	@Component
	public static class Factory {

		@Autowired
		TenantTransactions transactions;

		@Autowired
		UserAccounts accounts;

		@Autowired
		Memberships memberships;

		public Fixtures at(int port) {
			return new Fixtures(port, transactions, accounts, memberships);
		}
	}
}
