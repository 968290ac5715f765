package io.atrium.interactions;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.atrium.access.OrganisationRole;
import io.atrium.access.SiteRole;
import io.atrium.test.Api;
import io.atrium.test.AtriumTest;
import io.atrium.test.Fixtures;
import tools.jackson.databind.JsonNode;

/** The server checks every field and lists every problem at once, as problem+json. */
@AtriumTest
class InteractionValidationTest {

	@LocalServerPort
	int port;

	@Autowired
	Fixtures.Factory factory;

	Api editor;
	String path;

	@BeforeEach
	void setUp() {
		var fixtures = factory.at(port);
		UUID organisation = fixtures.organisation("Validation");
		UUID site = fixtures.site(organisation, "Leeds");
		editor = fixtures.signIn(fixtures.member(organisation, OrganisationRole.MEMBER, Map.of(site, SiteRole.EDITOR)));
		path = "/api/v1/sites/" + site + "/interactions";
	}

	static Map<String, String> errors(JsonNode problem) {
		var errors = new HashMap<String, String>();
		problem.get("errors").forEach(e -> errors.put(e.get("field").asString(), e.get("message").asString()));
		return errors;
	}

	@Test
	void listsEveryInvalidFieldAtOnce() {
		var body = new HashMap<String, Object>();
		body.put("title", "x".repeat(201));
		body.put("type", "Picnic");
		body.put("lead", "y".repeat(101));
		body.put("start", "2026-13-01T09:00:00");
		body.put("timezone", "Mars/Olympus_Mons");
		body.put("location", "z".repeat(201));
		body.put("description", "d".repeat(20_001));
		body.put("notes", "n".repeat(20_001));
		var response = editor.post(path, body);
		assertThat(response.status()).isEqualTo(400);
		assertThat(response.contentType()).startsWith("application/problem+json");
		assertThat(response.json().get("type").asString()).endsWith("/validation");
		assertThat(errors(response.json())).containsOnlyKeys("title", "type", "lead", "start", "timezone", "location",
				"description", "notes");
		assertThat(errors(response.json()).get("title")).isEqualTo("must be at most 200 characters");
		assertThat(errors(response.json()).get("type")).contains("Meeting", "Call", "Email", "Visit", "Event", "Other");
	}

	@Test
	void acceptsEveryFieldAtItsLimit() {
		var body = InteractionsApiTest.meeting("t".repeat(200));
		body.put("lead", "l".repeat(100));
		body.put("location", "é".repeat(200));
		body.put("description", "d".repeat(20_000));
		body.put("notes", "n".repeat(20_000));
		var response = editor.post(path, body);
		assertThat(response.status()).as(response.toString()).isEqualTo(201);
		assertThat(response.json().get("location").asString()).hasSize(200);
	}

	@Test
	void requiresTitleTypeLeadStartAndTimezone() {
		var response = editor.post(path, Map.of("title", "  "));
		assertThat(response.status()).isEqualTo(400);
		assertThat(errors(response.json())).containsOnlyKeys("title", "type", "lead", "start", "timezone");
	}

	@Test
	void rejectsEndBeforeStart() {
		var body = InteractionsApiTest.meeting("Backwards");
		body.put("end", "2026-03-14T09:29:59");
		var response = editor.post(path, body);
		assertThat(response.status()).isEqualTo(400);
		assertThat(errors(response.json())).containsExactly(Map.entry("end", "must not be before start"));
	}

	@Test
	void acceptsEndEqualToStart() {
		var body = InteractionsApiTest.meeting("Instant");
		body.put("end", body.get("start"));
		assertThat(editor.post(path, body).status()).isEqualTo(201);
	}

	@ParameterizedTest
	@ValueSource(strings = { "GMT+1", "+01:00", "europe/london", "Europe/Londres", "EST5EDT6", "" })
	void rejectsWhatIsNotAnIanaZone(String zone) {
		var body = InteractionsApiTest.meeting("Zoned");
		body.put("timezone", zone);
		var response = editor.post(path, body);
		assertThat(response.status()).isEqualTo(400);
		assertThat(errors(response.json())).containsKey("timezone");
	}

	@ParameterizedTest
	@ValueSource(strings = { "2026-03-14", "14/03/2026 09:30", "2026-03-14T09:30:00.1234567", "2026-03-14T25:00:00",
			"10000-01-01T00:00:00" })
	void rejectsStartsThatAreNotLocalDateTimes(String start) {
		var body = InteractionsApiTest.meeting("When?");
		body.put("start", start);
		body.remove("end");
		var response = editor.post(path, body);
		assertThat(response.status()).isEqualTo(400);
		assertThat(errors(response.json())).containsOnlyKeys("start");
	}

	@Test
	void rejectsUnknownTypes() {
		var body = InteractionsApiTest.meeting("Picnic");
		body.put("type", "Picnic");
		var response = editor.post(path, body);
		assertThat(response.status()).isEqualTo(400);
		assertThat(errors(response.json()).get("type")).startsWith("must be one of the organisation's interaction types");
		assertThat(errors(response.json())).containsOnlyKeys("type");
		assertThat(editor.get(path).json().get("items")).isEmpty();
	}

	@Test
	void rejectsLineBreaksInSingleLineFields() {
		var body = InteractionsApiTest.meeting("Two\nlines");
		body.put("lead", "Ada\tLovelace");
		var response = editor.post(path, body);
		assertThat(response.status()).isEqualTo(400);
		assertThat(errors(response.json())).containsOnlyKeys("title", "lead");
	}

	@Test
	void rejectsUnknownFieldsAndWrongJsonTypes() {
		var unknown = InteractionsApiTest.meeting("Extra");
		unknown.put("priority", "high");
		var response = editor.post(path, unknown);
		assertThat(response.status()).isEqualTo(400);
		assertThat(errors(response.json())).containsOnlyKeys("priority");

		var wrongType = InteractionsApiTest.meeting("Typed");
		wrongType.put("title", 42);
		assertThat(editor.post(path, wrongType).status()).isEqualTo(400);
		assertThat(editor.raw("POST", path, "application/json", "{\"title\": ").status()).isEqualTo(400);
	}
}
