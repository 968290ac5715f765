package io.atrium.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.atrium.test.Api;
import io.atrium.test.AtriumTest;
import io.atrium.test.Fixtures;
import tools.jackson.databind.JsonNode;

/** What operators and integrators rely on: health, readiness, metrics and the API's description. */
@AtriumTest
class OperationsEndpointsTest {

	@LocalServerPort
	int port;

	@LocalManagementPort
	int managementPort;

	@Autowired
	Fixtures.Factory factory;

	Api anonymous;

	@BeforeEach
	void setUp() {
		anonymous = factory.at(port).anonymous();
	}

	@Test
	void healthAndReadinessAnswerWithoutSigningIn() {
		var health = anonymous.get("/health");
		var ready = anonymous.get("/ready");

		assertThat(health.status()).isEqualTo(200);
		assertThat(health.json().get("status").asString()).isEqualTo("UP");
		assertThat(ready.status()).isEqualTo(200);
		assertThat(ready.json().get("database").asString()).isEqualTo("UP");
	}

	@Test
	void prometheusMetricsAreServedOnTheManagementPort() {
		anonymous.get("/health");

		var metrics = new Api(managementPort).get("/actuator/prometheus");

		assertThat(metrics.status()).isEqualTo(200);
		assertThat(metrics.contentType()).startsWith("text/plain");
		assertThat(metrics.body()).contains("# TYPE jvm_memory_used_bytes gauge").contains("http_server_requests_seconds_count");
		assertThat(metrics.body()).contains("hikaricp_connections_active{pool=\"atrium-app\"}");
	}

	@Test
	void metricsAreNotServedOnThePublicPort() {
		var admin = factory.at(port).superAdmin();

		for (var api : List.of(anonymous, admin)) {
			var response = api.get("/actuator/prometheus");
			assertThat(response.status()).isEqualTo(404);
			assertThat(response.body()).doesNotContain("# TYPE");
		}
	}

	@Test
	void theManagementPortListensOnLoopbackOnly() throws Exception {
		var outside = nonLoopbackAddresses();
		Assumptions.assumeFalse(outside.isEmpty(), "this machine has no non-loopback IPv4 address to try");

		for (var address : outside) {
			try (var socket = new Socket()) {
				socket.connect(new InetSocketAddress(address, port), 2000);
			}
			try (var socket = new Socket()) {
				org.assertj.core.api.Assertions
					.assertThatThrownBy(() -> socket.connect(new InetSocketAddress(address, managementPort), 2000))
					.as("management port on %s", address).isInstanceOf(ConnectException.class);
			}
		}
	}

	@Test
	void theOpenApiDocumentDescribesTheApiInOpenApi31() {
		var document = anonymous.get("/api/v1/openapi.json");

		assertThat(document.status()).isEqualTo(200);
		var json = document.json();
		assertThat(json.get("openapi").asString()).startsWith("3.1");
		assertThat(names(json.get("paths"))).contains("/api/v1/auth/login", "/api/v1/auth/refresh",
				"/api/v1/organisations", "/api/v1/organisations/{organisationId}",
				"/api/v1/organisations/{organisationId}/sites", "/api/v1/organisations/{organisationId}/sites/{siteId}",
				"/api/v1/organisations/{organisationId}/audit-events", "/api/v1/admin/audit-events");
		assertThat(json.get("components").get("securitySchemes").get("bearer").get("scheme").asString()).isEqualTo("bearer");
	}

	@Test
	void theOpenApiDocumentAsksOnlyForWhatClientsSend() {
		var paths = anonymous.get("/api/v1/openapi.json").json().get("paths");

		var parameters = new ArrayList<String>();
		paths.forEach(path -> path.forEach(operation -> {
			if (operation.has("parameters")) {
				operation.get("parameters").forEach(p -> parameters.add(p.get("name").asString()));
			}
		}));
		assertThat(parameters).contains("organisationId", "size", "cursor").doesNotContain("caller");
	}

	@Test
	void theInteractiveDocumentationIsReachableWithoutSigningIn() {
		var entry = anonymous.get("/api/v1/docs");
		assertThat(entry.status()).isEqualTo(302);

		var page = anonymous.get(entry.header("Location"));
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.contentType()).startsWith("text/html");
		assertThat(page.body()).contains("swagger-ui");
		var config = anonymous.get("/api/v1/openapi.json/swagger-config");
		assertThat(config.json().get("url").asString()).isEqualTo("/api/v1/openapi.json");
		assertThat(anonymous.get(entry.header("Location").replace("index.html", "swagger-initializer.js")).status()).isEqualTo(200);
	}

	private static List<String> names(JsonNode object) {
		var names = new ArrayList<String>();
		object.propertyNames().forEach(names::add);
		return names;
	}

	private static List<InetAddress> nonLoopbackAddresses() throws Exception {
		var addresses = new ArrayList<InetAddress>();
		for (var network : Collections.list(NetworkInterface.getNetworkInterfaces())) {
			if (network.isUp() && !network.isLoopback()) {
				Collections.list(network.getInetAddresses()).stream()
					.filter(a -> a instanceof Inet4Address && !a.isLoopbackAddress() && !a.isLinkLocalAddress())
					.forEach(addresses::add);
			}
		}
		return addresses;
	}
}
