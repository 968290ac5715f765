package io.atrium.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
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

/** Invalid member requests answer field errors and store nothing. */
@AtriumTest
class MemberValidationTest {

	@LocalServerPort
	int port;

	@Autowired
	Fixtures.Factory factory;

	@Value("${atrium.db.url}")
	String databaseUrl;

	Fixtures fixtures;
	UUID organisation;
	UUID site;
	Api owner;

	@BeforeEach
	void setUp() {
		fixtures = factory.at(port);
		organisation = fixtures.organisation("Validation");
		site = fixtures.site(organisation, "Leeds");
		owner = fixtures.signIn(fixtures.member(organisation, OrganisationRole.OWNER, Map.of()));
	}

	String members() {
		return "/api/v1/organisations/" + organisation + "/members";
	}

	Map<String, Object> newMember(String email) {
		var body = new HashMap<String, Object>();
		body.put("email", email);
		body.put("displayName", "Someone");
		body.put("role", "MEMBER");
		body.put("onboarding", "TEMPORARY_PASSWORD");
		return body;
	}

	/** Asserts a 400 with exactly this field error; returns its message. */
	static String fieldError(Api.Response response, String field) {
		assertThat(response.status()).as(response.toString()).isEqualTo(400);
		assertThat(response.json().get("type").asString()).endsWith("/validation");
		var errors = response.json().get("errors");
		assertThat(errors).as(response.toString()).hasSize(1);
		assertThat(errors.get(0).get("field").asString()).isEqualTo(field);
		return errors.get(0).get("message").asString();
	}

	long usersWithEmail(String email) {
		return new AuditLog(databaseUrl).sql().sql("select count(*) from atrium.users where lower(email) = lower(?)")
			.param(email).query(Long.class).single();
	}

	long memberCount() {
		return owner.get(members()).json().get("totalItems").asLong();
	}

	@Test
	void rejectsAMalformedEmail() {
		var response = owner.post(members(), newMember("not-an-email"));

		assertThat(fieldError(response, "email")).isEqualTo("must be an email address");
		assertThat(usersWithEmail("not-an-email")).isZero();
		assertThat(memberCount()).isEqualTo(1);
	}

	@Test
	void rejectsAnUnknownRole() {
		var email = Fixtures.unique("role") + "@example.test";
		var body = newMember(email);
		body.put("role", "BOSS");

		assertThat(fieldError(owner.post(members(), body), "role")).isEqualTo("must be one of: OWNER, ADMIN, MEMBER");
		assertThat(usersWithEmail(email)).isZero();
	}

	@Test
	void rejectsAnUnknownSiteAndCreatesNoUser() {
		var email = Fixtures.unique("site") + "@example.test";
		var unknown = UUID.randomUUID();
		var body = newMember(email);
		body.put("sites", Map.of(unknown, "VIEWER"));

		assertThat(fieldError(owner.post(members(), body), "sites." + unknown)).isEqualTo("is not a site of this organisation");
		assertThat(usersWithEmail(email)).isZero();
		assertThat(memberCount()).isEqualTo(1);
	}

	@Test
	void rejectsASiteOfAnotherOrganisationAndCreatesNoUser() {
		var foreignSite = fixtures.site(fixtures.organisation("Elsewhere"), "Paris");
		var email = Fixtures.unique("foreign") + "@example.test";
		var body = newMember(email);
		body.put("sites", Map.of(site, "VIEWER", foreignSite, "EDITOR"));

		assertThat(fieldError(owner.post(members(), body), "sites." + foreignSite)).isEqualTo("is not a site of this organisation");
		assertThat(usersWithEmail(email)).isZero();
		assertThat(owner.get(members() + "?siteId=" + site).json().get("totalItems").asLong()).isZero();
	}

	@Test
	void rejectsAnUnknownSiteRole() {
		var email = Fixtures.unique("siterole") + "@example.test";
		var body = newMember(email);
		body.put("sites", Map.of(site, "JANITOR"));

		assertThat(fieldError(owner.post(members(), body), "sites." + site)).startsWith("must be one of");
		assertThat(usersWithEmail(email)).isZero();
	}

	@Test
	void requiresADisplayNameForSomeoneWithoutAnAccount() {
		var email = Fixtures.unique("nameless") + "@example.test";
		var body = newMember(email);
		body.remove("displayName");

		assertThat(fieldError(owner.post(members(), body), "displayName")).isEqualTo("is required when no user has this email yet");
		assertThat(usersWithEmail(email)).isZero();
	}

	@Test
	void requiresAnOnboardingMethod() {
		var email = Fixtures.unique("onboarding") + "@example.test";
		var body = newMember(email);
		body.remove("onboarding");

		assertThat(fieldError(owner.post(members(), body), "onboarding")).isEqualTo("must not be null");
		assertThat(usersWithEmail(email)).isZero();
	}

	@Test
	void rejectsAChangeToASiteOfAnotherOrganisationAndKeepsTheSiteRoles() {
		var member = fixtures.member(organisation, OrganisationRole.MEMBER, Map.of(site, SiteRole.VIEWER));
		var foreignSite = fixtures.site(fixtures.organisation("Elsewhere"), "Paris");

		var response = owner.patch(members() + "/" + member.id(), Map.of("role", "ADMIN", "sites", Map.of(foreignSite, "EDITOR")));

		assertThat(fieldError(response, "sites." + foreignSite)).isEqualTo("is not a site of this organisation");
		var stored = owner.get(members() + "/" + member.id()).json();
		assertThat(stored.get("role").asString()).isEqualTo("MEMBER");
		assertThat(stored.get("sites").get(0).get("siteId").asString()).isEqualTo(site.toString());
	}

	@Test
	void rejectsAnEmptyChange() {
		var member = fixtures.member(organisation, OrganisationRole.MEMBER, Map.of());

		assertThat(fieldError(owner.patch(members() + "/" + member.id(), Map.of()), "body")).isEqualTo("send role, sites or both");
	}

	@Test
	void rejectsSortingOnAFieldThatIsNotSortable() {
		assertThat(fieldError(owner.get(members() + "?sort=password"), "sort")).startsWith("cannot sort by 'password'");
	}

	@Test
	void rejectsAnUnknownStatusFilter() {
		assertThat(fieldError(owner.get(members() + "?status=GONE"), "status")).isNotBlank();
	}
}
