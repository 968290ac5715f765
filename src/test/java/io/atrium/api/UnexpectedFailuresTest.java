package io.atrium.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.atrium.access.OrganisationRole;
import io.atrium.test.Fixtures;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A failure on our side answers 500 problem+json that reveals nothing but the request id; the
 * log keeps the details as one JSON line that says whose request it was.
 */
@EdgeSettings
@ExtendWith(OutputCaptureExtension.class)
class UnexpectedFailuresTest {

	@LocalServerPort
	int port;

	@Autowired
	Fixtures.Factory factory;

	@Test
	void anUnexpectedFailureAnswers500WithoutInternals() {
		var fixtures = factory.at(port);
		var organisation = fixtures.organisation("Failing");

		var response = fixtures.superAdmin().withHeader("X-Request-Id", "failure-1").get(failure(organisation));

		assertThat(response.status()).isEqualTo(500);
		assertThat(response.contentType()).startsWith("application/problem+json");
		assertThat(response.json().get("type").asString()).isEqualTo("https://atrium.dev/problems/internal");
		assertThat(response.json().get("requestId").asString()).isEqualTo("failure-1");
		assertThat(response.json().get("detail").asString()).contains("failure-1");
		assertThat(response.body()).doesNotContain("IllegalStateException").doesNotContain("secret internals")
			.doesNotContain("io.atrium").doesNotContain("\tat ");
	}

	@Test
	void logsAreJsonLinesCarryingTheRequestUserAndOrganisation(CapturedOutput output) {
		var fixtures = factory.at(port);
		var organisation = fixtures.organisation("Logged");
		var member = fixtures.member(organisation, OrganisationRole.OWNER, Map.of());
		var requestId = "log-" + java.util.UUID.randomUUID();

		fixtures.signIn(member).withHeader("X-Request-Id", requestId).get(failure(organisation));

		var line = jsonLines(output.getOut()).stream()
			.filter(json -> requestId.equals(json.path("requestId").asString(null)))
			.filter(json -> "ERROR".equals(json.path("log").path("level").asString(null)))
			.findFirst().orElseThrow(() -> new AssertionError("no JSON error line for " + requestId + " in:\n" + output.getOut()));
		assertThat(line.get("ecs").get("version").asString()).isNotBlank();
		assertThat(line.get("message").asString()).isEqualTo("Unexpected failure");
		assertThat(line.get("userId").asString()).isEqualTo(member.id().toString());
		assertThat(line.get("organisationId").asString()).isEqualTo(organisation.toString());
		assertThat(line.get("error").get("stack_trace").asString()).contains(EdgeSettings.FAILURE_MESSAGE);
	}

	private static String failure(java.util.UUID organisation) {
		return "/api/v1/organisations/" + organisation + "/failure";
	}

	private static java.util.List<JsonNode> jsonLines(String output) {
		var json = JsonMapper.builder().build();
		var lines = new ArrayList<JsonNode>();
		for (var line : output.split("\\R")) {
			if (line.startsWith("{")) {
				lines.add(json.readTree(line));
			}
		}
		return lines;
	}
}
