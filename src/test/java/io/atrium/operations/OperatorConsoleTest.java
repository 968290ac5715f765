package io.atrium.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

import io.atrium.access.OrganisationRole;
import io.atrium.jobs.Eventually;
import io.atrium.jobs.Superuser;
import io.atrium.test.Api;
import io.atrium.test.AtriumTest;
import io.atrium.test.Fixtures;
import tools.jackson.databind.JsonNode;

/** The super admin's dashboard and security events. */
@AtriumTest
@TestPropertySource(properties = { "atrium.webhooks.retry-schedule=0s,1h", "db-scheduler.polling-interval=200ms" })
class OperatorConsoleTest {

	/** A name that never resolves (RFC 2606), so deliveries to it fail without leaving the machine. */
	static final String UNREACHABLE = "https://hooks.example.invalid/in";

	@LocalServerPort
	int port;

	@Autowired
	Fixtures.Factory factory;

	@Value("${atrium.db.url}")
	String databaseUrl;

	Fixtures fixtures;
	Api admin;

	@BeforeEach
	void setUp() {
		fixtures = factory.at(port);
		admin = fixtures.superAdmin();
	}

	@Test
	void theDashboardCountsOrganisationsUsersSessionsRequestsWebhooksAndJobs() {
		var before = stats();

		var organisation = fixtures.organisation("Stats");
		var orgAdmin = fixtures.signIn(fixtures.member(organisation, OrganisationRole.ADMIN, Map.of()));
		var endpoint = failingEndpoint(organisation, orgAdmin);

		var after = stats();
		assertThat(after.get("organisations").get("total").asLong()).isEqualTo(before.get("organisations").get("total").asLong() + 1);
		assertThat(after.get("organisations").get("active").asLong()).isEqualTo(before.get("organisations").get("active").asLong() + 1);
		assertThat(after.get("users").get("total").asLong()).isEqualTo(before.get("users").get("total").asLong() + 1);
		assertThat(after.get("sessions").get("active").asLong()).isGreaterThan(before.get("sessions").get("active").asLong());
		assertThat(after.get("requests").get("total").asLong()).isGreaterThan(before.get("requests").get("total").asLong());
		assertThat(after.get("webhooks").get("failingEndpoints").asLong()).isGreaterThanOrEqualTo(1);
		assertThat(after.get("webhooks").get("pendingDeliveries").asLong()).isGreaterThanOrEqualTo(1);
		assertThat(after.get("jobs").get("queues").valueStream().filter(q -> q.get("job").asString().equals("webhook-delivery")))
			.singleElement().satisfies(queue -> assertThat(queue.get("scheduled").asLong()).isGreaterThanOrEqualTo(1));
		assertThat(after.get("sections").isObject()).isTrue();
		assertThat(endpoint).isNotNull();
	}

	@Test
	void clientErrorsAreCounted() {
		var before = stats().get("requests").get("clientErrors").asLong();

		assertThat(admin.get("/api/v1/organisations/" + UUID.randomUUID()).status()).isEqualTo(404);

		assertThat(stats().get("requests").get("clientErrors").asLong()).isGreaterThan(before);
	}

	@Test
	void onlySuperAdminsSeeTheConsole() {
		var organisation = fixtures.organisation("Nosy");
		var owner = fixtures.signIn(fixtures.member(organisation, OrganisationRole.OWNER, Map.of()));

		assertThat(owner.get("/api/v1/admin/dashboard/stats").status()).isEqualTo(403);
		assertThat(owner.get("/api/v1/admin/security-events").status()).isEqualTo(403);
	}

	@Test
	void failedSignInsAreSecurityEvents() {
		var email = Fixtures.unique("nobody") + "@example.test";
		assertThat(fixtures.anonymous().post("/api/v1/auth/login", Map.of("email", email, "password", "guess")).status())
			.isEqualTo(401);

		var events = admin.get("/api/v1/admin/security-events?type=SIGN_IN_FAILED&email=" + email).json();

		assertThat(events.get("totalItems").asLong()).isEqualTo(1);
		var event = events.get("items").get(0);
		assertThat(event.get("type").asString()).isEqualTo("SIGN_IN_FAILED");
		assertThat(event.get("email").asString()).isEqualTo(email);
		assertThat(event.get("details").get("reason").asString()).isEqualTo("unknown email");
	}

	@Test
	void aLockoutIsFoundByTheUsersEmailWithTheFailuresThatCausedIt() {
		var user = fixtures.loneUser();
		for (int i = 0; i < 5; i++) {
			fixtures.anonymous().post("/api/v1/auth/login", Map.of("email", user.email(), "password", "wrong " + i));
		}

		var lockouts = admin.get("/api/v1/admin/security-events?type=LOCKED_OUT&email=" + user.email()).json();
		var all = admin.get("/api/v1/admin/security-events?size=2&email=" + user.email()).json();

		assertThat(lockouts.get("totalItems").asLong()).isEqualTo(1);
		assertThat(lockouts.get("items").get(0).get("userId").asString()).isEqualTo(user.id().toString());
		assertThat(all.get("totalItems").asLong()).isEqualTo(6);
		assertThat(all.get("totalPages").asInt()).isEqualTo(3);
		assertThat(all.get("items")).hasSize(2);
		assertThat(all.get("items").get(0).get("type").asString()).isEqualTo("LOCKED_OUT");
	}

	@Test
	void securityEventsAreFilteredByTime() {
		var email = Fixtures.unique("late") + "@example.test";
		fixtures.anonymous().post("/api/v1/auth/login", Map.of("email", email, "password", "guess"));
		var hourAhead = Instant.now().plus(1, ChronoUnit.HOURS);
		var hourAgo = Instant.now().minus(1, ChronoUnit.HOURS);

		assertThat(admin.get("/api/v1/admin/security-events?email=" + email + "&from=" + hourAhead).json().get("totalItems").asLong())
			.isZero();
		assertThat(admin.get("/api/v1/admin/security-events?email=" + email + "&from=" + hourAgo + "&to=" + hourAhead).json()
			.get("totalItems").asLong()).isEqualTo(1);
		assertThat(admin.get("/api/v1/admin/security-events?from=" + hourAhead + "&to=" + hourAgo).status()).isEqualTo(400);
	}

	@Test
	void aDisabledWebhookEndpointIsASecurityEvent() {
		var organisation = fixtures.organisation("Disabled");
		var orgAdmin = fixtures.signIn(fixtures.member(organisation, OrganisationRole.ADMIN, Map.of()));
		var registered = orgAdmin.post("/api/v1/organisations/" + organisation + "/webhooks/endpoints",
				Map.of("url", UNREACHABLE, "eventTypes", List.of("site.created")));
		var endpointId = registered.json().get("id").asString();
		Superuser.on(databaseUrl).sql("update atrium.webhook_endpoints set failing_since = now() - interval '6 days' where id = ?")
			.param(UUID.fromString(endpointId)).update();

		orgAdmin.post("/api/v1/organisations/" + organisation + "/sites", Map.of("name", "Leeds", "timezone", "UTC"));

		var event = Eventually.get("the endpoint is disabled",
				() -> admin.get("/api/v1/admin/security-events?type=WEBHOOK_ENDPOINT_DISABLED&size=200").json().get("items")
					.valueStream().filter(e -> e.get("entityId").asString().equals(endpointId)).findFirst(),
				java.util.Optional::isPresent).orElseThrow();
		assertThat(event.get("details").get("organisationId").asString()).isEqualTo(organisation.toString());
		assertThat(event.get("details").get("url").asString()).isEqualTo(UNREACHABLE);
	}

	private JsonNode stats() {
		var response = admin.get("/api/v1/admin/dashboard/stats");
		assertThat(response.status()).as(response.toString()).isEqualTo(200);
		return response.json();
	}

	private String failingEndpoint(UUID organisation, Api orgAdmin) {
		var registered = orgAdmin.post("/api/v1/organisations/" + organisation + "/webhooks/endpoints",
				Map.of("url", UNREACHABLE, "eventTypes", List.of("site.*")));
		assertThat(registered.status()).as(registered.toString()).isEqualTo(201);
		var endpointId = registered.json().get("id").asString();
		orgAdmin.post("/api/v1/organisations/" + organisation + "/sites", Map.of("name", "Leeds", "timezone", "UTC"));
		Eventually.until("the endpoint fails", () -> !orgAdmin
			.get("/api/v1/organisations/" + organisation + "/webhooks/endpoints/" + endpointId).json().get("failingSince").isNull());
		return endpointId;
	}

}
