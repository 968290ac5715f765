package io.atrium.identity;

import static io.atrium.identity.SignInSteps.login;
import static io.atrium.identity.SignInSteps.problemType;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.atrium.database.Scope;
import io.atrium.test.Fixtures;

/** Changing a password: a temporary one first of all, and every new one by the password rules. */
@IdentityTest
class TemporaryPasswordTest extends IdentityJourney {

	private static final String NEW_PASSWORD = "my very own chosen passphrase";

	@Test
	void aTemporaryPasswordMustBeChangedBeforeAnythingElse() {
		var email = Fixtures.unique("temp") + "@example.test";
		var temporary = accounts.generatePassword();
		transactions.run(Scope.anonymous(), () -> accounts.create(email, "Temporary", temporary, true, "password"));

		var signedIn = login(api, email, temporary);
		assertThat(signedIn.json().get("passwordChangeRequired").asBoolean()).isTrue();
		var withTemporary = api.as(signedIn.json().get("accessToken").asString());
		var refused = withTemporary.get("/api/v1/organisations");
		assertThat(refused.status()).isEqualTo(403);
		assertThat(problemType(refused)).isEqualTo("password-change-required");

		var changed = withTemporary.post("/api/v1/auth/password/change",
				Map.of("currentPassword", temporary, "newPassword", NEW_PASSWORD));

		assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
		assertThat(changed.json().get("passwordChangeRequired").asBoolean()).isFalse();
		assertThat(api.as(changed.json().get("accessToken").asString()).get("/api/v1/organisations").status()).isEqualTo(200);
		assertThat(SignInSteps.refresh(api, changed.json().get("refreshToken").asString()).status()).isEqualTo(200);
		assertThat(withTemporary.get("/api/v1/organisations").status()).as("the old token stays restricted").isEqualTo(403);
		assertThat(login(api, email, temporary).status()).isEqualTo(401);
		assertThat(login(api, email, NEW_PASSWORD).json().get("passwordChangeRequired").asBoolean()).isFalse();
	}

	@Test
	void aNewPasswordShorterThanTwelveCharactersIsRefused() {
		assertThat(fieldErrorsFor("eleven chrs")).containsExactly("newPassword: must be at least 12 characters");
	}

	@Test
	void aNewPasswordLongerThan128CharactersIsRefused() {
		assertThat(fieldErrorsFor("x".repeat(129))).containsExactly("newPassword: must be at most 128 characters");
	}

	@Test
	void aCommonPasswordIsRefused() {
		assertThat(fieldErrorsFor("1qaz2wsx3edc")).singleElement().asString()
			.startsWith("newPassword: is too common");
	}

	private java.util.List<String> fieldErrorsFor(String newPassword) {
		var user = fixtures.loneUser();
		var response = fixtures.signIn(user).post("/api/v1/auth/password/change",
				Map.of("currentPassword", user.password(), "newPassword", newPassword));
		assertThat(response.status()).as(response.toString()).isEqualTo(400);
		assertThat(problemType(response)).isEqualTo("validation");
		assertThat(login(api, user.email(), user.password()).status()).as("the password is unchanged").isEqualTo(200);
		var errors = new java.util.ArrayList<String>();
		response.json().get("errors").forEach(e -> errors.add(e.get("field").asString() + ": " + e.get("message").asString()));
		return errors;
	}
}
