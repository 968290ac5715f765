package io.atrium.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.atrium.test.Api;
import io.atrium.test.AtriumTest;
import io.atrium.test.Fixtures;
import tools.jackson.databind.JsonNode;

/** The members API's everyday work, done by an organisation's owner. */
@AtriumTest
class MembersApiTest {

	@LocalServerPort
	int port;

	@Autowired
	Fixtures.Factory factory;

	@Value("${atrium.db.url}")
	String databaseUrl;

	Fixtures fixtures;
	UUID organisation;
	UUID leeds;
	UUID york;
	Fixtures.User owner;
	Api ownerApi;

	@BeforeEach
	void setUp() {
		fixtures = factory.at(port);
		organisation = fixtures.organisation("Members");
		leeds = fixtures.site(organisation, "Leeds");
		york = fixtures.site(organisation, "York");
		owner = fixtures.member(organisation, OrganisationRole.OWNER, Map.of());
		ownerApi = fixtures.signIn(owner);
	}

	String members() {
		return "/api/v1/organisations/" + organisation + "/members";
	}

	/** Adds a new user with a temporary password; returns the response body. */
	JsonNode add(String displayName, String email, OrganisationRole role, Map<UUID, SiteRole> sites) {
		var response = ownerApi.post(members(), Map.of("email", email, "displayName", displayName, "role", role,
				"sites", sites, "onboarding", "TEMPORARY_PASSWORD"));
		assertThat(response.status()).as(response.toString()).isEqualTo(201);
		return response.json();
	}

	static String email(String name) {
		return Fixtures.unique(name) + "@example.test";
	}

	@Test
	void listsMembersWithTheirSitesAndAccountState() {
		var viewer = fixtures.member(organisation, OrganisationRole.MEMBER, Map.of(leeds, SiteRole.VIEWER, york, SiteRole.EDITOR));

		var list = ownerApi.get(members());

		assertThat(list.status()).as(list.toString()).isEqualTo(200);
		assertThat(list.json().get("totalItems").asLong()).isEqualTo(2);
		var item = find(list.json().get("items"), viewer.id());
		assertThat(item.get("email").asString()).isEqualTo(viewer.email());
		assertThat(item.get("displayName").asString()).isEqualTo("Test MEMBER");
		assertThat(item.get("role").asString()).isEqualTo("MEMBER");
		assertThat(item.get("status").asString()).isEqualTo("ACTIVE");
		assertThat(item.get("mfaEnabled").asBoolean()).isFalse();
		assertThat(item.get("lockedUntil").isNull()).isTrue();
		assertThat(item.get("createdAt").asString()).isNotBlank();
		assertThat(item.get("sites")).extracting(site -> site.get("siteId").asString() + "=" + site.get("role").asString())
			.containsExactlyInAnyOrder(leeds + "=VIEWER", york + "=EDITOR");
	}

	@Test
	void filtersMembersByNameOrEmailRoleStatusAndSite() {
		var ada = add("Ada Lovelace", email("ada"), OrganisationRole.ADMIN, Map.of());
		var alan = add("Alan Turing", email("turing"), OrganisationRole.MEMBER, Map.of(york, SiteRole.VIEWER));
		var grace = add("Grace Hopper", email("grace"), OrganisationRole.MEMBER, Map.of(leeds, SiteRole.EDITOR));
		ownerApi.post(members() + "/" + grace.get("userId").asString() + "/deactivate", null);

		assertThat(ids(ownerApi.get(members() + "?q=lovelace"))).containsExactly(ada.get("userId").asString());
		assertThat(ids(ownerApi.get(members() + "?q=TURING"))).containsExactly(alan.get("userId").asString());
		assertThat(ids(ownerApi.get(members() + "?role=ADMIN"))).containsExactly(ada.get("userId").asString());
		assertThat(ids(ownerApi.get(members() + "?status=DEACTIVATED"))).containsExactly(grace.get("userId").asString());
		assertThat(ids(ownerApi.get(members() + "?siteId=" + york))).containsExactly(alan.get("userId").asString());
		assertThat(ids(ownerApi.get(members() + "?role=MEMBER&status=ACTIVE"))).containsExactly(alan.get("userId").asString());
	}

	@Test
	void sortsAndPagesMembers() {
		var zed = add("Zed", email("a-zed"), OrganisationRole.MEMBER, Map.of());
		var amy = add("Amy", email("z-amy"), OrganisationRole.ADMIN, Map.of());

		var byName = ownerApi.get(members() + "?sort=name&size=2");
		assertThat(ids(byName)).containsExactly(amy.get("userId").asString(), owner.id().toString());
		assertThat(byName.json().get("totalItems").asLong()).isEqualTo(3);
		assertThat(byName.json().get("totalPages").asInt()).isEqualTo(2);
		assertThat(ids(ownerApi.get(members() + "?sort=name&size=2&page=1"))).containsExactly(zed.get("userId").asString());
		assertThat(ids(ownerApi.get(members() + "?sort=role,asc"))).containsExactly(owner.id().toString(),
				amy.get("userId").asString(), zed.get("userId").asString());
		assertThat(ids(ownerApi.get(members() + "?sort=email,desc")).get(0)).isEqualTo(amy.get("userId").asString());
		assertThat(ids(ownerApi.get(members() + "?sort=createdAt,desc")).get(0)).isEqualTo(amy.get("userId").asString());
	}

	@Test
	void getsOneMemberAndAnswersNotFoundForSomeoneWhoIsNot() {
		var admin = fixtures.member(organisation, OrganisationRole.ADMIN, Map.of(york, SiteRole.ADMINISTRATOR));
		var stranger = fixtures.loneUser();

		var member = ownerApi.get(members() + "/" + admin.id());
		assertThat(member.status()).as(member.toString()).isEqualTo(200);
		assertThat(member.json().get("email").asString()).isEqualTo(admin.email());
		assertThat(member.json().get("role").asString()).isEqualTo("ADMIN");
		assertThat(member.json().get("sites").get(0).get("siteId").asString()).isEqualTo(york.toString());

		var missing = ownerApi.get(members() + "/" + stranger.id());
		assertThat(missing.status()).isEqualTo(404);
		assertThat(missing.json().get("type").asString()).endsWith("/not-found");
	}

	@Test
	void addsANewUserWithATemporaryPasswordShownOnce() {
		var email = email("new");
		var response = ownerApi.post(members(), Map.of("email", email, "displayName", "New Person", "role", "MEMBER",
				"sites", Map.of(leeds, "EDITOR"), "onboarding", "TEMPORARY_PASSWORD"));

		assertThat(response.status()).as(response.toString()).isEqualTo(201);
		assertThat(response.header("Cache-Control")).contains("no-store");
		var body = response.json();
		assertThat(body.get("accountCreated").asBoolean()).isTrue();
		assertThat(body.get("temporaryPassword").asString()).hasSizeGreaterThanOrEqualTo(12);
		assertThat(body.get("email").asString()).isEqualTo(email);
		assertThat(body.get("displayName").asString()).isEqualTo("New Person");
		assertThat(body.get("sites").get(0).get("role").asString()).isEqualTo("EDITOR");
		assertThat(response.header("Location")).isEqualTo(members() + "/" + body.get("userId").asString());

		var again = ownerApi.get(members() + "/" + body.get("userId").asString());
		assertThat(again.json().get("email").asString()).isEqualTo(email);
		assertThat(again.json().has("temporaryPassword")).isFalse();
	}

	@Test
	void addsAnExistingUserWithoutChangingTheirPassword() {
		var existing = fixtures.loneUser();

		var response = ownerApi.post(members(), Map.of("email", existing.email().toUpperCase(), "role", "MEMBER",
				"onboarding", "TEMPORARY_PASSWORD"));

		assertThat(response.status()).as(response.toString()).isEqualTo(201);
		assertThat(response.json().get("userId").asString()).isEqualTo(existing.id().toString());
		assertThat(response.json().get("accountCreated").asBoolean()).isFalse();
		assertThat(response.json().has("temporaryPassword")).isFalse();
		var me = fixtures.signIn(existing).get("/api/v1/auth/me");
		assertThat(me.json().get("organisations")).extracting(o -> o.get("id").asString()).contains(organisation.toString());
	}

	@Test
	void addingSomeoneWhoIsAlreadyAMemberConflicts() {
		var member = fixtures.member(organisation, OrganisationRole.MEMBER, Map.of());

		var response = ownerApi.post(members(), Map.of("email", member.email(), "role", "ADMIN", "onboarding", "INVITATION"));

		assertThat(response.status()).isEqualTo(409);
		assertThat(response.json().get("type").asString()).endsWith("/already-member");
		assertThat(ownerApi.get(members() + "/" + member.id()).json().get("role").asString()).isEqualTo("MEMBER");
	}

	@Test
	void changesTheRoleAndReplacesTheSiteRoles() {
		var member = fixtures.member(organisation, OrganisationRole.MEMBER, Map.of(leeds, SiteRole.VIEWER));

		var changed = ownerApi.patch(members() + "/" + member.id(), Map.of("role", "ADMIN", "sites", Map.of(york, "EDITOR")));

		assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
		var stored = ownerApi.get(members() + "/" + member.id()).json();
		assertThat(stored.get("role").asString()).isEqualTo("ADMIN");
		assertThat(stored.get("sites")).extracting(site -> site.get("siteId").asString() + "=" + site.get("role").asString())
			.containsExactly(york + "=EDITOR");
	}

	@Test
	void changingOnlyTheRoleKeepsTheSiteRoles() {
		var member = fixtures.member(organisation, OrganisationRole.MEMBER, Map.of(leeds, SiteRole.VIEWER));

		ownerApi.patch(members() + "/" + member.id(), Map.of("role", "ADMIN"));

		var stored = ownerApi.get(members() + "/" + member.id()).json();
		assertThat(stored.get("role").asString()).isEqualTo("ADMIN");
		assertThat(stored.get("sites").get(0).get("siteId").asString()).isEqualTo(leeds.toString());
	}

	@Test
	void aDeactivatedMembersTokenStopsWorkingInTheOrganisationAtOnce() {
		var member = fixtures.member(organisation, OrganisationRole.MEMBER, Map.of(leeds, SiteRole.EDITOR));
		var memberApi = fixtures.signIn(member);
		assertThat(memberApi.get("/api/v1/organisations/" + organisation).status()).isEqualTo(200);

		var deactivated = ownerApi.post(members() + "/" + member.id() + "/deactivate", null);

		assertThat(deactivated.status()).as(deactivated.toString()).isEqualTo(200);
		assertThat(deactivated.json().get("status").asString()).isEqualTo("DEACTIVATED");
		assertThat(memberApi.get("/api/v1/organisations/" + organisation).status()).isEqualTo(404);
		assertThat(memberApi.get("/api/v1/organisations/" + organisation + "/sites/" + leeds).status()).isEqualTo(404);
		assertThat(memberApi.get("/api/v1/auth/me").json().get("organisations")).isEmpty();
	}

	@Test
	void aReactivatedMemberGetsBackIn() {
		var member = fixtures.member(organisation, OrganisationRole.MEMBER, Map.of());
		var memberApi = fixtures.signIn(member);
		ownerApi.post(members() + "/" + member.id() + "/deactivate", null);

		var reactivated = ownerApi.post(members() + "/" + member.id() + "/reactivate", null);

		assertThat(reactivated.json().get("status").asString()).isEqualTo("ACTIVE");
		assertThat(memberApi.get("/api/v1/organisations/" + organisation).status()).isEqualTo(200);
	}

	@Test
	void theLastActiveOwnerCannotBeDemoted() {
		var response = ownerApi.patch(members() + "/" + owner.id(), Map.of("role", "ADMIN"));

		assertThat(response.status()).isEqualTo(409);
		assertThat(response.json().get("type").asString()).endsWith("/last-owner");
		assertThat(ownerApi.get(members() + "/" + owner.id()).json().get("role").asString()).isEqualTo("OWNER");
	}

	@Test
	void theLastActiveOwnerCannotBeDeactivated() {
		var response = ownerApi.post(members() + "/" + owner.id() + "/deactivate", null);

		assertThat(response.status()).isEqualTo(409);
		assertThat(response.json().get("type").asString()).endsWith("/last-owner");
		assertThat(ownerApi.get(members() + "/" + owner.id()).json().get("status").asString()).isEqualTo("ACTIVE");
	}

	@Test
	void anOwnerMayStepDownOnceAnotherOwnerIsActive() {
		var second = fixtures.member(organisation, OrganisationRole.OWNER, Map.of());

		var response = ownerApi.patch(members() + "/" + owner.id(), Map.of("role", "ADMIN"));

		assertThat(response.status()).as(response.toString()).isEqualTo(200);
		assertThat(ownerApi.get(members() + "/" + second.id()).json().get("role").asString()).isEqualTo("OWNER");
		assertThat(response.json().get("role").asString()).isEqualTo("ADMIN");
	}

	@Test
	void unlockLiftsAMembersSignInLockout() {
		var member = fixtures.member(organisation, OrganisationRole.MEMBER, Map.of());
		lockOut(member);
		assertThat(ownerApi.get(members() + "/" + member.id()).json().get("lockedUntil").isNull()).isFalse();

		var unlocked = ownerApi.post(members() + "/" + member.id() + "/unlock", null);

		assertThat(unlocked.status()).as(unlocked.toString()).isEqualTo(200);
		assertThat(unlocked.json().get("lockedUntil").isNull()).isTrue();
		assertThat(fixtures.anonymous().post("/api/v1/auth/login", Map.of("email", member.email(), "password", member.password()))
			.status()).isEqualTo(200);
	}

	@Test
	void unlockingSomeoneOutsideTheOrganisationIsNotFoundAndLeavesTheLockout() {
		var stranger = fixtures.loneUser();
		lockOut(stranger);

		var response = ownerApi.post(members() + "/" + stranger.id() + "/unlock", null);

		assertThat(response.status()).isEqualTo(404);
		assertThat(fixtures.anonymous().post("/api/v1/auth/login", Map.of("email", stranger.email(), "password", stranger.password()))
			.status()).isEqualTo(401);
	}

	@Test
	void memberChangesAreAuditedInTheOrganisationsTrail() {
		var added = add("Audited Person", email("audited"), OrganisationRole.MEMBER, Map.of());
		var userId = added.get("userId").asString();
		ownerApi.patch(members() + "/" + userId, Map.of("role", "ADMIN", "sites", Map.of(leeds, "VIEWER")));
		ownerApi.post(members() + "/" + userId + "/deactivate", null);
		ownerApi.post(members() + "/" + userId + "/reactivate", null);
		ownerApi.post(members() + "/" + userId + "/unlock", null);

		var entries = new AuditLog(databaseUrl).about(userId).stream()
			.filter(entry -> organisation.equals(entry.organisationId())).toList();

		assertThat(entries).extracting(AuditLog.Entry::action).containsExactly("member.added", "member.role_changed",
				"member.deactivated", "member.reactivated", "member.unlocked");
		assertThat(entries).allSatisfy(entry -> assertThat(entry.actorId()).isEqualTo(owner.id()));
		assertThat(entries.get(1).changes()).contains("\"role\": {\"after\": \"ADMIN\", \"before\": \"MEMBER\"}")
			.contains("site:" + leeds);
	}

	/** Five wrong passwords lock an account (atrium.identity.lockout-threshold). */
	void lockOut(Fixtures.User user) {
		for (int i = 0; i < 5; i++) {
			fixtures.anonymous().post("/api/v1/auth/login", Map.of("email", user.email(), "password", "wrong password " + i));
		}
		assertThat(fixtures.anonymous().post("/api/v1/auth/login", Map.of("email", user.email(), "password", user.password()))
			.status()).as("locked out").isEqualTo(401);
	}

	static java.util.List<String> ids(Api.Response response) {
		assertThat(response.status()).as(response.toString()).isEqualTo(200);
		var ids = new java.util.ArrayList<String>();
		response.json().get("items").forEach(item -> ids.add(item.get("userId").asString()));
		return ids;
	}

	static JsonNode find(JsonNode items, UUID userId) {
		for (var item : items) {
			if (item.get("userId").asString().equals(userId.toString())) {
				return item;
			}
		}
		throw new AssertionError("No member " + userId + " in " + items);
	}
}
