package io.atrium.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

import io.atrium.access.OrganisationRole;
import io.atrium.jobs.Eventually;
import io.atrium.jobs.Superuser;
import io.atrium.jobs.Nodes;
import io.atrium.test.Fixtures;
import io.atrium.webhooks.Receiver.Reply;

/** A delivery waiting for its retry when Atrium stops is made by the next Atrium to start on the database. */
class WebhookRestartTest {

	static final Map<String, Object> SETTINGS = Map.of("atrium.webhooks.allow-private-targets", "true",
			"atrium.webhooks.allowed-http-hosts", "127.0.0.1", "atrium.webhooks.retry-schedule", "0s,4s,1s,1s");

	final Nodes nodes = new Nodes();
	final Receiver receiver = new Receiver();

	@AfterEach
	void stop() {
		nodes.close();
		receiver.close();
	}

	@Test
	void noDeliveryIsLostWhenAtriumRestartsWhileARetryIsPending() {
		var first = nodes.start(SETTINGS);
		var fixtures = fixtures(first);
		var organisation = fixtures.organisation("Restart");
		var admin = fixtures.signIn(fixtures.member(organisation, OrganisationRole.ADMIN, Map.of()));
		var path = "/hooks/" + UUID.randomUUID();
		receiver.script(path, Reply.status(500), Reply.status(500), Reply.status(500), Reply.status(500));
		var endpoint = admin.post("/api/v1/organisations/" + organisation + "/webhooks/endpoints",
				Map.of("url", receiver.url(path), "eventTypes", List.of("site.created")));
		assertThat(endpoint.status()).as(endpoint.toString()).isEqualTo(201);
		admin.post("/api/v1/organisations/" + organisation + "/sites", Map.of("name", "Leeds", "timezone", "UTC"));
		Eventually.until("the first attempt failed", () -> attempts() == 1);

		nodes.stop(first);
		var stoppedAt = Instant.now();
		assertThat(Superuser.on(nodes.database()).sql("select count(*) from atrium.scheduled_tasks where task_name = 'webhook-delivery'")
			.query(Long.class).single()).as("retries waiting in the database").isEqualTo(1);
		receiver.script(path);

		nodes.start(SETTINGS);

		Eventually.until("the delivery succeeded", () -> Superuser.on(nodes.database())
			.sql("select count(*) from atrium.webhook_deliveries where status = 'SUCCEEDED'").query(Long.class).single() == 1);
		var requests = receiver.received(path);
		var delivered = requests.get(requests.size() - 1);
		assertThat(delivered.at()).isAfter(stoppedAt);
		assertThat(requests).extracting(r -> r.header("webhook-id")).containsOnly(requests.get(0).header("webhook-id"));
	}

	private long attempts() {
		return Superuser.on(nodes.database()).sql("select count(*) from atrium.webhook_attempts").query(Long.class).single();
	}


	private static Fixtures fixtures(ConfigurableApplicationContext node) {
		var port = Integer.parseInt(node.getEnvironment().getProperty("local.server.port"));
		return node.getBean(Fixtures.Factory.class).at(port);
	}
}
