package io.atrium.interactions;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.atrium.access.OrganisationRole;
import io.atrium.access.SiteRole;
import io.atrium.test.Api;
import io.atrium.test.AtriumTest;
import io.atrium.test.Fixtures;

/**
 * Times are kept as the moment plus the zone they were entered in, and come back exactly as
 * entered, around daylight-saving changes too.
 */
@AtriumTest
class InteractionTimesTest {

	@LocalServerPort
	int port;

	@Autowired
	Fixtures.Factory factory;

	Api editor;
	String path;

	@BeforeEach
	void setUp() {
		var fixtures = factory.at(port);
		UUID organisation = fixtures.organisation("Times");
		UUID site = fixtures.site(organisation, "Anywhere");
		editor = fixtures.signIn(fixtures.member(organisation, OrganisationRole.MEMBER, Map.of(site, SiteRole.EDITOR)));
		path = "/api/v1/sites/" + site + "/interactions";
	}

	@ParameterizedTest(name = "{0} {1}")
	@CsvSource({
			// zone, start as entered, start as returned, UTC
			"Europe/London, 2026-01-15T09:00:00, 2026-01-15T09:00:00Z, 2026-01-15T09:00:00Z",
			"Europe/London, 2026-07-15T09:00:00, 2026-07-15T09:00:00+01:00, 2026-07-15T08:00:00Z",
			// clocks go back at 02:00 BST on 25 Oct 2026: 01:30 happens twice; without offset the first one
			"Europe/London, 2026-10-25T01:30:00, 2026-10-25T01:30:00+01:00, 2026-10-25T00:30:00Z",
			"Europe/London, 2026-10-25T01:30:00+00:00, 2026-10-25T01:30:00Z, 2026-10-25T01:30:00Z",
			"America/New_York, 2026-03-08T03:30:00, 2026-03-08T03:30:00-04:00, 2026-03-08T07:30:00Z",
			"America/New_York, 2026-11-01T01:30:00-05:00, 2026-11-01T01:30:00-05:00, 2026-11-01T06:30:00Z",
			"America/New_York, 2026-11-01T01:30:00-04:00, 2026-11-01T01:30:00-04:00, 2026-11-01T05:30:00Z",
			"Asia/Kolkata, 2026-06-01T18:45:30.123456, 2026-06-01T18:45:30.123456+05:30, 2026-06-01T13:15:30.123456Z",
			// Lord Howe moves its clocks by half an hour: 01:45 on 5 Apr 2026 happens at +11:00 and at +10:30
			"Australia/Lord_Howe, 2026-04-05T01:45:00, 2026-04-05T01:45:00+11:00, 2026-04-04T14:45:00Z",
			"Australia/Lord_Howe, 2026-04-05T01:45:00+10:30, 2026-04-05T01:45:00+10:30, 2026-04-04T15:15:00Z",
			"Australia/Lord_Howe, 2026-10-04T02:30:00, 2026-10-04T02:30:00+11:00, 2026-10-03T15:30:00Z" })
	void startComesBackAsEnteredWithItsOffsetAndInUtc(String zone, String entered, String returned, String utc) {
		var body = InteractionsApiTest.meeting("Around the clock");
		body.put("timezone", zone);
		body.put("start", entered);
		body.remove("end");
		var created = editor.post(path, body);
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		assertThat(created.json().get("start").asString()).isEqualTo(returned);
		assertThat(created.json().get("startUtc").asString()).isEqualTo(utc);
		assertThat(created.json().get("end").isNull()).isTrue();

		// sending back what came back reproduces the same moment (round trip)
		var id = created.json().get("id").asString();
		body.put("start", returned);
		body.put("title", "Around the clock again");
		var replaced = editor.withHeader("If-Match", "\"0\"").put(path + "/" + id, body);
		assertThat(replaced.status()).as(replaced.toString()).isEqualTo(200);
		assertThat(replaced.json().get("start").asString()).isEqualTo(returned);
		assertThat(replaced.json().get("startUtc").asString()).isEqualTo(utc);
	}

	@ParameterizedTest(name = "{0} {1}")
	@CsvSource({
			"Europe/London, 2026-03-29T01:30:00",
			"America/New_York, 2026-03-08T02:30:00",
			"Australia/Lord_Howe, 2026-10-04T02:15:00" })
	void aLocalTimeThatDoesNotExistIsRefusedRatherThanMoved(String zone, String start) {
		var body = InteractionsApiTest.meeting("In the gap");
		body.put("timezone", zone);
		body.put("start", start);
		body.remove("end");
		var response = editor.post(path, body);
		assertThat(response.status()).isEqualTo(400);
		assertThat(response.json().get("errors").get(0).get("field").asString()).isEqualTo("start");
		assertThat(response.json().get("errors").get(0).get("message").asString()).contains("does not exist in " + zone);
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource({ "2026-07-15T09:00:00+00:00", "2026-07-15T09:00:00+02:00" })
	void anOffsetTheZoneDoesNotHaveThenIsRefused(String start) {
		var body = InteractionsApiTest.meeting("Wrong offset");
		body.put("start", start);
		body.remove("end");
		var response = editor.post(path, body);
		assertThat(response.status()).isEqualTo(400);
		assertThat(response.json().get("errors").get(0).get("message").asString()).contains("Europe/London is at +01:00");
	}
}
