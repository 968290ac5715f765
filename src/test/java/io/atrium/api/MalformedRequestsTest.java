package io.atrium.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.atrium.test.Api;
import io.atrium.test.AtriumTest;
import io.atrium.test.Fixtures;
import tools.jackson.databind.JsonNode;

/**
 * Whatever a client sends, the answer is problem+json that says what to fix, and nothing is
 * stored. Each test sends one kind of bad request to the site (or organisation) endpoints and
 * checks the list afterwards.
 */
@AtriumTest
class MalformedRequestsTest {

	private static final String PROBLEM_JSON = "application/problem+json";

	@LocalServerPort
	int port;

	@Autowired
	Fixtures.Factory factory;

	Api admin;
	String token;
	UUID organisation;
	String sites;

	@BeforeEach
	void setUp() {
		var fixtures = factory.at(port);
		token = fixtures.anonymous()
			.post("/api/v1/auth/login", Map.of("email", Fixtures.ADMIN_EMAIL, "password", Fixtures.ADMIN_PASSWORD))
			.json().get("accessToken").asString();
		admin = fixtures.anonymous().as(token);
		organisation = fixtures.organisation("Edge");
		sites = "/api/v1/organisations/" + organisation + "/sites";
	}

	@Test
	void malformedJsonNamesTheLineAndColumn() {
		var response = admin.raw("POST", sites, "application/json", "{\n  \"name\": \"Leeds\",\n  \"timezone\": }");

		assertProblem(response, 400, "malformed-json");
		assertThat(response.json().get("detail").asString()).contains("line 3, column");
		assertNoSiteStored();
	}

	@Test
	void aValueOfTheWrongJsonTypeIsAFieldError() {
		var response = admin.raw("POST", sites, "application/json", "{\"name\": 42, \"timezone\": \"Europe/London\"}");

		assertProblem(response, 400, "validation");
		assertThat(fieldError(response, "name")).isEqualTo("has the wrong type; expected string");
		assertNoSiteStored();
	}

	@Test
	void anObjectWhereAStringBelongsIsAFieldError() {
		var response = admin.raw("POST", sites, "application/json", "{\"name\": {\"a\": 1}, \"timezone\": \"Europe/London\"}");

		assertProblem(response, 400, "validation");
		assertThat(fieldError(response, "name")).isEqualTo("has the wrong type; expected string");
		assertNoSiteStored();
	}

	@Test
	void aBooleanFieldRejectsText() {
		var response = admin.raw("POST", sites, "application/json",
				"{\"name\": \"Leeds\", \"timezone\": \"Europe/London\", \"active\": \"maybe\"}");

		assertProblem(response, 400, "validation");
		assertThat(fieldError(response, "active")).isEqualTo("must be a valid boolean");
		assertNoSiteStored();
	}

	@Test
	void anUnknownEnumValueListsTheAllowedValues() {
		var slug = Fixtures.unique("spaceport");
		var response = admin.post("/api/v1/organisations",
				Map.of("name", "Spaceport", "slug", slug, "industry", "SPACE_TRAVEL"));

		assertProblem(response, 400, "validation");
		assertThat(fieldError(response, "industry")).startsWith("must be one of: ").contains("RETAIL");
		assertThat(admin.get("/api/v1/organisations?q=" + slug).json().get("totalItems").asLong()).isZero();
	}

	@Test
	void anUnknownFieldIsRejectedByName() {
		var response = admin.post(sites, Map.of("name", "Leeds", "timezone", "Europe/London", "colour", "red"));

		assertProblem(response, 400, "validation");
		assertThat(fieldError(response, "colour")).isEqualTo("is not a known field");
		assertNoSiteStored();
	}

	@Test
	void aBodyDeclaredLargerThanTheLimitIsRefusedBeforeReading() throws Exception {
		var response = send(HttpRequest.BodyPublishers.ofString(siteWithDescriptionOf(1_100_000)));

		assertThat(response.statusCode()).isEqualTo(413);
		assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith(PROBLEM_JSON);
		assertThat(response.body()).contains("body-too-large").contains("larger than 1048576 bytes");
		assertNoSiteStored();
	}

	@Test
	void aChunkedBodyThatGrowsPastTheLimitIsRefused() throws Exception {
		var body = siteWithDescriptionOf(1_100_000).getBytes(StandardCharsets.UTF_8);
		// a stream of unknown length goes out with Transfer-Encoding: chunked, without Content-Length
		var response = send(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)));

		assertThat(response.statusCode()).isEqualTo(413);
		assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith(PROBLEM_JSON);
		assertThat(response.body()).contains("body-too-large");
		assertNoSiteStored();
	}

	@Test
	void aStringLongerThanItsLimitIsAFieldError() {
		var response = admin.post(sites, Map.of("name", "x".repeat(201), "timezone", "Europe/London"));

		assertProblem(response, 400, "validation");
		assertThat(fieldError(response, "name")).isEqualTo("size must be between 0 and 200");
		assertNoSiteStored();
	}

	@Test
	void aPathIdThatIsNotAUuidIsAFieldError() {
		var response = admin.get("/api/v1/organisations/not-a-uuid/sites");

		assertProblem(response, 400, "validation");
		assertThat(fieldError(response, "organisationId")).isEqualTo("must be a UUID");
	}

	@Test
	void controlCharactersInAStringAreRefused() {
		var response = admin.post(sites, Map.of("name", "Leeds", "timezone", "Europe/London", "description", "bell\u0007"));

		assertProblem(response, 400, "validation");
		assertThat(fieldError(response, "description")).isEqualTo("must not contain control characters");
		assertNoSiteStored();
	}

	@Test
	void aMissingBodyIsRefused() {
		var response = admin.send("POST", sites, null);

		assertProblem(response, 400, "malformed-json");
		assertThat(response.json().get("detail").asString()).contains("missing");
		assertNoSiteStored();
	}

	@Test
	void anUnsupportedMediaTypeIsRefused() {
		var response = admin.raw("POST", sites, "text/plain", "name=Leeds");

		assertProblem(response, 415, "http-415");
		assertThat(response.header("Accept")).contains("application/json");
		assertNoSiteStored();
	}

	@Test
	void aMethodTheResourceDoesNotSupportIsRefusedWithTheAllowedOnes() {
		var response = admin.delete(sites);

		assertProblem(response, 405, "http-405");
		assertThat(response.header("Allow")).contains("GET").contains("POST");
		assertNoSiteStored();
	}

	@Test
	void anUnknownPathUnderTheApiIsProblemJsonNotAPage() {
		var response = admin.get("/api/v1/no-such-thing");

		assertProblem(response, 404, "http-404");
		assertThat(response.body()).doesNotContain("<html");
	}

	@Test
	void aUrlTheFirewallRefusesIsExplainedAsProblemJson() {
		for (var path : new String[] { sites + "/%2e%2e/x", "/api/v1//organisations", sites + ";x=1" }) {
			var response = admin.get(path);

			assertProblem(response, 400, "rejected-url");
		}
		assertNoSiteStored();
	}

	@Test
	void aHeaderWithAControlCharacterIsRefusedAsProblemJson() throws IOException {
		// sent byte by byte: an HTTP client library refuses or re-encodes such a header before it leaves
		try (var socket = new Socket("127.0.0.1", port)) {
			var out = socket.getOutputStream();
			out.write(("GET " + sites + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer abc").getBytes(StandardCharsets.ISO_8859_1));
			out.write(0x85); // NEL, a control character in ISO-8859-1, the charset of header bytes
			out.write("\r\nConnection: close\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
			var response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);

			assertThat(response).startsWith("HTTP/1.1 400").contains("application/problem+json").contains("rejected-url");
		}
	}

	@Test
	void aPageBeyondAnyListIsAFieldErrorNotAConflict() {
		var response = admin.get(sites + "?page=100000000&size=200");

		assertProblem(response, 400, "validation");
		assertThat(fieldError(response, "page")).isEqualTo("must be at most 10737418 for size 200");
	}

	@Test
	void aQueryParameterOfTheWrongTypeIsAFieldError() {
		var response = admin.get(sites + "?active=perhaps");

		assertProblem(response, 400, "validation");
		assertThat(fieldError(response, "active")).isEqualTo("must be a valid boolean");
	}

	@Test
	void theErrorPageAskedForDirectlyIsNotFound() {
		var response = admin.get("/error");

		assertProblem(response, 404, "http-404");
	}

	private void assertProblem(Api.Response response, int status, String type) {
		assertThat(response.status()).as(response.toString()).isEqualTo(status);
		assertThat(response.contentType()).startsWith(PROBLEM_JSON);
		var body = response.json();
		assertThat(body.path("type").asString()).as(response.toString()).isEqualTo("https://atrium.dev/problems/" + type);
		assertThat(body.path("status").asInt()).isEqualTo(status);
		assertThat(body.path("title").asString()).as(response.toString()).isNotBlank();
		assertThat(body.path("detail").asString()).as(response.toString()).isNotBlank();
		assertThat(response.body()).doesNotContain("Exception").doesNotContain("\tat ");
	}

	private static String fieldError(Api.Response response, String field) {
		for (JsonNode error : response.json().get("errors")) {
			if (error.get("field").asString().equals(field)) {
				return error.get("message").asString();
			}
		}
		throw new AssertionError("no error for field " + field + " in " + response);
	}

	private void assertNoSiteStored() {
		var list = admin.get(sites);
		assertThat(list.status()).isEqualTo(200);
		assertThat(list.json().get("totalItems").asLong()).as("sites stored").isZero();
	}

	private static String siteWithDescriptionOf(int length) {
		return "{\"name\": \"Leeds\", \"timezone\": \"Europe/London\", \"description\": \"" + "x".repeat(length) + "\"}";
	}

	private HttpResponse<String> send(HttpRequest.BodyPublisher body) throws Exception {
		var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + sites))
			.header("Content-Type", "application/json")
			.header("Authorization", "Bearer " + token)
			.POST(body)
			.build();
		try (var client = HttpClient.newHttpClient()) {
			return client.send(request, HttpResponse.BodyHandlers.ofString());
		}
	}
}
