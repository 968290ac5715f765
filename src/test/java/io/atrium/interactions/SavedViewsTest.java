package io.atrium.interactions;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.atrium.access.OrganisationRole;
import io.atrium.access.SiteRole;
import io.atrium.test.Api;
import io.atrium.test.AtriumTest;
import io.atrium.test.Fixtures;

/** Saved Finder views: personal ones stay private, shared ones are seen by the whole site. */
@AtriumTest
class SavedViewsTest {

	@LocalServerPort
	int port;

	@Autowired
	Fixtures.Factory factory;

	Fixtures fixtures;
	UUID organisation;
	UUID site;
	Api viewer;
	Api editor;
	Api administrator;
	String path;

	@BeforeEach
	void setUp() {
		fixtures = factory.at(port);
		organisation = fixtures.organisation("Views");
		site = fixtures.site(organisation, "Leeds");
		viewer = fixtures.signIn(fixtures.member(organisation, OrganisationRole.MEMBER, Map.of(site, SiteRole.VIEWER)));
		editor = fixtures.signIn(fixtures.member(organisation, OrganisationRole.MEMBER, Map.of(site, SiteRole.EDITOR)));
		administrator = fixtures.signIn(fixtures.member(organisation, OrganisationRole.MEMBER, Map.of(site, SiteRole.ADMINISTRATOR)));
		path = "/api/v1/sites/" + site + "/interaction-views";
	}

	static Map<String, Object> view(String name, boolean shared) {
		return Map.of("name", name, "shared", shared,
				"query", Map.of("q", "budget", "type", List.of("Call", "meeting"), "from", "2026-01-01T00:00:00Z"),
				"sort", "start,asc", "columns", List.of("title", "start", "lead"));
	}

	List<String> names(Api api) {
		var response = api.get(path);
		assertThat(response.status()).isEqualTo(200);
		return response.json().valueStream().map(n -> n.get("name").asString()).toList();
	}

	@Test
	void savesAViewWithItsQuestionSortAndColumns() {
		var created = viewer.post(path, view("My calls", false));
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		var json = viewer.get(path + "/" + created.json().get("id").asString()).json();
		assertThat(json.get("name").asString()).isEqualTo("My calls");
		assertThat(json.get("shared").asBoolean()).isFalse();
		assertThat(json.get("query").get("q").asString()).isEqualTo("budget");
		assertThat(json.get("query").get("type")).extracting(n -> n.asString()).containsExactly("Call", "meeting");
		assertThat(json.get("sort").asString()).isEqualTo("start,asc");
		assertThat(json.get("columns")).extracting(n -> n.asString()).containsExactly("title", "start", "lead");
	}

	@Test
	void aPersonalViewIsSeenByItsOwnerOnly() {
		var id = viewer.post(path, view("Mine", false)).json().get("id").asString();
		assertThat(names(viewer)).containsExactly("Mine");
		assertThat(names(administrator)).isEmpty();
		assertThat(administrator.get(path + "/" + id).status()).isEqualTo(404);
		assertThat(administrator.delete(path + "/" + id).status()).isEqualTo(404);
	}

	@Test
	void aSharedViewIsSeenByEveryoneAtTheSiteAndSharingNeedsEditorRights() {
		assertThat(viewer.post(path, view("Everyone's", true)).status()).isEqualTo(403);
		assertThat(editor.post(path, view("Everyone's", true)).status()).isEqualTo(201);
		assertThat(names(viewer)).containsExactly("Everyone's");
		assertThat(names(administrator)).containsExactly("Everyone's");
	}

	@Test
	void onlyTheOwnerOrASiteAdministratorChangesASharedView() {
		var id = editor.post(path, view("Shared", true)).json().get("id").asString();
		var otherEditor = fixtures.signIn(fixtures.member(organisation, OrganisationRole.MEMBER, Map.of(site, SiteRole.EDITOR)));
		assertThat(otherEditor.put(path + "/" + id, view("Taken over", true)).status()).isEqualTo(403);
		assertThat(otherEditor.delete(path + "/" + id).status()).isEqualTo(403);
		var renamed = editor.withHeader("If-Match", "\"0\"").put(path + "/" + id, view("Renamed", true));
		assertThat(renamed.status()).isEqualTo(200);
		assertThat(renamed.json().get("version").asInt()).isEqualTo(1);
		assertThat(editor.withHeader("If-Match", "\"0\"").put(path + "/" + id, view("Stale", true)).status()).isEqualTo(412);
		assertThat(administrator.delete(path + "/" + id).status()).isEqualTo(204);
		assertThat(names(editor)).isEmpty();
	}

	@Test
	void aViewIsCheckedByTheFindersRulesAndEveryProblemIsListed() {
		var response = editor.post(path, Map.of("name", "", "query", Map.of("type", List.of("Picnic"), "from", "soon"),
				"sort", "password", "columns", List.of("title", "secret", "title")));
		assertThat(response.status()).isEqualTo(400);
		assertThat(InteractionValidationTest.errors(response.json())).containsOnlyKeys("name", "query.type", "query.from",
				"sort", "columns");
	}

	@Test
	void viewsOfOtherSitesAndOrganisationsAreNotThere() {
		var id = editor.post(path, view("Shared", true)).json().get("id").asString();
		var york = fixtures.site(organisation, "York");
		var yorkAdministrator = fixtures.signIn(fixtures.member(organisation, OrganisationRole.MEMBER, Map.of(york, SiteRole.ADMINISTRATOR)));
		assertThat(yorkAdministrator.get(path).status()).isEqualTo(404);
		assertThat(yorkAdministrator.get("/api/v1/sites/" + york + "/interaction-views/" + id).status()).isEqualTo(404);
	}
}
