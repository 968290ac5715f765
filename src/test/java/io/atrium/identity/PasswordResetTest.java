package io.atrium.identity;

import static io.atrium.identity.SignInSteps.login;
import static io.atrium.identity.SignInSteps.problemType;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.icegreen.greenmail.util.GreenMail;

import io.atrium.database.Scope;
import io.atrium.test.Api;
import io.atrium.test.Fixtures;
import jakarta.mail.MessagingException;

/** Setting a password through a link sent by email: a forgotten one, or an invited member's first. */
@IdentityTest
class PasswordResetTest extends IdentityJourney {

	private static final String NEW_PASSWORD = "a fresh passphrase from the link";

	@Autowired
	GreenMail mail;

	@Autowired
	PasswordResets resets;

	@Test
	void aResetLinkByEmailSetsANewPassword() throws MessagingException {
		var user = fixtures.loneUser();

		var requested = requestReset(user.email());

		assertThat(requested.status()).isEqualTo(202);
		var messages = MailServer.messagesTo(mail, user.email());
		assertThat(messages).hasSize(1);
		assertThat(messages.get(0).getSubject()).isEqualTo("Reset your Atrium password");
		assertThat(MailServer.body(messages.get(0))).contains("within 30 minutes");
		var confirmed = confirm(MailServer.linkToken(messages.get(0)), NEW_PASSWORD);
		assertThat(confirmed.status()).as(confirmed.toString()).isEqualTo(204);
		assertThat(login(api, user.email(), NEW_PASSWORD).status()).isEqualTo(200);
		assertThat(login(api, user.email(), user.password()).status()).isEqualTo(401);
		assertThat(auditActions(user.id()))
			.contains("auth.password_reset_requested", "auth.password_changed");
	}

	@Test
	void anUnknownEmailGetsTheSameAnswerAndNoMail() {
		var known = fixtures.loneUser();
		var unknown = Fixtures.unique("nobody") + "@example.test";

		var forUnknown = requestReset(unknown);
		var forKnown = requestReset(known.email());

		assertThat(forUnknown.status()).isEqualTo(202);
		assertThat(forUnknown.body()).isEqualTo(forKnown.body());
		// mail is sent before the request answers, so the known address already has its message
		assertThat(MailServer.messagesTo(mail, known.email())).hasSize(1);
		assertThat(MailServer.messagesTo(mail, unknown)).isEmpty();
	}

	@Test
	void aResetLinkWorksOnce() {
		var user = fixtures.loneUser();
		var token = resetToken(user);
		assertThat(confirm(token, NEW_PASSWORD).status()).isEqualTo(204);

		var again = confirm(token, "yet another passphrase here");

		assertThat(again.status()).isEqualTo(400);
		assertThat(again.json().get("errors").get(0).get("field").asString()).isEqualTo("token");
		assertThat(login(api, user.email(), NEW_PASSWORD).status()).isEqualTo(200);
	}

	@Test
	void aResetLinkExpiresAfterThirtyMinutes() {
		var user = fixtures.loneUser();
		var token = resetToken(user);
		clock.advance(Duration.ofMinutes(30));

		var late = confirm(token, NEW_PASSWORD);

		assertThat(late.status()).isEqualTo(400);
		assertThat(late.json().get("errors").get(0).get("field").asString()).isEqualTo("token");
		assertThat(login(api, user.email(), user.password()).status()).isEqualTo(200);
	}

	@Test
	void aNewPasswordFromALinkFollowsThePasswordRulesAndLeavesTheLinkUsable() {
		var user = fixtures.loneUser();
		var token = resetToken(user);

		var common = confirm(token, "qazwsxedcrfv");

		assertThat(common.status()).isEqualTo(400);
		assertThat(common.json().get("errors").get(0).get("field").asString()).isEqualTo("newPassword");
		assertThat(confirm(token, NEW_PASSWORD).status()).isEqualTo(204);
	}

	@Test
	void resettingThePasswordEndsEverySession() {
		var user = fixtures.loneUser();
		var before = login(api, user.email(), user.password()).json();

		assertThat(confirm(resetToken(user), NEW_PASSWORD).status()).isEqualTo(204);

		assertThat(SignInSteps.refresh(api, before.get("refreshToken").asString()).status()).isEqualTo(401);
		var call = api.as(before.get("accessToken").asString()).get("/api/v1/organisations");
		assertThat(call.status()).isEqualTo(401);
		assertThat(problemType(call)).isEqualTo("session-ended");
	}

	@Test
	void twoFactorSignInIsStillRequiredAfterAReset() {
		var user = fixtures.loneUser();
		var authenticator = Authenticator.enrol(fixtures.signIn(user), clock);

		assertThat(confirm(resetToken(user), NEW_PASSWORD).status()).isEqualTo(204);

		var signIn = login(api, user.email(), NEW_PASSWORD).json();
		assertThat(signIn.get("mfaRequired").asBoolean()).isTrue();
		assertThat(signIn.has("accessToken")).isFalse();
		var signedIn = SignInSteps.loginWithCode(api, signIn.get("mfaToken").asString(), authenticator.nextCode());
		assertThat(signedIn.status()).isEqualTo(200);
	}

	@Test
	void resetRequestsForOneEmailAreLimitedSoNobodyCanFloodAMailbox() {
		var user = fixtures.loneUser();
		for (int i = 0; i < 3; i++) {
			assertThat(requestReset(user.email()).status()).isEqualTo(202);
		}

		var fourth = requestReset(user.email().toUpperCase());

		assertThat(fourth.status()).as(fourth.toString()).isEqualTo(429);
		assertThat(fourth.header("Retry-After")).isEqualTo("3600");
		assertThat(MailServer.messagesTo(mail, user.email())).hasSize(3);
		clock.advance(Duration.ofHours(1));
		assertThat(requestReset(user.email()).status()).isEqualTo(202);
		assertThat(MailServer.messagesTo(mail, user.email())).hasSize(4);
	}

	@Test
	void theLimitForAnUnknownEmailIsTheSameSoItRevealsNothing() {
		var unknown = Fixtures.unique("nobody") + "@example.test";
		for (int i = 0; i < 3; i++) {
			assertThat(requestReset(unknown).status()).isEqualTo(202);
		}

		assertThat(requestReset(unknown).status()).isEqualTo(429);
	}

	@Test
	void anInvitationLinkLetsANewMemberChooseTheirFirstPassword() throws MessagingException {
		var email = Fixtures.unique("invitee") + "@example.test";
		var invitee = transactions.write(Scope.anonymous(), () -> {
			var account = accounts.create(email, "New member", null, false, "password");
			resets.invite(account.id(), "Northwind Traders");
			return account;
		});
		var messages = MailServer.messagesTo(mail, email);
		assertThat(messages).hasSize(1);
		assertThat(messages.get(0).getSubject()).isEqualTo("You are invited to Northwind Traders on Atrium");
		// invitation links last days, not the half hour of a reset link
		clock.advance(Duration.ofDays(6));

		assertThat(confirm(MailServer.linkToken(messages.get(0)), NEW_PASSWORD).status()).isEqualTo(204);

		var signedIn = login(api, email, NEW_PASSWORD);
		assertThat(signedIn.status()).isEqualTo(200);
		assertThat(SignInSteps.claims(signedIn.json().get("accessToken").asString()).get("sub").asString())
			.isEqualTo(invitee.id().toString());
	}

	private Api.Response requestReset(String email) {
		return api.post("/api/v1/auth/password/reset", Map.of("email", email));
	}

	private Api.Response confirm(String token, String newPassword) {
		return api.post("/api/v1/auth/password/reset/confirm", Map.of("token", token, "newPassword", newPassword));
	}

	private String resetToken(Fixtures.User user) {
		assertThat(requestReset(user.email()).status()).isEqualTo(202);
		var messages = MailServer.messagesTo(mail, user.email());
		return MailServer.linkToken(messages.get(messages.size() - 1));
	}
}
