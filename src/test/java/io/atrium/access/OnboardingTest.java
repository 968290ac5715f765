package io.atrium.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

import io.atrium.test.Api;
import io.atrium.test.AtriumTest;
import io.atrium.test.Fixtures;

/** How people added to an organisation get in: by a temporary password, or by an emailed link. */
@AtriumTest
@TestPropertySource(properties = "atrium.mail.log-file=target/test-mail/onboarding-test.log")
class OnboardingTest {

	static final String NEW_PASSWORD = "my own long password for atrium";

	@LocalServerPort
	int port;

	@Autowired
	Fixtures.Factory factory;

	@Value("${atrium.mail.log-file}")
	Path mailLog;

	Fixtures fixtures;
	UUID organisation;
	String organisationName;
	Api owner;
	MailLog mail;

	@BeforeEach
	void setUp() {
		fixtures = factory.at(port);
		organisationName = Fixtures.unique("Onboarding Ltd");
		organisation = fixtures.organisation(organisationName);
		owner = fixtures.signIn(fixtures.member(organisation, OrganisationRole.OWNER, Map.of()));
		mail = new MailLog(mailLog);
	}

	String members() {
		return "/api/v1/organisations/" + organisation + "/members";
	}

	Api.Response add(String email, String onboarding) {
		var response = owner.post(members(), Map.of("email", email, "displayName", "Newcomer", "role", "MEMBER",
				"onboarding", onboarding));
		assertThat(response.status()).as(response.toString()).isEqualTo(201);
		return response;
	}

	@Test
	void aTemporaryPasswordSignsInButMustBeChangedBeforeTheOrganisationOpens() {
		var email = Fixtures.unique("temporary") + "@example.test";
		var temporaryPassword = add(email, "TEMPORARY_PASSWORD").json().get("temporaryPassword").asString();

		var signedIn = fixtures.anonymous().post("/api/v1/auth/login", Map.of("email", email, "password", temporaryPassword));
		assertThat(signedIn.json().get("passwordChangeRequired").asBoolean()).isTrue();
		var pending = fixtures.anonymous().as(signedIn.json().get("accessToken").asString());
		var refused = pending.get("/api/v1/organisations/" + organisation);
		assertThat(refused.status()).isEqualTo(403);
		assertThat(refused.json().get("type").asString()).endsWith("/password-change-required");
		var meWhilePending = pending.get("/api/v1/auth/me");
		assertThat(meWhilePending.status()).as(meWhilePending.toString()).isEqualTo(200);
		assertThat(meWhilePending.json().get("user").get("passwordChangeRequired").asBoolean()).isTrue();

		var changed = pending.post("/api/v1/auth/password/change",
				Map.of("currentPassword", temporaryPassword, "newPassword", NEW_PASSWORD));
		assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
		var member = fixtures.anonymous().as(changed.json().get("accessToken").asString());

		var me = member.get("/api/v1/auth/me").json();
		assertThat(me.get("user").get("passwordChangeRequired").asBoolean()).isFalse();
		assertThat(me.get("organisations")).extracting(o -> o.get("name").asString()).containsExactly(organisationName);
		assertThat(member.get("/api/v1/organisations/" + organisation).status()).isEqualTo(200);
		assertThat(mail.to(email)).as("no mail for a temporary password").isEmpty();
	}

	@Test
	void anInvitedNewcomerChoosesTheirPasswordThroughTheEmailedLink() {
		var email = Fixtures.unique("invited") + "@example.test";
		var added = add(email, "INVITATION").json();
		assertThat(added.has("temporaryPassword")).isFalse();
		assertThat(added.get("accountCreated").asBoolean()).isTrue();

		var messages = mail.to(email);
		assertThat(messages).hasSize(1);
		assertThat(messages.get(0)).contains("Subject: You are invited to " + organisationName + " on Atrium")
			.contains("/reset-password?token=");

		var confirmed = fixtures.anonymous().post("/api/v1/auth/password/reset/confirm",
				Map.of("token", MailLog.token(messages.get(0)), "newPassword", NEW_PASSWORD));
		assertThat(confirmed.status()).as(confirmed.toString()).isEqualTo(204);
		var me = fixtures.signIn(email, NEW_PASSWORD).get("/api/v1/auth/me").json();
		assertThat(me.get("organisations")).extracting(o -> o.get("id").asString()).containsExactly(organisation.toString());
	}

	@Test
	void anInvitedNewcomerCannotSignInBeforeChoosingAPassword() {
		var email = Fixtures.unique("nopassword") + "@example.test";
		add(email, "INVITATION");

		assertThat(fixtures.anonymous().post("/api/v1/auth/login", Map.of("email", email, "password", "anything at all 123"))
			.status()).isEqualTo(401);
	}

	@Test
	void anInvitedExistingUserIsToldByEmailAndKeepsTheirPassword() {
		var existing = fixtures.loneUser();

		var added = add(existing.email(), "INVITATION").json();

		assertThat(added.get("accountCreated").asBoolean()).isFalse();
		var messages = mail.to(existing.email());
		assertThat(messages).hasSize(1);
		assertThat(messages.get(0)).contains("Subject: You have been added to " + organisationName + " on Atrium")
			.doesNotContain("token=");
		var me = fixtures.signIn(existing).get("/api/v1/auth/me").json();
		assertThat(me.get("organisations")).extracting(o -> o.get("id").asString()).containsExactly(organisation.toString());
	}

	@Test
	void aRejectedInvitationSendsNoMail() {
		var email = Fixtures.unique("rejected") + "@example.test";

		var response = owner.post(members(), Map.of("email", email, "displayName", "Newcomer", "role", "MEMBER",
				"sites", Map.of(UUID.randomUUID(), "VIEWER"), "onboarding", "INVITATION"));

		assertThat(response.status()).isEqualTo(400);
		assertThat(mail.to(email)).isEmpty();
	}
}
