package io.atrium.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

import com.standardwebhooks.Webhook;

import io.atrium.access.OrganisationRole;
import io.atrium.database.Scope;
import io.atrium.database.TenantTransactions;
import io.atrium.jobs.Eventually;
import io.atrium.jobs.Superuser;
import io.atrium.tenancy.Sites;
import io.atrium.test.Api;
import io.atrium.test.AtriumTest;
import io.atrium.test.Fixtures;
import io.atrium.webhooks.Receiver.Reply;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Webhooks end to end: an organisation admin registers an endpoint on a loopback receiver, a
 * business change happens through the API, and the receiver gets it, signed, as often as it
 * takes. Retries and timeouts are shortened here; the rules are the production ones.
 */
@AtriumTest
@TestPropertySource(properties = { "atrium.webhooks.allow-private-targets=true",
		"atrium.webhooks.allowed-http-hosts=127.0.0.1", "atrium.webhooks.retry-schedule=0s,1s,1s,1s",
		"atrium.webhooks.timeout=1s", "db-scheduler.polling-interval=200ms",
		"atrium.mail.log-file=${java.io.tmpdir}/atrium-webhook-tests/mail.log" })
class WebhookDeliveryTest {

	static final Receiver receiver = new Receiver();
	static final JsonMapper json = JsonMapper.builder().build();

	@LocalServerPort
	int port;

	@Autowired
	Fixtures.Factory factory;

	@Autowired
	TenantTransactions transactions;

	@Autowired
	Sites sites;

	@Value("${atrium.db.url}")
	String databaseUrl;

	@Value("${atrium.mail.log-file}")
	Path mailLog;

	Fixtures fixtures;

	@BeforeEach
	void setUp() {
		fixtures = factory.at(port);
	}

	@AfterAll
	static void stopReceiver() {
		receiver.close();
	}

	record Organisation(UUID id, Api admin, Fixtures.User adminUser) {

		String webhooks() {
			return "/api/v1/organisations/" + id + "/webhooks";
		}
	}

	record Endpoint(UUID id, String path, String secret) {
	}

	Organisation organisation() {
		var id = fixtures.organisation("Hooks");
		var admin = fixtures.member(id, OrganisationRole.ADMIN, Map.of());
		return new Organisation(id, fixtures.signIn(admin), admin);
	}

	Endpoint endpoint(Organisation organisation, String... eventTypes) {
		var path = "/hooks/" + UUID.randomUUID();
		var created = organisation.admin().post(organisation.webhooks() + "/endpoints",
				Map.of("url", receiver.url(path), "eventTypes", List.of(eventTypes), "description", "test receiver"));
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		return new Endpoint(UUID.fromString(created.json().get("id").asString()), path, created.json().get("secret").asString());
	}

	UUID createSite(Organisation organisation, String name) {
		var site = organisation.admin().post("/api/v1/organisations/" + organisation.id() + "/sites",
				Map.of("name", name, "timezone", "Europe/London"));
		assertThat(site.status()).as(site.toString()).isEqualTo(201);
		return UUID.fromString(site.json().get("id").asString());
	}

	JsonNode onlyDelivery(Organisation organisation, Endpoint endpoint, String status) {
		return Eventually.get("a " + status + " delivery to " + endpoint.path(),
				() -> organisation.admin().get(organisation.webhooks() + "/deliveries?endpointId=" + endpoint.id()).json(),
				page -> page.get("items").size() == 1 && page.get("items").get(0).get("status").asString().equals(status))
			.get("items").get(0);
	}

	JsonNode detail(Organisation organisation, JsonNode delivery) {
		return organisation.admin().get(organisation.webhooks() + "/deliveries/" + delivery.get("id").asString()).json();
	}

	static List<String> outcomes(JsonNode detail) {
		return detail.get("attemptLog").valueStream().map(a -> a.get("outcome").asString()).toList();
	}

	static void verify(String secret, Receiver.Received request) throws Exception {
		new Webhook(secret).verify(request.body(), request.headers());
	}


	@Test
	void deliversABusinessEventSignedSoAnIndependentVerifierAcceptsIt() throws Exception {
		var organisation = organisation();
		var endpoint = endpoint(organisation, "site.*");
		var siteName = Fixtures.unique("Leeds");

		var siteId = createSite(organisation, siteName);

		var delivery = onlyDelivery(organisation, endpoint, "SUCCEEDED");
		var requests = receiver.received(endpoint.path());
		assertThat(requests).hasSize(1);
		var request = requests.get(0);
		verify(endpoint.secret(), request);
		assertThat(request.header("webhook-id")).isEqualTo(delivery.get("webhookId").asString()).startsWith("msg_");
		var payload = json.readTree(request.body());
		assertThat(payload.get("type").asString()).isEqualTo("site.created");
		assertThat(Instant.parse(payload.get("timestamp").asString())).isBefore(Instant.now());
		var data = payload.get("data");
		assertThat(data.get("organisationId").asString()).isEqualTo(organisation.id().toString());
		assertThat(data.get("entityType").asString()).isEqualTo("site");
		assertThat(data.get("entityId").asString()).isEqualTo(siteId.toString());
		assertThat(data.get("changes").get("name").get("after").asString()).isEqualTo(siteName);
		var attempt = detail(organisation, delivery).get("attemptLog").get(0);
		assertThat(attempt.get("outcome").asString()).isEqualTo("SUCCEEDED");
		assertThat(attempt.get("statusCode").asInt()).isEqualTo(200);
		assertThat(attempt.get("responseExcerpt").asString()).isEqualTo("received 200");
	}

	@Test
	void anEndpointReceivesOnlyTheEventTypesItSubscribedTo() {
		var organisation = organisation();
		var family = endpoint(organisation, "site.*");
		var other = endpoint(organisation, "site.updated", "member.*");

		createSite(organisation, Fixtures.unique("York"));

		onlyDelivery(organisation, family, "SUCCEEDED");
		var otherDeliveries = organisation.admin().get(organisation.webhooks() + "/deliveries?endpointId=" + other.id()).json();
		assertThat(otherDeliveries.get("totalItems").asLong()).isZero();
		assertThat(receiver.received(other.path())).isEmpty();
	}

	@Test
	void retriesAfterServerErrorsWithTheSameWebhookId() throws Exception {
		var organisation = organisation();
		var endpoint = endpoint(organisation, "site.created");
		receiver.script(endpoint.path(), Reply.status(500), Reply.status(503));

		createSite(organisation, Fixtures.unique("Hull"));

		var delivery = onlyDelivery(organisation, endpoint, "SUCCEEDED");
		assertThat(delivery.get("attempts").asInt()).isEqualTo(3);
		assertThat(outcomes(detail(organisation, delivery))).containsExactly("FAILED", "FAILED", "SUCCEEDED");
		var requests = receiver.received(endpoint.path());
		assertThat(requests).hasSize(3);
		assertThat(requests).extracting(r -> r.header("webhook-id")).containsOnly(delivery.get("webhookId").asString());
		for (var request : requests) {
			verify(endpoint.secret(), request);
		}
	}

	@Test
	void retriesAfterAnAttemptTimesOut() {
		var organisation = organisation();
		var endpoint = endpoint(organisation, "site.created");
		receiver.script(endpoint.path(), Reply.slow(Duration.ofSeconds(4)));

		createSite(organisation, Fixtures.unique("Bath"));

		var delivery = onlyDelivery(organisation, endpoint, "SUCCEEDED");
		var detail = detail(organisation, delivery);
		assertThat(outcomes(detail)).containsExactly("TIMED_OUT", "SUCCEEDED");
		assertThat(detail.get("attemptLog").get(0).get("error").asString()).contains("within 1000 ms");
		assertThat(receiver.received(endpoint.path())).extracting(r -> r.header("webhook-id")).hasSize(2)
			.containsOnly(delivery.get("webhookId").asString());
	}

	@Test
	void waitsAsLongAsRetryAfterAsks() {
		var organisation = organisation();
		var endpoint = endpoint(organisation, "site.created");
		receiver.script(endpoint.path(), new Reply(429, Duration.ZERO, Map.of("Retry-After", "3")));

		createSite(organisation, Fixtures.unique("Ely"));

		onlyDelivery(organisation, endpoint, "SUCCEEDED");
		var requests = receiver.received(endpoint.path());
		assertThat(requests).hasSize(2);
		// the schedule alone would retry after 1 s
		assertThat(Duration.between(requests.get(0).at(), requests.get(1).at())).isGreaterThanOrEqualTo(Duration.ofSeconds(3));
	}

	@Test
	void goneDisablesTheEndpointAndTellsTheOrganisationsAdmins() throws Exception {
		var organisation = organisation();
		var endpoint = endpoint(organisation, "site.created");
		receiver.script(endpoint.path(), Reply.status(410));

		createSite(organisation, Fixtures.unique("Rye"));

		var delivery = onlyDelivery(organisation, endpoint, "FAILED");
		assertThat(delivery.get("attempts").asInt()).isEqualTo(1);
		var disabled = organisation.admin().get(organisation.webhooks() + "/endpoints/" + endpoint.id()).json();
		assertThat(disabled.get("enabled").asBoolean()).isFalse();
		assertThat(disabled.get("disabledReason").asString()).contains("410 Gone");
		Eventually.until("the admins are told", () -> mailLogContains(organisation.adminUser().email(), endpoint.path()));

		createSite(organisation, Fixtures.unique("Rye"));
		assertThat(receiver.received(endpoint.path())).hasSize(1);
	}

	@Test
	void anEndpointThatHasFailedForDaysIsDisabled() {
		var organisation = organisation();
		var endpoint = endpoint(organisation, "site.created");
		Superuser.on(databaseUrl).sql("update atrium.webhook_endpoints set failing_since = now() - interval '6 days' where id = ?")
			.param(endpoint.id()).update();
		receiver.script(endpoint.path(), Reply.status(500));

		createSite(organisation, Fixtures.unique("Wells"));

		onlyDelivery(organisation, endpoint, "FAILED");
		var disabled = organisation.admin().get(organisation.webhooks() + "/endpoints/" + endpoint.id()).json();
		assertThat(disabled.get("enabled").asBoolean()).isFalse();
		assertThat(disabled.get("disabledReason").asString()).contains("has failed since");
		assertThat(receiver.received(endpoint.path())).hasSize(1);
	}

	@Test
	void enablingAnEndpointAgainAndReplayingSendsWhatItMissed() {
		var organisation = organisation();
		var endpoint = endpoint(organisation, "site.created");
		receiver.script(endpoint.path(), Reply.status(500), Reply.status(500), Reply.status(500), Reply.status(500));
		var since = Instant.now();
		createSite(organisation, Fixtures.unique("Ripon"));
		var failed = onlyDelivery(organisation, endpoint, "FAILED");
		assertThat(failed.get("attempts").asInt()).isEqualTo(4);

		var replayed = organisation.admin().post(organisation.webhooks() + "/deliveries/replay", Map.of("since", since.toString()));

		assertThat(replayed.status()).as(replayed.toString()).isEqualTo(202);
		assertThat(replayed.json().get("replayed").asInt()).isEqualTo(1);
		var delivered = onlyDelivery(organisation, endpoint, "SUCCEEDED");
		assertThat(delivered.get("webhookId").asString()).isEqualTo(failed.get("webhookId").asString());
		assertThat(outcomes(detail(organisation, delivered))).containsExactly("FAILED", "FAILED", "FAILED", "FAILED", "SUCCEEDED");
	}

	@Test
	void replayingADeliverySendsItAgainWithTheSameWebhookId() {
		var organisation = organisation();
		var endpoint = endpoint(organisation, "site.created");
		createSite(organisation, Fixtures.unique("Kew"));
		var delivery = onlyDelivery(organisation, endpoint, "SUCCEEDED");

		var replay = organisation.admin().post(organisation.webhooks() + "/deliveries/" + delivery.get("id").asString() + "/replay", null);

		assertThat(replay.status()).as(replay.toString()).isEqualTo(202);
		Eventually.until("the replay arrives", () -> receiver.received(endpoint.path()).size() == 2);
		assertThat(receiver.received(endpoint.path())).extracting(r -> r.header("webhook-id"))
			.containsOnly(delivery.get("webhookId").asString());
		Eventually.until("the replay is logged", () -> detail(organisation, delivery).get("attemptLog").size() == 2);
		assertThat(outcomes(detail(organisation, delivery))).containsExactly("SUCCEEDED", "SUCCEEDED");
	}

	@Test
	void aChangeThatRollsBackSendsNothing() {
		var organisation = organisation();
		var endpoint = endpoint(organisation, "site.created");
		var rolledBack = Fixtures.unique("Never");
		try {
			transactions.run(Scope.system(organisation.id()), () -> {
				sites.create(Scope.system(organisation.id()), new Sites.Details(rolledBack, null, "Europe/London", true));
				throw new IllegalStateException("the rest of the change failed");
			});
		}
		catch (IllegalStateException expected) {
			// rolled back
		}
		var committed = Fixtures.unique("Always");

		createSite(organisation, committed);

		onlyDelivery(organisation, endpoint, "SUCCEEDED");
		assertThat(receiver.received(endpoint.path())).singleElement()
			.satisfies(request -> assertThat(request.body()).contains(committed).doesNotContain(rolledBack));
		assertThat(Superuser.on(databaseUrl).sql("select count(*) from atrium.webhook_messages where payload like ?")
			.param("%" + rolledBack + "%").query(Long.class).single()).isZero();
	}

	@Test
	void afterSecretRotationDeliveriesCarryBothSignatures() throws Exception {
		var organisation = organisation();
		var endpoint = endpoint(organisation, "site.created");

		var rotated = organisation.admin().post(organisation.webhooks() + "/endpoints/" + endpoint.id() + "/secret/rotate", null);

		assertThat(rotated.status()).as(rotated.toString()).isEqualTo(200);
		var newSecret = rotated.json().get("secret").asString();
		assertThat(newSecret).startsWith("whsec_").isNotEqualTo(endpoint.secret());
		assertThat(rotated.json().get("previousSecret").asString()).isEqualTo(endpoint.secret());
		assertThat(Instant.parse(rotated.json().get("previousSecretExpiresAt").asString()))
			.isAfter(Instant.now().plus(Duration.ofHours(23)));
		createSite(organisation, Fixtures.unique("Deal"));
		onlyDelivery(organisation, endpoint, "SUCCEEDED");
		var request = receiver.received(endpoint.path()).get(0);
		assertThat(request.header("webhook-signature").split(" ")).hasSize(2).allMatch(s -> s.startsWith("v1,"));
		verify(newSecret, request);
		verify(endpoint.secret(), request);
	}

	@Test
	void onlyTheOrganisationsAdminsManageItsWebhooks() {
		var organisation = organisation();
		var endpoint = endpoint(organisation, "*");
		var member = fixtures.signIn(fixtures.member(organisation.id(), OrganisationRole.MEMBER, Map.of()));
		var outsider = organisation();

		assertThat(member.get(organisation.webhooks() + "/endpoints").status()).isEqualTo(403);
		assertThat(member.get(organisation.webhooks() + "/endpoints/" + endpoint.id() + "/secret").status()).isEqualTo(403);
		assertThat(outsider.admin().get(organisation.webhooks() + "/endpoints/" + endpoint.id()).status()).isEqualTo(404);
		assertThat(outsider.admin().get(outsider.webhooks() + "/endpoints/" + endpoint.id()).status()).isEqualTo(404);
		var listed = organisation.admin().get(organisation.webhooks() + "/endpoints").json();
		assertThat(listed.get("items")).extracting(n -> n.get("id").asString()).containsExactly(endpoint.id().toString());
		assertThat(listed.get("items").get(0).has("secret")).isFalse();
	}

	@Test
	void anEndpointNeedsHttpsAndKnownEventTypes() {
		var organisation = organisation();

		var plainHttp = organisation.admin().post(organisation.webhooks() + "/endpoints",
				Map.of("url", "http://example.com/hook", "eventTypes", List.of("site.created")));
		var badType = organisation.admin().post(organisation.webhooks() + "/endpoints",
				Map.of("url", "https://example.com/hook", "eventTypes", List.of("Site Created")));

		assertThat(plainHttp.status()).isEqualTo(400);
		assertThat(plainHttp.json().get("errors").get(0).get("field").asString()).isEqualTo("url");
		assertThat(plainHttp.json().get("errors").get(0).get("message").asString()).contains("https");
		assertThat(badType.status()).isEqualTo(400);
		assertThat(badType.json().get("errors").get(0).get("field").asString()).startsWith("eventTypes");
	}

	private boolean mailLogContains(String recipient, String text) {
		try {
			if (!Files.exists(mailLog)) {
				return false;
			}
			var log = Files.readString(mailLog);
			return log.contains("To: " + recipient) && log.contains(text);
		}
		catch (java.io.IOException e) {
			throw new IllegalStateException(e);
		}
	}
}
