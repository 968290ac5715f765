package io.atrium.identity;

import static io.atrium.identity.SignInSteps.login;
import static io.atrium.identity.SignInSteps.problemType;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import io.atrium.database.Scope;
import io.atrium.test.Fixtures;

/** Failed sign-ins lock an account for a while, and no answer tells whether an email has an account. */
@IdentityTest
class SignInLockoutTest extends IdentityJourney {

	private static final String WRONG = "not the password at all";

	@Test
	void locksAccountAfterFiveFailuresWithinFifteenMinutes() {
		var user = fixtures.loneUser();
		for (int i = 0; i < 4; i++) {
			clock.advance(Duration.ofMinutes(3));
			assertThat(login(api, user.email(), WRONG).status()).isEqualTo(401);
		}
		assertThat(lockedUntil(user)).as("four failures do not lock").isNull();
		clock.advance(Duration.ofMinutes(2));
		assertThat(login(api, user.email(), WRONG).status()).isEqualTo(401);

		assertThat(lockedUntil(user)).isEqualTo(clock.instant().plus(Duration.ofMinutes(15)));
		var withRightPassword = login(api, user.email(), user.password());
		assertThat(withRightPassword.status()).isEqualTo(401);
		assertThat(problemType(withRightPassword)).isEqualTo("bad-credentials");
		assertThat(auditActions(user.id())).contains("auth.locked_out");
	}

	@Test
	void failuresFurtherApartThanFifteenMinutesDoNotLock() {
		var user = fixtures.loneUser();
		for (int i = 0; i < 4; i++) {
			assertThat(login(api, user.email(), WRONG).status()).isEqualTo(401);
		}
		clock.advance(Duration.ofMinutes(15));
		assertThat(login(api, user.email(), WRONG).status()).isEqualTo(401);

		assertThat(lockedUntil(user)).isNull();
		assertThat(login(api, user.email(), user.password()).status()).isEqualTo(200);
	}

	@Test
	void signInFailuresAnswerTheSameForUnknownEmailWrongPasswordAndLockedAccount() {
		var user = fixtures.loneUser();
		var unknown = login(api, Fixtures.unique("nobody") + "@example.test", WRONG);
		var wrongPassword = login(api, user.email(), WRONG);
		lockOut(user);
		var locked = login(api, user.email(), user.password());

		assertThat(unknown.status()).isEqualTo(401);
		assertThat(wrongPassword.status()).isEqualTo(401);
		assertThat(locked.status()).isEqualTo(401);
		assertThat(wrongPassword.json()).isEqualTo(unknown.json());
		assertThat(locked.json()).isEqualTo(unknown.json());
		assertThat(problemType(unknown)).isEqualTo("bad-credentials");
	}

	@Test
	void eachFurtherLockoutLastsTwiceAsLong() {
		var user = fixtures.loneUser();
		lockOut(user);
		assertThat(lockedUntil(user)).isEqualTo(clock.instant().plus(Duration.ofMinutes(15)));

		clock.advance(Duration.ofMinutes(15));
		lockOut(user);
		assertThat(lockedUntil(user)).isEqualTo(clock.instant().plus(Duration.ofMinutes(30)));
		clock.advance(Duration.ofMinutes(29));
		assertThat(login(api, user.email(), user.password()).status()).as("still locked after 29 minutes").isEqualTo(401);

		clock.advance(Duration.ofMinutes(1));
		lockOut(user);
		assertThat(lockedUntil(user)).isEqualTo(clock.instant().plus(Duration.ofMinutes(60)));
	}

	@Test
	void lockoutEndsAfterItsInterval() {
		var user = fixtures.loneUser();
		lockOut(user);
		clock.advance(Duration.ofMinutes(14));
		assertThat(login(api, user.email(), user.password()).status()).isEqualTo(401);

		clock.advance(Duration.ofMinutes(1));
		var signedIn = login(api, user.email(), user.password());
		assertThat(signedIn.status()).as(signedIn.toString()).isEqualTo(200);
		assertThat(signedIn.json().get("accessToken").asString()).isNotBlank();
	}

	@Test
	void unlockingLiftsALockoutAtOnce() {
		var user = fixtures.loneUser();
		lockOut(user);

		transactions.run(Scope.anonymous(), () -> accounts.unlock(user.id()));

		assertThat(lockedUntil(user)).isNull();
		assertThat(login(api, user.email(), user.password()).status()).isEqualTo(200);
		assertThat(auditActions(user.id())).contains("auth.locked_out", "auth.unlocked");
	}

	private void lockOut(Fixtures.User user) {
		for (int i = 0; i < 5; i++) {
			assertThat(login(api, user.email(), WRONG).status()).isEqualTo(401);
		}
		assertThat(lockedUntil(user)).isAfter(clock.instant());
	}

	private java.time.Instant lockedUntil(Fixtures.User user) {
		return account(user.id()).lockedUntil();
	}
}
