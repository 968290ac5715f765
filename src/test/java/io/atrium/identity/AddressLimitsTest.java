package io.atrium.identity;

import static io.atrium.identity.SignInSteps.login;
import static io.atrium.identity.SignInSteps.problemType;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

import io.atrium.test.Fixtures;

/**
 * One client address may fail only so many sign-ins, and ask for only so many reset emails,
 * before it must wait. Low limits here; each test uses its own counter.
 */
@IdentityTest
@TestPropertySource(properties = { "atrium.identity.address-failure-limit=3",
		"atrium.identity.password-reset-address-limit=4", "atrium.identity.password-reset-email-limit=100" })
class AddressLimitsTest extends IdentityJourney {

	@Test
	void anAddressWithTooManyFailedSignInsMustWait() {
		var user = fixtures.loneUser();
		for (int i = 0; i < 3; i++) {
			// different unknown emails: the limit is about the address, not an account
			assertThat(login(api, Fixtures.unique("guess") + "@example.test", "some guessed password").status()).isEqualTo(401);
		}
		clock.advance(Duration.ofMinutes(5));

		var blocked = login(api, user.email(), user.password());
		assertThat(blocked.status()).as(blocked.toString()).isEqualTo(429);
		assertThat(problemType(blocked)).isEqualTo("rate-limited");
		assertThat(blocked.header("Retry-After")).isEqualTo(String.valueOf(Duration.ofMinutes(10).toSeconds()));
		assertThat(blocked.json().get("retryAfterSeconds").asLong()).isEqualTo(600);

		clock.advance(Duration.ofMinutes(10));
		assertThat(login(api, user.email(), user.password()).status()).isEqualTo(200);
	}

	@Test
	void anAddressAskingForTooManyResetEmailsMustWait() {
		for (int i = 0; i < 4; i++) {
			var accepted = api.post("/api/v1/auth/password/reset", Map.of("email", Fixtures.unique("who") + "@example.test"));
			assertThat(accepted.status()).isEqualTo(202);
		}

		var blocked = api.post("/api/v1/auth/password/reset", Map.of("email", Fixtures.unique("who") + "@example.test"));
		assertThat(blocked.status()).as(blocked.toString()).isEqualTo(429);
		assertThat(blocked.header("Retry-After")).isEqualTo(String.valueOf(Duration.ofHours(1).toSeconds()));

		clock.advance(Duration.ofHours(1));
		assertThat(api.post("/api/v1/auth/password/reset", Map.of("email", Fixtures.unique("who") + "@example.test"))
			.status()).isEqualTo(202);
	}
}
