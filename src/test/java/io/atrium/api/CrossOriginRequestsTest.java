package io.atrium.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.atrium.test.Api;
import io.atrium.test.Fixtures;

/** Browsers may call the API from the origins Atrium is configured with, and from no other. */
@EdgeSettings
class CrossOriginRequestsTest {

	@LocalServerPort
	int port;

	@Autowired
	Fixtures.Factory factory;

	@Test
	void aPreflightFromTheConfiguredOriginIsAllowed() {
		var response = preflight(EdgeSettings.ALLOWED_ORIGIN);

		assertThat(response.status()).isEqualTo(200);
		assertThat(response.header("Access-Control-Allow-Origin")).isEqualTo(EdgeSettings.ALLOWED_ORIGIN);
		assertThat(response.header("Access-Control-Allow-Methods")).contains("PATCH");
		assertThat(response.header("Access-Control-Allow-Headers")).containsIgnoringCase("authorization");
	}

	@Test
	void aRequestFromTheConfiguredOriginMayReadTheResponse() {
		var response = factory.at(port).superAdmin().withHeader("Origin", EdgeSettings.ALLOWED_ORIGIN)
			.get("/api/v1/organisations");

		assertThat(response.status()).isEqualTo(200);
		assertThat(response.header("Access-Control-Allow-Origin")).isEqualTo(EdgeSettings.ALLOWED_ORIGIN);
		assertThat(response.header("Access-Control-Expose-Headers")).contains("ETag").contains("X-Request-Id");
	}

	@Test
	void aPreflightFromAnotherOriginIsRefused() {
		var response = preflight("https://evil.example");

		assertThat(response.status()).isEqualTo(403);
		assertThat(response.header("Access-Control-Allow-Origin")).isNull();
	}

	@Test
	void aRequestFromAnotherOriginIsRefusedBeforeItActs() {
		var admin = factory.at(port).superAdmin();
		var slug = Fixtures.unique("cors");

		var response = admin.withHeader("Origin", "https://evil.example").post("/api/v1/organisations",
				java.util.Map.of("name", "Cross", "slug", slug));

		assertThat(response.status()).isEqualTo(403);
		assertThat(response.header("Access-Control-Allow-Origin")).isNull();
		assertThat(admin.get("/api/v1/organisations?q=" + slug).json().get("totalItems").asLong()).isZero();
	}

	private Api.Response preflight(String origin) {
		return new Api(port).withHeader("Origin", origin).withHeader("Access-Control-Request-Method", "PATCH")
			.withHeader("Access-Control-Request-Headers", "authorization,content-type,if-match")
			.send("OPTIONS", "/api/v1/organisations", null);
	}
}
