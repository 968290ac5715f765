package io.atrium.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

import io.atrium.access.OrganisationRole;
import io.atrium.jobs.Eventually;
import io.atrium.jobs.Superuser;
import io.atrium.test.AtriumTest;
import io.atrium.test.Fixtures;

/** Webhooks never reach into Atrium's own network, as production runs them (private targets not allowed). */
@AtriumTest
@TestPropertySource(properties = { "atrium.webhooks.allowed-http-hosts=127.0.0.1,localhost",
		"atrium.webhooks.retry-schedule=0s,1s", "db-scheduler.polling-interval=200ms" })
class WebhookTargetsTest {

	static final Receiver receiver = new Receiver();

	@LocalServerPort
	int port;

	@Autowired
	Fixtures.Factory factory;

	@Value("${atrium.db.url}")
	String databaseUrl;

	Fixtures fixtures;

	@BeforeEach
	void setUp() {
		fixtures = factory.at(port);
	}

	@AfterAll
	static void stopReceiver() {
		receiver.close();
	}

	@ParameterizedTest
	@ValueSource(strings = { "https://10.1.2.3/hook", "https://127.0.0.1/hook", "https://[::1]/hook",
			"https://169.254.169.254/latest/meta-data", "https://192.168.0.10:8443/hook", "http://localhost:9000/hook",
			"https://[::ffff:10.0.0.1]/hook" })
	void refusesToRegisterAnEndpointOnAnInternalAddress(String url) {
		var organisation = fixtures.organisation("Ssrf");
		var admin = fixtures.signIn(fixtures.member(organisation, OrganisationRole.ADMIN, Map.of()));

		var response = admin.post("/api/v1/organisations/" + organisation + "/webhooks/endpoints",
				Map.of("url", url, "eventTypes", List.of("*")));

		assertThat(response.status()).as(response.toString()).isEqualTo(400);
		assertThat(response.json().get("errors").get(0).get("field").asString()).isEqualTo("url");
		assertThat(response.json().get("errors").get(0).get("message").asString()).contains("only sent to public addresses");
	}

	@Test
	void refusesToDeliverToAHostThatNowResolvesToAnInternalAddress() {
		var organisation = fixtures.organisation("Rebind");
		var admin = fixtures.signIn(fixtures.member(organisation, OrganisationRole.ADMIN, Map.of()));
		var registered = admin.post("/api/v1/organisations/" + organisation + "/webhooks/endpoints",
				Map.of("url", "https://hooks.example.com/in", "eventTypes", List.of("site.created")));
		assertThat(registered.status()).as(registered.toString()).isEqualTo(201);
		var endpointId = registered.json().get("id").asString();
		// as if DNS for the registered name now answered with a loopback address
		var path = "/hooks/" + UUID.randomUUID();
		Superuser.on(databaseUrl).sql("update atrium.webhook_endpoints set url = ? where id = ?")
			.params(receiver.url(path), UUID.fromString(endpointId)).update();

		var site = admin.post("/api/v1/organisations/" + organisation + "/sites", Map.of("name", "Leeds", "timezone", "UTC"));
		assertThat(site.status()).isEqualTo(201);

		var deliveries = "/api/v1/organisations/" + organisation + "/webhooks/deliveries?endpointId=" + endpointId;
		var failed = Eventually.get("the delivery gives up", () -> admin.get(deliveries).json(),
				page -> page.get("items").size() == 1 && page.get("items").get(0).get("status").asString().equals("FAILED"))
			.get("items").get(0);
		var attempts = admin.get("/api/v1/organisations/" + organisation + "/webhooks/deliveries/" + failed.get("id").asString()).json()
			.get("attemptLog");
		assertThat(attempts.valueStream().map(a -> a.get("outcome").asString())).containsOnly("REFUSED").hasSize(2);
		assertThat(attempts.get(0).get("error").asString()).contains("127.0.0.1").contains("public addresses");
		assertThat(receiver.received(path)).isEmpty();
	}

}
