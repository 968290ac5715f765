package io.atrium.interactions;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.atrium.access.OrganisationRole;
import io.atrium.access.SiteRole;
import io.atrium.database.Scope;
import io.atrium.database.TenantTransactions;
import io.atrium.test.Api;
import io.atrium.test.AtriumTest;
import io.atrium.test.Fixtures;

/** Recording, reading, replacing, trashing and restoring interactions over HTTP, and what the audit trail keeps of it. */
@AtriumTest
class InteractionsApiTest {

	@LocalServerPort
	int port;

	@Autowired
	Fixtures.Factory factory;

	@Autowired
	TenantTransactions transactions;

	@Autowired
	JdbcClient jdbc;

	Fixtures fixtures;
	UUID organisation;
	UUID site;
	Api editor;
	Api administrator;

	@BeforeEach
	void setUp() {
		fixtures = factory.at(port);
		organisation = fixtures.organisation("Interactions");
		site = fixtures.site(organisation, "Leeds");
		editor = fixtures.signIn(fixtures.member(organisation, OrganisationRole.MEMBER, Map.of(site, SiteRole.EDITOR)));
		administrator = fixtures.signIn(fixtures.member(organisation, OrganisationRole.MEMBER, Map.of(site, SiteRole.ADMINISTRATOR)));
	}

	static Map<String, Object> meeting(String title) {
		var body = new LinkedHashMap<String, Object>();
		body.put("title", title);
		body.put("type", "Meeting");
		body.put("lead", "Ada Lovelace");
		body.put("start", "2026-03-14T09:30:00");
		body.put("end", "2026-03-14T10:15:00");
		body.put("timezone", "Europe/London");
		body.put("location", "Room 4");
		body.put("description", "Quarterly review");
		body.put("notes", "Bring the numbers");
		return body;
	}

	String path() {
		return "/api/v1/sites/" + site + "/interactions";
	}

	String create(Map<String, Object> body) {
		var created = editor.post(path(), body);
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		return created.json().get("id").asString();
	}

	List<Map<String, Object>> audit(String entityId) {
		return transactions.read(Scope.system(organisation), () -> jdbc.sql(
				"select action, changes::text as changes, actor_id, site_id from audit_events where entity_id = ? order by occurred_at, id")
			.param(entityId).query().listOfRows());
	}

	@Test
	void recordsAnInteractionAndReadsItBack() {
		var created = editor.post(path(), meeting("Budget review"));
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		assertThat(created.header("ETag")).isEqualTo("\"0\"");
		var id = created.json().get("id").asString();
		assertThat(created.header("Location")).endsWith("/interactions/" + id);

		var read = editor.get(path() + "/" + id);
		assertThat(read.status()).isEqualTo(200);
		var json = read.json();
		assertThat(json.get("title").asString()).isEqualTo("Budget review");
		assertThat(json.get("type").asString()).isEqualTo("Meeting");
		assertThat(json.get("lead").asString()).isEqualTo("Ada Lovelace");
		assertThat(json.get("start").asString()).isEqualTo("2026-03-14T09:30:00Z");
		assertThat(json.get("startUtc").asString()).isEqualTo("2026-03-14T09:30:00Z");
		assertThat(json.get("end").asString()).isEqualTo("2026-03-14T10:15:00Z");
		assertThat(json.get("timezone").asString()).isEqualTo("Europe/London");
		assertThat(json.get("location").asString()).isEqualTo("Room 4");
		assertThat(json.get("description").asString()).isEqualTo("Quarterly review");
		assertThat(json.get("notes").asString()).isEqualTo("Bring the numbers");
		assertThat(json.get("siteId").asString()).isEqualTo(site.toString());
		assertThat(json.get("organisationId").asString()).isEqualTo(organisation.toString());
		assertThat(json.get("version").asInt()).isZero();
		assertThat(read.header("ETag")).isEqualTo("\"0\"");
	}

	@Test
	void typesAreMatchedCaseInsensitivelyAndStoredAsTheOrganisationSpellsThem() {
		var body = meeting("Call back");
		body.put("type", "cALL");
		var id = create(body);
		assertThat(editor.get(path() + "/" + id).json().get("type").asString()).isEqualTo("Call");
	}

	@Test
	void replacesAnInteractionWhenIfMatchIsCurrent() {
		var id = create(meeting("Budget review"));
		var changed = meeting("Budget review, second round");
		changed.put("notes", null);
		var updated = editor.withHeader("If-Match", "\"0\"").put(path() + "/" + id, changed);
		assertThat(updated.status()).as(updated.toString()).isEqualTo(200);
		assertThat(updated.header("ETag")).isEqualTo("\"1\"");
		assertThat(updated.json().get("title").asString()).isEqualTo("Budget review, second round");
		assertThat(updated.json().get("notes").isNull()).isTrue();
		assertThat(editor.get(path() + "/" + id).json().get("version").asInt()).isEqualTo(1);
	}

	@Test
	void replacingWithoutIfMatchAnswers428AndChangesNothing() {
		var id = create(meeting("Budget review"));
		var response = editor.put(path() + "/" + id, meeting("Overwritten"));
		assertThat(response.status()).isEqualTo(428);
		assertThat(response.contentType()).startsWith("application/problem+json");
		assertThat(editor.get(path() + "/" + id).json().get("title").asString()).isEqualTo("Budget review");
	}

	@Test
	void aStaleIfMatchAnswers412AndKeepsTheNewerData() {
		var id = create(meeting("Budget review"));
		assertThat(editor.withHeader("If-Match", "\"0\"").put(path() + "/" + id, meeting("First change")).status()).isEqualTo(200);

		var stale = editor.withHeader("If-Match", "\"0\"").put(path() + "/" + id, meeting("Second change"));
		assertThat(stale.status()).isEqualTo(412);
		assertThat(stale.json().get("currentVersion").asInt()).isEqualTo(1);
		var current = editor.get(path() + "/" + id).json();
		assertThat(current.get("title").asString()).isEqualTo("First change");
		assertThat(current.get("version").asInt()).isEqualTo(1);
	}

	@Test
	void aReplacementThatChangesNothingKeepsTheVersionAndRecordsNoEvent() {
		var id = create(meeting("Budget review"));
		var same = editor.withHeader("If-Match", "\"0\"").put(path() + "/" + id, meeting("Budget review"));
		assertThat(same.status()).isEqualTo(200);
		assertThat(same.header("ETag")).isEqualTo("\"0\"");
		assertThat(audit(id)).extracting(row -> row.get("action")).containsExactly("interaction.created");
	}

	@Test
	void deletingMovesToTheTrashFromWhereItCanBeRestored() {
		var id = create(meeting("Budget review"));
		assertThat(administrator.delete(path() + "/" + id).status()).isEqualTo(204);
		assertThat(editor.get(path() + "/" + id).status()).isEqualTo(404);
		assertThat(editor.get(path()).json().get("items")).isEmpty();

		var trash = administrator.get(path() + "/trash");
		assertThat(trash.status()).isEqualTo(200);
		assertThat(trash.json()).extracting(n -> n.get("id").asString()).containsExactly(id);
		assertThat(trash.json().get(0).get("deletedAt").isNull()).isFalse();

		var restored = administrator.post(path() + "/" + id + "/restore", null);
		assertThat(restored.status()).isEqualTo(200);
		assertThat(restored.json().get("deletedAt").isNull()).isTrue();
		assertThat(editor.get(path() + "/" + id).json().get("title").asString()).isEqualTo("Budget review");
		assertThat(administrator.get(path() + "/trash").json()).isEmpty();
	}

	@Test
	void restoringSomethingNotInTheTrashAnswers404() {
		var id = create(meeting("Budget review"));
		assertThat(administrator.post(path() + "/" + id + "/restore", null).status()).isEqualTo(404);
		assertThat(administrator.post(path() + "/" + UUID.randomUUID() + "/restore", null).status()).isEqualTo(404);
	}

	@Test
	void everyChangeIsRecordedInTheAuditTrailWithTheChangedFields() {
		var id = create(meeting("Budget review"));
		var changed = meeting("Budget review");
		changed.put("location", "Room 5");
		assertThat(editor.withHeader("If-Match", "\"0\"").put(path() + "/" + id, changed).status()).isEqualTo(200);
		assertThat(administrator.delete(path() + "/" + id).status()).isEqualTo(204);
		assertThat(administrator.post(path() + "/" + id + "/restore", null).status()).isEqualTo(200);

		var entries = audit(id);
		assertThat(entries).extracting(row -> row.get("action"))
			.containsExactly("interaction.created", "interaction.updated", "interaction.deleted", "interaction.restored");
		assertThat(entries).allSatisfy(row -> assertThat(row.get("site_id")).isEqualTo(site));
		assertThat((String) entries.get(0).get("changes")).contains("\"title\": {\"after\": \"Budget review\"",
				"\"start\": {\"after\": \"2026-03-14T09:30:00Z\"");
		assertThat((String) entries.get(1).get("changes"))
			.isEqualTo("{\"location\": {\"after\": \"Room 5\", \"before\": \"Room 4\"}}");
		assertThat((String) entries.get(2).get("changes")).contains("deletedAt");
		assertThat(entries.get(1).get("actor_id")).isNotNull();
	}
}
