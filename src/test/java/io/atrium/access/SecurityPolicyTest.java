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

/** An organisation's security policy and what it does to admins who signed in without a second factor. */
@AtriumTest
class SecurityPolicyTest {

	@LocalServerPort
	int port;

	@Autowired
	Fixtures.Factory factory;

	@Value("${atrium.db.url}")
	String databaseUrl;

	Fixtures fixtures;
	UUID organisation;
	Api superAdmin;

	@BeforeEach
	void setUp() {
		fixtures = factory.at(port);
		organisation = fixtures.organisation("Policy");
		superAdmin = fixtures.superAdmin();
	}

	String policy() {
		return "/api/v1/organisations/" + organisation + "/security-policy";
	}

	@Test
	void theFirstPolicyAsksNoSecondFactor() {
		var admin = fixtures.signIn(fixtures.member(organisation, OrganisationRole.ADMIN, Map.of()));

		var response = admin.get(policy());

		assertThat(response.status()).as(response.toString()).isEqualTo(200);
		assertThat(response.json().get("adminMfaRequired").asBoolean()).isFalse();
	}

	@Test
	void requiringAdminMfaShutsOutAnAdminWithoutItButNotAMember() {
		var admin = fixtures.signIn(fixtures.member(organisation, OrganisationRole.ADMIN, Map.of()));
		var member = fixtures.signIn(fixtures.member(organisation, OrganisationRole.MEMBER, Map.of()));

		var set = superAdmin.put(policy(), Map.of("adminMfaRequired", true));

		assertThat(set.status()).as(set.toString()).isEqualTo(200);
		assertThat(set.json().get("adminMfaRequired").asBoolean()).isTrue();
		var refused = admin.get("/api/v1/organisations/" + organisation + "/members");
		assertThat(refused.status()).isEqualTo(403);
		assertThat(refused.json().get("type").asString()).endsWith("/mfa-required");
		assertThat(admin.get(policy()).json().get("type").asString()).endsWith("/mfa-required");
		assertThat(member.get("/api/v1/organisations/" + organisation).status()).isEqualTo(200);
		var me = admin.get("/api/v1/auth/me").json().get("organisations").get(0);
		assertThat(me.get("adminMfaRequired").asBoolean()).as("the admin learns why, from /auth/me").isTrue();
	}

	@Test
	void liftingThePolicyLetsTheAdminBackIn() {
		var admin = fixtures.signIn(fixtures.member(organisation, OrganisationRole.ADMIN, Map.of()));
		superAdmin.put(policy(), Map.of("adminMfaRequired", true));
		assertThat(admin.get("/api/v1/organisations/" + organisation + "/members").status()).isEqualTo(403);

		superAdmin.put(policy(), Map.of("adminMfaRequired", false));

		assertThat(admin.get("/api/v1/organisations/" + organisation + "/members").status()).isEqualTo(200);
	}

	@Test
	void anOwnerSignedInWithoutMfaCannotRequireItAndLockThemselvesOut() {
		var owner = fixtures.signIn(fixtures.member(organisation, OrganisationRole.OWNER, Map.of()));

		var refused = owner.put(policy(), Map.of("adminMfaRequired", true));

		assertThat(refused.status()).isEqualTo(403);
		assertThat(refused.json().get("type").asString()).endsWith("/mfa-required");
		assertThat(owner.get(policy()).json().get("adminMfaRequired").asBoolean()).isFalse();
	}

	@Test
	void membersMayNeitherReadNorChangeThePolicy() {
		var member = fixtures.signIn(fixtures.member(organisation, OrganisationRole.MEMBER, Map.of()));

		assertThat(member.get(policy()).status()).isEqualTo(403);
		assertThat(member.put(policy(), Map.of("adminMfaRequired", false)).status()).isEqualTo(403);
		assertThat(superAdmin.get(policy()).json().get("updatedAt").isNull()).as("nothing stored").isTrue();
	}

	@Test
	void thePolicyNeedsAValue() {
		var response = superAdmin.put(policy(), Map.of());

		assertThat(response.status()).isEqualTo(400);
		assertThat(response.json().get("errors").get(0).get("field").asString()).isEqualTo("adminMfaRequired");
	}

	@Test
	void policyChangesAreAudited() {
		superAdmin.put(policy(), Map.of("adminMfaRequired", true));
		superAdmin.put(policy(), Map.of("adminMfaRequired", true));
		superAdmin.put(policy(), Map.of("adminMfaRequired", false));

		var entries = new AuditLog(databaseUrl).about(organisation).stream()
			.filter(entry -> entry.action().equals("organisation.security_policy_changed")).toList();

		assertThat(entries).extracting(AuditLog.Entry::changes).containsExactly(
				"{\"adminMfaRequired\": {\"after\": true, \"before\": false}}",
				"{\"adminMfaRequired\": {\"after\": false, \"before\": true}}");
		assertThat(entries).allSatisfy(entry -> assertThat(entry.organisationId()).isEqualTo(organisation));
	}
}
