package io.atrium.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.atrium.test.Api;
import io.atrium.test.AtriumTest;
import io.atrium.test.Fixtures;

/** Who may read and manage an organisation's members. */
@AtriumTest
class MemberPermissionsTest {

	@LocalServerPort
	int port;

	@Autowired
	Fixtures.Factory factory;

	Fixtures fixtures;
	UUID organisation;
	UUID site;
	Fixtures.User owner;
	Fixtures.User target;

	@BeforeEach
	void setUp() {
		fixtures = factory.at(port);
		organisation = fixtures.organisation("Permissions");
		site = fixtures.site(organisation, "Leeds");
		owner = fixtures.member(organisation, OrganisationRole.OWNER, Map.of());
		target = fixtures.member(organisation, OrganisationRole.MEMBER, Map.of(site, SiteRole.VIEWER));
	}

	String members() {
		return "/api/v1/organisations/" + organisation + "/members";
	}

	Map<String, Object> newMember(String role) {
		return Map.of("email", Fixtures.unique("added") + "@example.test", "displayName", "Added", "role", role,
				"onboarding", "TEMPORARY_PASSWORD");
	}

	@Test
	void ownersMayListAddChangeDeactivateAndUnlockMembers() {
		assertMayManage(fixtures.signIn(owner));
	}

	@Test
	void adminsMayListAddChangeDeactivateAndUnlockMembers() {
		assertMayManage(fixtures.signIn(fixtures.member(organisation, OrganisationRole.ADMIN, Map.of())));
	}

	@Test
	void superAdminsMayManageTheMembersOfAnyOrganisation() {
		assertMayManage(fixtures.superAdmin());
	}

	void assertMayManage(Api api) {
		assertThat(api.get(members()).status()).isEqualTo(200);
		assertThat(api.get(members() + "/" + target.id()).status()).isEqualTo(200);
		var added = api.post(members(), newMember("MEMBER"));
		assertThat(added.status()).as(added.toString()).isEqualTo(201);
		assertThat(api.patch(members() + "/" + target.id(), Map.of("sites", Map.of(site, "EDITOR"))).json().get("sites")
			.get(0).get("role").asString()).isEqualTo("EDITOR");
		assertThat(api.post(members() + "/" + target.id() + "/deactivate", null).json().get("status").asString())
			.isEqualTo("DEACTIVATED");
		assertThat(api.post(members() + "/" + target.id() + "/reactivate", null).json().get("status").asString())
			.isEqualTo("ACTIVE");
		assertThat(api.post(members() + "/" + target.id() + "/unlock", null).status()).isEqualTo(200);
	}

	@Test
	void membersMayNeitherReadNorManageMembers() {
		assertForbidden(fixtures.signIn(fixtures.member(organisation, OrganisationRole.MEMBER, Map.of())));
	}

	@Test
	void siteAdministratorsMayNeitherReadNorManageMembers() {
		assertForbidden(fixtures.signIn(fixtures.member(organisation, OrganisationRole.MEMBER, Map.of(site, SiteRole.ADMINISTRATOR))));
	}

	void assertForbidden(Api api) {
		var newcomer = newMember("MEMBER");
		assertThat(api.get(members()).status()).isEqualTo(403);
		assertThat(api.get(members() + "/" + target.id()).status()).isEqualTo(403);
		assertThat(api.post(members(), newcomer).status()).isEqualTo(403);
		assertThat(api.patch(members() + "/" + target.id(), Map.of("role", "ADMIN")).status()).isEqualTo(403);
		assertThat(api.post(members() + "/" + target.id() + "/deactivate", null).status()).isEqualTo(403);
		assertThat(api.post(members() + "/" + target.id() + "/unlock", null).status()).isEqualTo(403);
		var stored = fixtures.signIn(owner).get(members());
		assertThat(stored.json().get("totalItems").asLong()).as("nobody was added").isEqualTo(3);
		var targetNow = fixtures.signIn(owner).get(members() + "/" + target.id()).json();
		assertThat(targetNow.get("role").asString()).isEqualTo("MEMBER");
		assertThat(targetNow.get("status").asString()).isEqualTo("ACTIVE");
	}

	@Test
	void onlyAnOwnerMayMakeSomeoneAnOwner() {
		var admin = fixtures.signIn(fixtures.member(organisation, OrganisationRole.ADMIN, Map.of()));

		var added = admin.post(members(), newMember("OWNER"));
		var promoted = admin.patch(members() + "/" + target.id(), Map.of("role", "OWNER"));

		assertThat(added.status()).isEqualTo(403);
		assertThat(promoted.status()).isEqualTo(403);
		assertThat(fixtures.signIn(owner).get(members() + "?role=OWNER").json().get("totalItems").asLong()).isEqualTo(1);
		assertThat(fixtures.signIn(owner).patch(members() + "/" + target.id(), Map.of("role", "OWNER")).json().get("role")
			.asString()).isEqualTo("OWNER");
	}

	@Test
	void adminsMayNotDemoteOrDeactivateAnOwner() {
		fixtures.member(organisation, OrganisationRole.OWNER, Map.of());
		var admin = fixtures.signIn(fixtures.member(organisation, OrganisationRole.ADMIN, Map.of()));

		assertThat(admin.patch(members() + "/" + owner.id(), Map.of("role", "MEMBER")).status()).isEqualTo(403);
		assertThat(admin.post(members() + "/" + owner.id() + "/deactivate", null).status()).isEqualTo(403);

		var stored = fixtures.signIn(owner).get(members() + "/" + owner.id()).json();
		assertThat(stored.get("role").asString()).isEqualTo("OWNER");
		assertThat(stored.get("status").asString()).isEqualTo("ACTIVE");
	}

	@Test
	void anotherOrganisationsAdminGetsNotFound() {
		var other = fixtures.organisation("Elsewhere");
		var outsider = fixtures.signIn(fixtures.member(other, OrganisationRole.OWNER, Map.of()));

		assertThat(outsider.get(members()).status()).isEqualTo(404);
		assertThat(outsider.get(members() + "/" + target.id()).status()).isEqualTo(404);
		assertThat(outsider.post(members(), newMember("MEMBER")).status()).isEqualTo(404);
		assertThat(outsider.patch(members() + "/" + target.id(), Map.of("role", "ADMIN")).status()).isEqualTo(404);
		assertThat(outsider.post(members() + "/" + target.id() + "/deactivate", null).status()).isEqualTo(404);
		assertThat(outsider.post(members() + "/" + target.id() + "/unlock", null).status()).isEqualTo(404);
		assertThat(outsider.get("/api/v1/organisations/" + organisation + "/security-policy").status()).isEqualTo(404);
		assertThat(fixtures.signIn(owner).get(members() + "/" + target.id()).json().get("role").asString()).isEqualTo("MEMBER");
	}

	@Test
	void anAdminCannotReachAnotherOrganisationsMemberThroughTheirOwnOrganisation() {
		var other = fixtures.organisation("Elsewhere");
		var foreigner = fixtures.member(other, OrganisationRole.MEMBER, Map.of());
		var admin = fixtures.signIn(owner);

		assertThat(admin.get(members() + "/" + foreigner.id()).status()).isEqualTo(404);
		assertThat(admin.patch(members() + "/" + foreigner.id(), Map.of("role", "ADMIN")).status()).isEqualTo(404);
		assertThat(admin.post(members() + "/" + foreigner.id() + "/deactivate", null).status()).isEqualTo(404);
		assertThat(admin.post(members() + "/" + foreigner.id() + "/reactivate", null).status()).isEqualTo(404);
		assertThat(fixtures.signIn(foreigner).get("/api/v1/organisations/" + other).status()).isEqualTo(200);
	}
}
