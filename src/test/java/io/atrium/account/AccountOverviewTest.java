package io.atrium.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.atrium.access.AuditLog;
import io.atrium.access.OrganisationRole;
import io.atrium.access.SiteRole;
import io.atrium.test.Api;
import io.atrium.test.AtriumTest;
import io.atrium.test.Fixtures;
import tools.jackson.databind.JsonNode;

/** GET /api/v1/auth/me and the user's preferences. */
@AtriumTest
class AccountOverviewTest {

	@LocalServerPort
	int port;

	@Autowired
	Fixtures.Factory factory;

	@Value("${atrium.db.url}")
	String databaseUrl;

	Fixtures fixtures;
	Api superAdmin;

	@BeforeEach
	void setUp() {
		fixtures = factory.at(port);
		superAdmin = fixtures.superAdmin();
	}

	/** Adds an existing user to an organisation through the members API. */
	void add(UUID organisation, Fixtures.User user, String role, Map<UUID, String> sites) {
		var response = superAdmin.post("/api/v1/organisations/" + organisation + "/members",
				Map.of("email", user.email(), "role", role, "sites", sites, "onboarding", "TEMPORARY_PASSWORD"));
		assertThat(response.status()).as(response.toString()).isEqualTo(201);
	}

	static JsonNode organisation(JsonNode me, UUID id) {
		for (var organisation : me.get("organisations")) {
			if (organisation.get("id").asString().equals(id.toString())) {
				return organisation;
			}
		}
		throw new AssertionError("No organisation " + id + " in " + me);
	}

	@Test
	void showsTheUserAndTheirOrganisationsWithRolesAndPermissions() {
		var administered = fixtures.organisation("Administered");
		var user = fixtures.member(administered, OrganisationRole.ADMIN, Map.of());
		var visited = fixtures.organisation("Visited");
		add(visited, user, "MEMBER", Map.of());

		var response = fixtures.signIn(user).get("/api/v1/auth/me");

		assertThat(response.status()).as(response.toString()).isEqualTo(200);
		var me = response.json();
		assertThat(me.get("user").get("id").asString()).isEqualTo(user.id().toString());
		assertThat(me.get("user").get("email").asString()).isEqualTo(user.email());
		assertThat(me.get("user").get("displayName").asString()).isEqualTo("Test ADMIN");
		assertThat(me.get("user").get("mfaEnabled").asBoolean()).isFalse();
		assertThat(me.get("user").get("passwordChangeRequired").asBoolean()).isFalse();
		assertThat(me.get("superAdmin").asBoolean()).isFalse();
		assertThat(me.get("organisations")).hasSize(2);
		var admin = organisation(me, administered);
		assertThat(admin.get("name").asString()).isEqualTo("Administered");
		assertThat(admin.get("slug").asString()).startsWith("administered");
		assertThat(admin.get("industry").asString()).isEqualTo("RETAIL");
		assertThat(admin.get("role").asString()).isEqualTo("ADMIN");
		assertThat(admin.get("adminMfaRequired").asBoolean()).isFalse();
		assertThat(admin.get("permissions")).extracting(JsonNode::asString).contains("MEMBER_MANAGE", "SITE_MANAGE");
		var member = organisation(me, visited);
		assertThat(member.get("role").asString()).isEqualTo("MEMBER");
		assertThat(member.get("permissions")).extracting(JsonNode::asString).containsExactly("ORGANISATION_READ");
		assertThat(me.get("preferences").isObject()).isTrue();
	}

	@Test
	void ownersAndAdminsSeeEverySiteOfTheirOrganisation() {
		var organisation = fixtures.organisation("Everywhere");
		var leeds = fixtures.site(organisation, "Leeds");
		var york = fixtures.site(organisation, "York");
		var owner = fixtures.member(organisation, OrganisationRole.OWNER, Map.of(york, SiteRole.VIEWER));

		var me = fixtures.signIn(owner).get("/api/v1/auth/me").json();

		var sites = organisation(me, organisation).get("sites");
		assertThat(sites).extracting(site -> site.get("id").asString()).containsExactlyInAnyOrder(leeds.toString(), york.toString());
		for (var site : sites) {
			assertThat(site.get("timezone").asString()).isEqualTo("Europe/London");
			assertThat(site.get("name").asString()).isNotBlank();
			assertThat(site.get("permissions")).extracting(JsonNode::asString).contains("MEMBER_MANAGE", "INTERACTION_DELETE");
			assertThat(site.get("role").isNull() ? null : site.get("role").asString())
				.isEqualTo(site.get("id").asString().equals(york.toString()) ? "VIEWER" : null);
		}
	}

	@Test
	void siteMembersSeeOnlyTheSitesTheyHoldARoleAt() {
		var organisation = fixtures.organisation("Partial");
		var leeds = fixtures.site(organisation, "Leeds");
		fixtures.site(organisation, "York");
		var editor = fixtures.member(organisation, OrganisationRole.MEMBER, Map.of(leeds, SiteRole.EDITOR));

		var me = fixtures.signIn(editor).get("/api/v1/auth/me").json();

		var sites = organisation(me, organisation).get("sites");
		assertThat(sites).hasSize(1);
		assertThat(sites.get(0).get("id").asString()).isEqualTo(leeds.toString());
		assertThat(sites.get(0).get("role").asString()).isEqualTo("EDITOR");
		assertThat(sites.get(0).get("permissions")).extracting(JsonNode::asString)
			.containsExactly("ORGANISATION_READ", "SITE_READ", "INTERACTION_READ", "INTERACTION_WRITE");
	}

	@Test
	void aUserOfNoOrganisationSeesNone() {
		var me = fixtures.signIn(fixtures.loneUser()).get("/api/v1/auth/me").json();

		assertThat(me.get("organisations")).isEmpty();
		assertThat(me.get("superAdmin").asBoolean()).isFalse();
	}

	@Test
	void aSuperAdminIsToldSo() {
		var me = superAdmin.get("/api/v1/auth/me").json();

		assertThat(me.get("superAdmin").asBoolean()).isTrue();
		assertThat(me.get("user").get("email").asString()).isEqualTo(Fixtures.ADMIN_EMAIL);
	}

	@Test
	void withoutSignInThereIsNoMe() {
		var response = fixtures.anonymous().get("/api/v1/auth/me");

		assertThat(response.status()).isEqualTo(401);
	}

	@Test
	void savesPreferencesAndShowsThemInMe() {
		var organisation = fixtures.organisation("Preferences");
		var leeds = fixtures.site(organisation, "Leeds");
		var user = fixtures.member(organisation, OrganisationRole.MEMBER, Map.of(leeds, SiteRole.VIEWER));
		var api = fixtures.signIn(user);

		var saved = api.put("/api/v1/auth/me/preferences", Map.of("lastSiteId", leeds, "theme", "DARK"));

		assertThat(saved.status()).as(saved.toString()).isEqualTo(200);
		var preferences = api.get("/api/v1/auth/me").json().get("preferences");
		assertThat(preferences.get("lastSiteId").asString()).isEqualTo(leeds.toString());
		assertThat(preferences.get("theme").asString()).isEqualTo("DARK");
		assertThat(preferences.properties()).hasSize(2);
		var audited = new AuditLog(databaseUrl).about(user.id()).stream()
			.filter(entry -> entry.action().equals("user.preferences_changed")).toList();
		assertThat(audited).hasSize(1);
		assertThat(audited.get(0).changes()).contains(leeds.toString()).contains("DARK");
	}

	@Test
	void replacingPreferencesDropsTheOnesLeftOut() {
		var organisation = fixtures.organisation("Replace");
		var leeds = fixtures.site(organisation, "Leeds");
		var api = fixtures.signIn(fixtures.member(organisation, OrganisationRole.ADMIN, Map.of()));
		api.put("/api/v1/auth/me/preferences", Map.of("lastSiteId", leeds, "theme", "DARK"));

		api.put("/api/v1/auth/me/preferences", Map.of("theme", "LIGHT"));

		var preferences = api.get("/api/v1/auth/me").json().get("preferences");
		assertThat(preferences.has("lastSiteId")).isFalse();
		assertThat(preferences.get("theme").asString()).isEqualTo("LIGHT");
	}

	@Test
	void refusesALastSiteTheUserCannotOpen() {
		var organisation = fixtures.organisation("Closed");
		var leeds = fixtures.site(organisation, "Leeds");
		var york = fixtures.site(organisation, "York");
		var elsewhere = fixtures.site(fixtures.organisation("Elsewhere"), "Paris");
		var api = fixtures.signIn(fixtures.member(organisation, OrganisationRole.MEMBER, Map.of(leeds, SiteRole.VIEWER)));
		api.put("/api/v1/auth/me/preferences", Map.of("lastSiteId", leeds));

		for (var site : new UUID[] { york, elsewhere, UUID.randomUUID() }) {
			var refused = api.put("/api/v1/auth/me/preferences", Map.of("lastSiteId", site));
			assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
			assertThat(refused.json().get("errors").get(0).get("field").asString()).isEqualTo("lastSiteId");
		}
		assertThat(api.get("/api/v1/auth/me").json().get("preferences").get("lastSiteId").asString()).isEqualTo(leeds.toString());
	}

	@Test
	void refusesPreferencesItDoesNotKnow() {
		var api = fixtures.signIn(fixtures.loneUser());

		var refused = api.put("/api/v1/auth/me/preferences", Map.of("theme", "DARK", "favouriteColour", "green"));

		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.json().get("errors").get(0).get("field").asString()).isEqualTo("favouriteColour");
		assertThat(refused.json().get("errors").get(0).get("message").asString()).isEqualTo("is not a known field");
		assertThat(api.get("/api/v1/auth/me").json().get("preferences").properties()).isEmpty();
	}

	@Test
	void refusesAnUnknownTheme() {
		var api = fixtures.signIn(fixtures.loneUser());

		var refused = api.put("/api/v1/auth/me/preferences", Map.of("theme", "NEON"));

		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.json().get("errors").get(0).get("field").asString()).isEqualTo("theme");
	}
}
