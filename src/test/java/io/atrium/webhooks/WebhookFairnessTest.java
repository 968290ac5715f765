package io.atrium.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

import io.atrium.access.OrganisationRole;
import io.atrium.jobs.Eventually;
import io.atrium.test.Api;
import io.atrium.test.AtriumTest;
import io.atrium.test.Fixtures;
import io.atrium.webhooks.Receiver.Reply;

/**
 * One slow endpoint cannot hold up everyone else's deliveries: with two worker threads and
 * ten slow deliveries queued ahead, another organisation's delivery still goes out while most
 * of the slow ones wait.
 */
@AtriumTest
@TestPropertySource(properties = { "atrium.webhooks.allow-private-targets=true",
		"atrium.webhooks.allowed-http-hosts=127.0.0.1", "atrium.webhooks.timeout=5s",
		"atrium.webhooks.max-concurrent-per-endpoint=1", "atrium.webhooks.max-concurrent-per-organisation=1",
		"db-scheduler.threads=2", "db-scheduler.polling-interval=200ms" })
class WebhookFairnessTest {

	static final Receiver receiver = new Receiver();

	@LocalServerPort
	int port;

	@Autowired
	Fixtures.Factory factory;

	Fixtures fixtures;

	@BeforeEach
	void setUp() {
		fixtures = factory.at(port);
	}

	@AfterAll
	static void stopReceiver() {
		receiver.close();
	}

	@Test
	void aSlowEndpointDoesNotStarveAnotherOrganisationsDeliveries() {
		var slow = organisation();
		var slowPath = "/slow/" + UUID.randomUUID();
		receiver.script(slowPath, Collections.nCopies(10, Reply.slow(Duration.ofSeconds(3))).toArray(Reply[]::new));
		var slowEndpoint = endpoint(slow, slowPath);
		for (int i = 0; i < 10; i++) {
			site(slow);
		}
		var quick = organisation();
		var quickPath = "/quick/" + UUID.randomUUID();
		endpoint(quick, quickPath);

		site(quick);

		Eventually.until("the other organisation's delivery arrives", () -> receiver.received(quickPath).size() == 1);
		assertThat(receiver.received(slowPath).size()).as("slow deliveries sent by then").isLessThanOrEqualTo(5);
		// stop the slow endpoint's remaining work so it does not outlive the test
		slow.api().delete("/api/v1/organisations/" + slow.id() + "/webhooks/endpoints/" + slowEndpoint);
	}

	record Organisation(UUID id, Api api) {
	}

	Organisation organisation() {
		var id = fixtures.organisation("Fair");
		return new Organisation(id, fixtures.signIn(fixtures.member(id, OrganisationRole.ADMIN, Map.of())));
	}

	String endpoint(Organisation organisation, String path) {
		var created = organisation.api().post("/api/v1/organisations/" + organisation.id() + "/webhooks/endpoints",
				Map.of("url", receiver.url(path), "eventTypes", List.of("site.created")));
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		return created.json().get("id").asString();
	}

	void site(Organisation organisation) {
		var site = organisation.api().post("/api/v1/organisations/" + organisation.id() + "/sites",
				Map.of("name", Fixtures.unique("Site"), "timezone", "UTC"));
		assertThat(site.status()).as(site.toString()).isEqualTo(201);
	}
}
