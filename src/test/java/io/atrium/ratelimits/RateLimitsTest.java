package io.atrium.ratelimits;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

import io.atrium.access.OrganisationRole;
import io.atrium.test.Api;
import io.atrium.test.AtriumTest;
import io.atrium.test.Fixtures;

/**
 * One node, buckets in memory. Budgets are per hour so none refills while a test runs; each test
 * sends from client addresses of its own (X-Forwarded-For, trusted here), while the fixtures
 * signing in from loopback are not limited.
 */
@AtriumTest
@TestPropertySource(properties = { "atrium.ratelimits.enabled=true", "server.forward-headers-strategy=framework",
		"atrium.ratelimits.unlimited-addresses=127.0.0.1,0:0:0:0:0:0:0:1", "atrium.ratelimits.address=8/1h",
		"atrium.ratelimits.sign-in=3/1h", "atrium.ratelimits.password-reset=2/1h", "atrium.ratelimits.user=5/1h",
		"atrium.ratelimits.organisation-free=6/1h", "atrium.ratelimits.organisation-standard=12/1h" })
class RateLimitsTest {

	private static final AtomicInteger addresses = new AtomicInteger();

	@LocalServerPort
	int port;

	@Autowired
	Fixtures.Factory factory;

	Fixtures fixtures;

	@BeforeEach
	void setUp() {
		fixtures = factory.at(port);
	}

	private static String newAddress() {
		var n = addresses.incrementAndGet();
		return "198.51." + (100 + n / 250) + "." + (1 + n % 250);
	}

	private Api from(String address) {
		return new Api(port).withHeader("X-Forwarded-For", address);
	}

	@Test
	void anAddressGetsItsBudgetThenTooManyRequestsWithRetryAfter() {
		var client = from(newAddress());
		for (int i = 0; i < 8; i++) {
			assertThat(client.get("/api/v1/organisations").status()).as("request %d", i + 1).isEqualTo(401);
		}
		var refused = client.get("/api/v1/organisations");
		assertThat(refused.status()).isEqualTo(429);
		assertThat(refused.contentType()).startsWith("application/problem+json");
		assertThat(refused.json().get("type").asString()).isEqualTo("https://atrium.dev/problems/rate-limited");
		assertThat(refused.json().get("detail").asString()).contains("Your address", "8 requests per 3600 seconds");
		// one token comes back every 3600 / 8 = 450 seconds
		assertThat(Long.parseLong(refused.header("Retry-After"))).isBetween(400L, 450L);
		assertThat(refused.json().get("retryAfterSeconds").asLong()).isEqualTo(Long.parseLong(refused.header("Retry-After")));
		assertThat(refused.header("RateLimit")).matches("\"address\";r=0;t=\\d+");
	}

	@Test
	void aRejectionIsASecurityEventRecordedOncePerMinutePerBudget() {
		var address = newAddress();
		var client = from(address);
		for (int i = 0; i < 11; i++) {
			client.get("/api/v1/organisations");
		}

		var events = fixtures.superAdmin().get("/api/v1/admin/security-events?type=RATE_LIMITED&size=200");
		assertThat(events.status()).as(events.toString()).isEqualTo(200);
		var mine = new java.util.ArrayList<tools.jackson.databind.JsonNode>();
		events.json().get("items").forEach(item -> {
			if (item.toString().contains(address)) {
				mine.add(item);
			}
		});
		assertThat(mine).as("three refused requests, one entry: %s", events).hasSize(1);
		assertThat(mine.get(0).get("type").asString()).isEqualTo("RATE_LIMITED");
		assertThat(mine.get(0).get("entityId").asString()).isEqualTo("address:" + address);
		assertThat(mine.get(0).get("details").get("policy").asString()).isEqualTo("address");
		assertThat(mine.get(0).get("details").get("clientAddress").asString()).isEqualTo(address);
	}

	@Test
	void theHeadersFollowTheRateLimitDraft() {
		var response = from(newAddress()).get("/api/v1/organisations");
		assertThat(response.header("RateLimit-Policy")).isEqualTo("\"address\";q=8;w=3600");
		var current = response.header("RateLimit");
		assertThat(current).matches("\"address\";r=7;t=\\d+");
		// the bucket is full again once the one token taken is back: 450 seconds
		assertThat(Long.parseLong(current.substring(current.indexOf("t=") + 2))).isBetween(440L, 450L);
	}

	@Test
	void signInIsStricterThanTheGeneralBudget() {
		var address = newAddress();
		var client = from(address);
		for (int i = 0; i < 3; i++) {
			var attempt = client.post("/api/v1/auth/login", Map.of("email", "nobody@example.test", "password", "wrong password!"));
			assertThat(attempt.status()).isEqualTo(401);
			assertThat(attempt.header("RateLimit-Policy")).isEqualTo("\"sign-in\";q=3;w=3600, \"address\";q=8;w=3600");
		}
		var refused = client.post("/api/v1/auth/login", Map.of("email", "nobody@example.test", "password", "wrong password!"));
		assertThat(refused.status()).isEqualTo(429);
		assertThat(refused.json().get("detail").asString()).contains("sign-in attempts");
		assertThat(Long.parseLong(refused.header("Retry-After"))).isBetween(1100L, 1200L);
		assertThat(refused.header("RateLimit")).startsWith("\"sign-in\";r=0;");

		var elsewhere = client.get("/api/v1/organisations");
		assertThat(elsewhere.status()).as("the general budget of the address is not used up").isEqualTo(401);
		// three sign-ins and this request: the refused attempt took nothing from the address budget
		assertThat(elsewhere.header("RateLimit")).startsWith("\"address\";r=4;");
	}

	@Test
	void passwordResetHasItsOwnBudget() {
		var client = from(newAddress());
		for (int i = 0; i < 2; i++) {
			assertThat(client.post("/api/v1/auth/password/reset", Map.of("email", "someone@example.test")).status()).isEqualTo(202);
		}
		var refused = client.post("/api/v1/auth/password/reset/confirm", Map.of("token", "x", "newPassword", "y"));
		assertThat(refused.status()).isEqualTo(429);
		assertThat(refused.json().get("detail").asString()).contains("password reset");
	}

	@Test
	void aUserHasOneBudgetAcrossAddresses() {
		var organisation = fixtures.organisation("Busy");
		var member = fixtures.signIn(fixtures.member(organisation, OrganisationRole.MEMBER, Map.of()));
		for (int i = 0; i < 5; i++) {
			assertThat(member.withHeader("X-Forwarded-For", newAddress()).get("/api/v1/organisations").status()).isEqualTo(200);
		}
		var refused = member.withHeader("X-Forwarded-For", newAddress()).get("/api/v1/organisations");
		assertThat(refused.status()).isEqualTo(429);
		assertThat(refused.json().get("detail").asString()).contains("You have used your request budget");
		assertThat(refused.header("RateLimit-Policy")).isEqualTo("\"user\";q=5;w=3600");
	}

	@Test
	void anOrganisationsBudgetFollowsItsPlan() {
		var organisation = fixtures.organisation("Planned");
		var first = fixtures.signIn(fixtures.member(organisation, OrganisationRole.MEMBER, Map.of()));
		var second = fixtures.signIn(fixtures.member(organisation, OrganisationRole.MEMBER, Map.of()));
		var path = "/api/v1/organisations/" + organisation;
		for (int i = 0; i < 3; i++) {
			assertThat(first.withHeader("X-Forwarded-For", newAddress()).get(path).status()).isEqualTo(200);
			assertThat(second.withHeader("X-Forwarded-For", newAddress()).get(path).status()).isEqualTo(200);
		}
		var refused = first.withHeader("X-Forwarded-For", newAddress()).get(path);
		assertThat(refused.status()).isEqualTo(429);
		assertThat(refused.json().get("detail").asString()).contains("organisation", "6 requests per 3600 seconds");
		assertThat(refused.header("RateLimit-Policy")).isEqualTo("\"organisation\";q=6;w=3600");

		var upgraded = fixtures.superAdmin().patch("/api/v1/admin/organisations/" + organisation + "/entitlements",
				Map.of("plan", "STANDARD"));
		assertThat(upgraded.status()).isEqualTo(200);
		var served = first.withHeader("X-Forwarded-For", newAddress()).get(path);
		assertThat(served.status()).isEqualTo(200);
		assertThat(served.header("RateLimit-Policy")).startsWith("\"organisation\";q=12;w=3600");
	}

	@Test
	void unlimitedAddressesAreNotLimited() {
		var loopback = new Api(port);
		for (int i = 0; i < 10; i++) {
			assertThat(loopback.get("/api/v1/organisations").status()).isEqualTo(401);
		}
		assertThat(loopback.get("/api/v1/organisations").header("RateLimit")).isNull();
	}
}
