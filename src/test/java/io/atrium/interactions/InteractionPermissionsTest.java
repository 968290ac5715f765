package io.atrium.interactions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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

/**
 * Who may do what: viewers read, editors also record and change, site administrators also
 * delete and restore, organisation admins also manage types. Everything stays inside the sites a
 * caller belongs to; other sites and other organisations answer 404 as if nothing were there.
 */
@AtriumTest
class InteractionPermissionsTest {

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
	UUID leeds;
	UUID york;
	String leedsPath;
	String yorkPath;
	String leedsInteraction;
	String yorkInteraction;

	@BeforeEach
	void setUp() {
		fixtures = factory.at(port);
		organisation = fixtures.organisation("Permissions");
		leeds = fixtures.site(organisation, "Leeds");
		york = fixtures.site(organisation, "York");
		leedsPath = "/api/v1/sites/" + leeds + "/interactions";
		yorkPath = "/api/v1/sites/" + york + "/interactions";
		var admin = fixtures.signIn(fixtures.member(organisation, OrganisationRole.ADMIN, Map.of()));
		leedsInteraction = admin.post(leedsPath, InteractionsApiTest.meeting("Leeds meeting")).json().get("id").asString();
		yorkInteraction = admin.post(yorkPath, InteractionsApiTest.meeting("York meeting")).json().get("id").asString();
	}

	Api at(SiteRole role) {
		return fixtures.signIn(fixtures.member(organisation, OrganisationRole.MEMBER, Map.of(leeds, role)));
	}

	Api organisation(OrganisationRole role) {
		return fixtures.signIn(fixtures.member(organisation, role, Map.of()));
	}

	/** Creates, reads, replaces, deletes and restores at Leeds; returns the statuses in that order. */
	List<Integer> tryEverything(Api api) {
		var created = api.post(leedsPath, InteractionsApiTest.meeting("Attempt")).status();
		var read = api.get(leedsPath + "/" + leedsInteraction).status();
		var listed = api.get(leedsPath).status();
		var etag = api.get(leedsPath + "/" + leedsInteraction).header("ETag");
		var replaced = api.withHeader("If-Match", etag == null ? "\"0\"" : etag)
			.put(leedsPath + "/" + leedsInteraction, InteractionsApiTest.meeting("Changed")).status();
		var deleted = api.delete(leedsPath + "/" + leedsInteraction).status();
		var restored = api.post(leedsPath + "/" + leedsInteraction + "/restore", null).status();
		return List.of(created, read, listed, replaced, deleted, restored);
	}

	@Test
	void aViewerOnlyReads() {
		assertThat(tryEverything(at(SiteRole.VIEWER))).containsExactly(403, 200, 200, 403, 403, 403);
	}

	@Test
	void anEditorRecordsAndChangesButDoesNotDelete() {
		assertThat(tryEverything(at(SiteRole.EDITOR))).containsExactly(201, 200, 200, 200, 403, 403);
	}

	@Test
	void aSiteAdministratorAlsoDeletesAndRestores() {
		assertThat(tryEverything(at(SiteRole.ADMINISTRATOR))).containsExactly(201, 200, 200, 200, 204, 200);
	}

	@Test
	void organisationAdminsAndOwnersMayDoEverythingAtEverySite() {
		assertThat(tryEverything(organisation(OrganisationRole.ADMIN))).containsExactly(201, 200, 200, 200, 204, 200);
		assertThat(tryEverything(organisation(OrganisationRole.OWNER))).containsExactly(201, 200, 200, 200, 204, 200);
	}

	@Test
	void aMemberWithoutARoleAtTheSiteSeesNothingThere() {
		assertThat(tryEverything(organisation(OrganisationRole.MEMBER))).containsExactly(404, 404, 404, 404, 404, 404);
	}

	@Test
	void aRoleAtOneSiteGivesNothingAtAnother() {
		var leedsAdministrator = at(SiteRole.ADMINISTRATOR);
		assertThat(leedsAdministrator.get(yorkPath + "/" + yorkInteraction).status()).isEqualTo(404);
		assertThat(leedsAdministrator.get(yorkPath).status()).isEqualTo(404);
		assertThat(leedsAdministrator.post(yorkPath, InteractionsApiTest.meeting("Sneaky")).status()).isEqualTo(404);
		assertThat(leedsAdministrator.delete(yorkPath + "/" + yorkInteraction).status()).isEqualTo(404);
		// York's interaction reached through Leeds' path is not there either
		assertThat(leedsAdministrator.get(leedsPath + "/" + yorkInteraction).status()).isEqualTo(404);
		assertThat(leedsAdministrator.delete(leedsPath + "/" + yorkInteraction).status()).isEqualTo(404);
		assertThat(leedsAdministrator.withHeader("If-Match", "\"0\"")
			.put(leedsPath + "/" + yorkInteraction, InteractionsApiTest.meeting("Sneaky")).status()).isEqualTo(404);
	}

	@Test
	void anotherOrganisationsInteractionsAreNotThere() {
		var other = fixtures.organisation("Other");
		var otherSite = fixtures.site(other, "Paris");
		var outsider = fixtures.signIn(fixtures.member(other, OrganisationRole.OWNER, Map.of(otherSite, SiteRole.ADMINISTRATOR)));
		assertThat(outsider.get(leedsPath).status()).isEqualTo(404);
		assertThat(outsider.get(leedsPath + "/" + leedsInteraction).status()).isEqualTo(404);
		assertThat(outsider.post(leedsPath, InteractionsApiTest.meeting("Sneaky")).status()).isEqualTo(404);
		assertThat(outsider.delete(leedsPath + "/" + leedsInteraction).status()).isEqualTo(404);
		var ownPath = "/api/v1/sites/" + otherSite + "/interactions";
		assertThat(outsider.get(ownPath + "/" + leedsInteraction).status()).isEqualTo(404);
		assertThat(outsider.post(ownPath + "/" + leedsInteraction + "/restore", null).status()).isEqualTo(404);
		assertThat(outsider.get("/api/v1/interactions?organisation=" + organisation).status()).isEqualTo(404);
		assertThat(outsider.get("/api/v1/organisations/" + organisation + "/interaction-types").status()).isEqualTo(404);
	}

	@Test
	void aSignedInUserOfNoOrganisationSeesNothingAndAnonymousCallersMustSignIn() {
		var lone = fixtures.signIn(fixtures.loneUser());
		assertThat(lone.get(leedsPath + "/" + leedsInteraction).status()).isEqualTo(404);
		assertThat(fixtures.anonymous().get(leedsPath).status()).isEqualTo(401);
	}

	@Test
	void onlyOrganisationAdminsManageTypes() {
		var typesPath = "/api/v1/organisations/" + organisation + "/interaction-types";
		assertThat(at(SiteRole.VIEWER).get(typesPath).status()).isEqualTo(200);
		assertThat(at(SiteRole.ADMINISTRATOR).post(typesPath, Map.of("name", "Workshop")).status()).isEqualTo(403);
		assertThat(organisation(OrganisationRole.ADMIN).post(typesPath, Map.of("name", "Workshop")).status()).isEqualTo(201);
	}

	@Test
	void rowLevelSecurityHidesOtherSitesEvenFromSqlThatForgetsToAsk() {
		var onlyLeeds = Scope.organisation(null, organisation, false, java.util.Set.of(leeds));
		var visible = transactions.read(onlyLeeds,
				() -> jdbc.sql("select id::text from interactions").query(String.class).list());
		assertThat(visible).containsExactly(leedsInteraction);
		var otherOrganisation = Scope.system(fixtures.organisation("Elsewhere"));
		assertThat(transactions.read(otherOrganisation,
				() -> jdbc.sql("select count(*) from interactions").query(Long.class).single())).isZero();
		var written = transactions.write(onlyLeeds, () -> jdbc.sql("update interactions set lead = 'Someone else'").update());
		assertThat(written).isEqualTo(1);
		assertThat(transactions.read(Scope.system(organisation), () -> jdbc
			.sql("select lead from interactions where id = cast(? as uuid)").param(yorkInteraction).query(String.class)
			.single())).isEqualTo("Ada Lovelace");
		assertThatThrownBy(() -> transactions.run(onlyLeeds, () -> jdbc.sql("""
				insert into interactions (id, organisation_id, site_id, title, type, lead, start_at, timezone, created_at, updated_at)
				values (gen_random_uuid(), ?, ?, 'Planted', 'Meeting', 'Mallory', now(), 'UTC', now(), now())
				""").params(organisation, york).update())).rootCause().hasMessageContaining("violates row-level security policy");
	}
}
