package io.atrium.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.atrium.test.Api;
import io.atrium.test.AtriumTest;
import io.atrium.test.Fixtures;

/** Headers every response carries: browser protections and the request id. */
@AtriumTest
class ResponseHeadersTest {

	@LocalServerPort
	int port;

	@Autowired
	Fixtures.Factory factory;

	Fixtures fixtures;

	@BeforeEach
	void setUp() {
		fixtures = factory.at(port);
	}

	@Test
	void apiResponsesCarryTheSecurityHeaders() {
		var admin = fixtures.superAdmin();

		assertSecurityHeaders(admin.get("/api/v1/organisations"));
		assertSecurityHeaders(admin.get("/api/v1/organisations/" + UUID.randomUUID()));
		assertSecurityHeaders(fixtures.anonymous().get("/api/v1/organisations"));
	}

	@Test
	void theDocumentationCarriesTheSecurityHeaders() {
		var anonymous = fixtures.anonymous();

		assertSecurityHeaders(anonymous.get("/api/v1/openapi.json"));
		assertSecurityHeaders(anonymous.get("/api/v1/docs"));
		assertSecurityHeaders(anonymous.get("/api/v1/swagger-ui/index.html"));
	}

	@Test
	void aSaneRequestIdIsEchoed() {
		var response = fixtures.anonymous().withHeader("X-Request-Id", "trace-42.a_b:c").get("/health");

		assertThat(response.header("X-Request-Id")).isEqualTo("trace-42.a_b:c");
	}

	@Test
	void anInsaneRequestIdIsReplacedByANewOne() {
		for (var offered : new String[] { "has spaces in it", "x".repeat(65), "<script>", "" }) {
			var response = fixtures.anonymous().withHeader("X-Request-Id", offered).get("/health");

			assertThat(response.header("X-Request-Id")).as(offered).isNotEqualTo(offered)
				.satisfies(id -> UUID.fromString(id));
		}
	}

	@Test
	void aRequestWithoutAnIdGetsOne() {
		var first = fixtures.anonymous().get("/health").header("X-Request-Id");
		var second = fixtures.anonymous().get("/api/v1/organisations").header("X-Request-Id");

		assertThat(UUID.fromString(first)).isNotEqualTo(UUID.fromString(second));
	}

	private static void assertSecurityHeaders(Api.Response response) {
		assertThat(response.header("Content-Security-Policy")).as(response.toString())
			.contains("default-src 'self'").contains("frame-ancestors 'none'").contains("object-src 'none'");
		assertThat(response.header("X-Content-Type-Options")).isEqualTo("nosniff");
		assertThat(response.header("X-Frame-Options")).isEqualTo("DENY");
		assertThat(response.header("Referrer-Policy")).isEqualTo("strict-origin-when-cross-origin");
	}
}
