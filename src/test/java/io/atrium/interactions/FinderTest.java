package io.atrium.interactions;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Base64;
import java.util.List;
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

/** What the Finder's search understands, and how it answers questions it cannot take. */
@AtriumTest
class FinderTest {

	@LocalServerPort
	int port;

	@Autowired
	Fixtures.Factory factory;

	Fixtures fixtures;
	UUID organisation;
	UUID site;
	Api editor;
	String path;

	@BeforeEach
	void setUp() {
		fixtures = factory.at(port);
		organisation = fixtures.organisation("Finder");
		site = fixtures.site(organisation, "Leeds");
		editor = fixtures.signIn(fixtures.member(organisation, OrganisationRole.MEMBER, Map.of(site, SiteRole.EDITOR)));
		path = "/api/v1/sites/" + site + "/interactions";
	}

	String record(String title, String description) {
		var body = InteractionsApiTest.meeting(title);
		body.put("description", description);
		body.put("notes", null);
		body.put("location", null);
		var response = editor.post(path, body);
		assertThat(response.status()).as(response.toString()).isEqualTo(201);
		return response.json().get("id").asString();
	}

	List<String> search(String q) {
		var response = editor.get(path + "?q=" + FinderOracleTest.encode(q));
		assertThat(response.status()).as(response.toString()).isEqualTo(200);
		return response.json().get("items").valueStream().map(n -> n.get("title").asString()).toList();
	}

	@Test
	void findsWordPrefixesInAnyTextField() {
		record("Quarterly budget", "numbers");
		record("Site visit", "Checked the scaffolding");
		assertThat(search("budg")).containsExactly("Quarterly budget");
		assertThat(search("scaff")).containsExactly("Site visit");
		assertThat(search("ada lov")).containsExactlyInAnyOrder("Quarterly budget", "Site visit");
		assertThat(search("budget scaffolding")).isEmpty();
	}

	@Test
	void ignoresCaseAndAccents() {
		record("Réunion au café", "Crème brûlée");
		assertThat(search("REUNION")).containsExactly("Réunion au café");
		assertThat(search("cafe")).containsExactly("Réunion au café");
		assertThat(search("CAFÉ brulee")).containsExactly("Réunion au café");
	}

	@Test
	void toleratesSmallTyposInWordsOfFiveLettersOrMore() {
		record("Stakeholder workshop", "Discussed the procurement timeline");
		assertThat(search("procurment")).containsExactly("Stakeholder workshop");
		assertThat(search("stakehodler")).containsExactly("Stakeholder workshop");
		assertThat(search("timelime")).containsExactly("Stakeholder workshop");
		// short words are matched as typed: too many words are one letter apart
		assertThat(search("wrk")).isEmpty();
	}

	@Test
	void numbersAreMatchedAsTypedNotWidenedToSimilarNumbers() {
		record("Invoice dispute", "Order 884213 arrived damaged");
		assertThat(search("884213")).containsExactly("Invoice dispute");
		assertThat(search("8842")).as("a prefix still matches").containsExactly("Invoice dispute");
		assertThat(search("884214")).isEmpty();
	}

	@Test
	void findsWordsThatTheSearchDocumentSplitsOrKeepsWhole() {
		// PostgreSQL's parser stores "9e57e1" as the number 9e57 and the word e1, an address whole
		record("Serial 9e57e1", "Checked");
		record("Follow-up call", "Wrote to ada@example.com about v2.14");
		assertThat(search("9e57e1")).containsExactly("Serial 9e57e1");
		assertThat(search("9e57")).containsExactly("Serial 9e57e1");
		assertThat(search("serial 9e5")).containsExactly("Serial 9e57e1");
		assertThat(search("follow-up")).containsExactly("Follow-up call");
		assertThat(search("ada@example.com")).containsExactly("Follow-up call");
		assertThat(search("v2.14")).containsExactly("Follow-up call");
		assertThat(search("9e58e1")).isEmpty();
	}

	@Test
	void ranksTitleMatchesAboveMatchesInTheDescription() {
		record("Follow-up", "We talked about the harbour");
		record("Harbour inspection", "Routine");
		assertThat(search("harbour")).containsExactly("Harbour inspection", "Follow-up");
	}

	@Test
	void searchTextIsNeverReadAsQuerySyntax() {
		record("Plain", "text");
		for (var q : List.of("'", "a & b", "!x", "a:* | b", "\\", "(((", "<->", "%_", "'; drop table interactions; --")) {
			var response = editor.get(path + "?q=" + FinderOracleTest.encode(q));
			assertThat(response.status()).as(q).isEqualTo(200);
		}
	}

	@Test
	void filtersCombineFreely() {
		var body = InteractionsApiTest.meeting("Call with supplier");
		body.put("type", "Call");
		body.put("lead", "Grace Hopper");
		body.put("start", "2026-05-01T10:00:00");
		body.put("end", null);
		assertThat(editor.post(path, body).status()).isEqualTo(201);
		record("Meeting with supplier", "x");
		var json = editor.get(path + "?type=Call&type=Visit&lead=grace%20hopper&from=2026-04-30T00:00:00Z&to=2026-05-02T00:00:00Z")
			.json();
		assertThat(json.get("items")).extracting(n -> n.get("title").asString()).containsExactly("Call with supplier");
		assertThat(json.get("total").asLong()).isEqualTo(1);
		assertThat(json.get("totalExact").asBoolean()).isTrue();
		assertThat(editor.get(path + "?type=Call,Meeting").json().get("total").asLong()).isEqualTo(2);
		assertThat(editor.get(path + "?location=ROOM%204").json().get("total").asLong()).isEqualTo(1);
	}

	static Map<String, String> errors(JsonNode problem) {
		return InteractionValidationTest.errors(problem);
	}

	@ParameterizedTest
	@ValueSource(strings = { "nonsense", "abc!", "U1RBUlQKZAowMTIzNDU2Nzg5YWJjZGVmCm5vdC1hLXV1aWQKMjAyNg", "" })
	void rejectsMalformedCursors(String cursor) {
		var response = editor.get(path + "?cursor=" + (cursor.isEmpty() ? "%20%20" : cursor) + "&size=1");
		if (cursor.isEmpty()) {
			assertThat(response.status()).isEqualTo(200); // a blank cursor is the first page
			return;
		}
		assertThat(response.status()).isEqualTo(400);
		assertThat(errors(response.json())).containsOnlyKeys("cursor");
	}

	@Test
	void rejectsAForgedCursorWhoseValueIsNotOfItsSortsType() {
		record("One", "x");
		record("Two", "x");
		var next = editor.get(path + "?size=1").json().get("nextCursor").asString();
		var parts = new String(Base64.getUrlDecoder().decode(next)).split("\n", 7);
		parts[6] = "not a time'); drop table interactions; --";
		var forged = Base64.getUrlEncoder().withoutPadding().encodeToString(String.join("\n", parts).getBytes());
		var response = editor.get(path + "?size=1&cursor=" + forged);
		assertThat(response.status()).isEqualTo(400);
		assertThat(errors(response.json())).containsOnlyKeys("cursor");
	}

	@Test
	void aCursorOnlyContinuesTheQuestionItCameFrom() {
		record("One", "x");
		record("Two", "x");
		var next = editor.get(path + "?size=1&sort=title").json().get("nextCursor").asString();
		assertThat(editor.get(path + "?size=1&sort=title&cursor=" + next).status()).isEqualTo(200);
		var otherSort = editor.get(path + "?size=1&sort=lead&cursor=" + next);
		assertThat(otherSort.status()).isEqualTo(400);
		assertThat(errors(otherSort.json()).get("cursor")).contains("different search, filter or sort");
		assertThat(editor.get(path + "?size=1&sort=title&type=Call&cursor=" + next).status()).isEqualTo(400);
	}

	@Test
	void rejectsEveryBadParameterAtOnce() {
		var response = editor.get(path + "?sort=password,up&size=201&type=Picnic&from=yesterday&createdBy=me&q="
				+ "x".repeat(201));
		assertThat(response.status()).isEqualTo(400);
		assertThat(errors(response.json())).containsOnlyKeys("sort", "size", "type", "from", "createdBy", "q");
		assertThat(editor.get(path + "?size=0").status()).isEqualTo(400);
		assertThat(editor.get(path + "?sort=rank").status()).isEqualTo(400);
		assertThat(editor.get(path + "?sort=title,sideways").status()).isEqualTo(400);
		assertThat(editor.get(path + "?from=2026-02-01T00:00:00Z&to=2026-01-01T00:00:00Z").status()).isEqualTo(400);
	}

	@Test
	void searchesAcrossEverySiteTheCallerMayRead() {
		var york = fixtures.site(organisation, "York");
		var hull = fixtures.site(organisation, "Hull");
		var admin = fixtures.signIn(fixtures.member(organisation, OrganisationRole.ADMIN, Map.of()));
		for (var at : List.of(site, york, hull)) {
			assertThat(admin.post("/api/v1/sites/" + at + "/interactions", InteractionsApiTest.meeting("Meeting at " + at))
				.status()).isEqualTo(201);
		}
		var viewer = fixtures.signIn(fixtures.member(organisation, OrganisationRole.MEMBER,
				Map.of(site, SiteRole.VIEWER, york, SiteRole.VIEWER)));
		var across = "/api/v1/interactions?organisation=" + organisation;
		assertThat(viewer.get(across).json().get("items")).extracting(n -> n.get("siteId").asString())
			.containsExactlyInAnyOrder(site.toString(), york.toString());
		assertThat(viewer.get(across + "&site=" + york).json().get("items")).extracting(n -> n.get("siteId").asString())
			.containsExactly(york.toString());
		assertThat(viewer.get(across + "&site=" + hull).status()).isEqualTo(404);
		assertThat(admin.get(across).json().get("total").asLong()).isEqualTo(3);
		assertThat(viewer.get("/api/v1/interactions").status()).isEqualTo(400);
	}
}
