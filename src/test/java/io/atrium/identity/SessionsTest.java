package io.atrium.identity;

import static io.atrium.identity.SignInSteps.login;
import static io.atrium.identity.SignInSteps.problemType;
import static io.atrium.identity.SignInSteps.refresh;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import io.atrium.test.Fixtures;
import tools.jackson.databind.JsonNode;

/** Sessions, their rotating refresh tokens, signing out and ending a session from the list. */
@IdentityTest
class SessionsTest extends IdentityJourney {

	/** Any endpoint that resolves a Caller checks that the session is still active. */
	private static final String CALLER_ENDPOINT = "/api/v1/organisations";

	@Test
	void refreshingRotatesTheRefreshTokenAndIssuesWorkingTokens() {
		var user = fixtures.loneUser();
		var first = signIn(user);

		var rotated = refresh(api, first.get("refreshToken").asString());

		assertThat(rotated.status()).as(rotated.toString()).isEqualTo(200);
		var tokens = rotated.json();
		assertThat(tokens.get("refreshToken").asString()).isNotEqualTo(first.get("refreshToken").asString());
		assertThat(SignInSteps.claims(tokens.get("accessToken").asString()).get("sid").asString())
			.isEqualTo(SignInSteps.claims(first.get("accessToken").asString()).get("sid").asString());
		assertThat(api.as(tokens.get("accessToken").asString()).get(CALLER_ENDPOINT).status()).isEqualTo(200);
		assertThat(refresh(api, tokens.get("refreshToken").asString()).status()).isEqualTo(200);
	}

	@Test
	void aRefreshTokenUsedAgainAfterTheGracePeriodEndsTheWholeSession() {
		var user = fixtures.loneUser();
		var first = signIn(user);
		var second = refresh(api, first.get("refreshToken").asString()).json();
		clock.advance(Duration.ofSeconds(6));

		var replayed = refresh(api, first.get("refreshToken").asString());

		assertThat(replayed.status()).isEqualTo(401);
		assertThat(problemType(replayed)).isEqualTo("refresh-token-reused");
		var successor = refresh(api, second.get("refreshToken").asString());
		assertThat(successor.status()).as("tokens issued after the stolen one die with the session").isEqualTo(401);
		var call = api.as(second.get("accessToken").asString()).get(CALLER_ENDPOINT);
		assertThat(call.status()).isEqualTo(401);
		assertThat(problemType(call)).isEqualTo("session-ended");
	}

	@Test
	void aRefreshTokenUsedAgainWithinTheGracePeriodIsAccepted() {
		var user = fixtures.loneUser();
		var first = signIn(user);
		var second = refresh(api, first.get("refreshToken").asString());
		clock.advance(Duration.ofSeconds(4));

		var concurrent = refresh(api, first.get("refreshToken").asString());

		assertThat(second.status()).isEqualTo(200);
		assertThat(concurrent.status()).as("two tabs refreshing at once both succeed: %s", concurrent).isEqualTo(200);
		assertThat(refresh(api, concurrent.json().get("refreshToken").asString()).status()).isEqualTo(200);
		assertThat(api.as(second.json().get("accessToken").asString()).get(CALLER_ENDPOINT).status()).isEqualTo(200);
	}

	@Test
	void signingOutEndsTheSession() {
		var user = fixtures.loneUser();
		var tokens = signIn(user);
		var signedIn = api.as(tokens.get("accessToken").asString());

		assertThat(signedIn.post("/api/v1/auth/logout", null).status()).isEqualTo(204);

		var refreshed = refresh(api, tokens.get("refreshToken").asString());
		assertThat(refreshed.status()).isEqualTo(401);
		assertThat(problemType(refreshed)).isEqualTo("invalid-refresh-token");
		var call = signedIn.get(CALLER_ENDPOINT);
		assertThat(call.status()).isEqualTo(401);
		assertThat(problemType(call)).isEqualTo("session-ended");
	}

	@Test
	void aUserSeesTheirSessionsAndEndsOne() {
		var user = fixtures.loneUser();
		var laptop = signIn(user);
		var phone = signIn(user);
		var onLaptop = api.as(laptop.get("accessToken").asString());
		var phoneSession = SignInSteps.claims(phone.get("accessToken").asString()).get("sid").asString();
		var laptopSession = SignInSteps.claims(laptop.get("accessToken").asString()).get("sid").asString();

		var sessions = onLaptop.get("/api/v1/auth/sessions").json();
		assertThat(sessions).extracting(s -> s.get("id").asString()).containsExactlyInAnyOrder(laptopSession, phoneSession);
		assertThat(sessions).filteredOn(s -> s.get("current").asBoolean()).extracting(s -> s.get("id").asString())
			.containsExactly(laptopSession);

		assertThat(onLaptop.delete("/api/v1/auth/sessions/" + phoneSession).status()).isEqualTo(204);

		assertThat(onLaptop.get("/api/v1/auth/sessions").json()).extracting(s -> s.get("id").asString())
			.containsExactly(laptopSession);
		assertThat(refresh(api, phone.get("refreshToken").asString()).status()).isEqualTo(401);
		assertThat(api.as(phone.get("accessToken").asString()).get(CALLER_ENDPOINT).status()).isEqualTo(401);
		assertThat(onLaptop.get(CALLER_ENDPOINT).status()).isEqualTo(200);
	}

	@Test
	void nobodyEndsAnotherUsersSession() {
		var owner = fixtures.loneUser();
		var stranger = fixtures.loneUser();
		var ownerTokens = signIn(owner);
		var ownerSession = SignInSteps.claims(ownerTokens.get("accessToken").asString()).get("sid").asString();

		var attempt = api.as(signIn(stranger).get("accessToken").asString()).delete("/api/v1/auth/sessions/" + ownerSession);

		assertThat(attempt.status()).isEqualTo(404);
		assertThat(api.as(ownerTokens.get("accessToken").asString()).get(CALLER_ENDPOINT).status()).isEqualTo(200);
	}

	private JsonNode signIn(Fixtures.User user) {
		var response = login(api, user.email(), user.password());
		assertThat(response.status()).as(response.toString()).isEqualTo(200);
		return response.json();
	}
}
