package io.atrium.identity;

import java.time.Clock;
import java.time.Instant;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

import io.atrium.api.ApiException;
import io.atrium.api.RequestMetadata;
import io.atrium.database.Scope;
import io.atrium.database.TenantTransactions;
import io.atrium.identity.IdentityEvents.RecoveryCodeUsed;
import io.atrium.identity.IdentityEvents.SignInFailed;

/**
 * The second step of signing in for users with MFA: the token from the password step plus a
 * current TOTP code or one unused recovery code. The token works once and expires; a TOTP code
 * works once (no code of an already used time step is accepted); wrong codes count toward the
 * account lockout and the address throttle like wrong passwords.
 */
@Service
class SecondFactor {

	static final String CODE_REJECTED = "The code is incorrect or was already used, or the account is temporarily locked. "
			+ "Enter the next code from your authenticator app or an unused recovery code.";

	private final TenantTransactions transactions;
	private final Users users;
	private final MfaChallenges challenges;
	private final Totp totp;
	private final RecoveryCodes recoveryCodes;
	private final Lockout lockout;
	private final AddressThrottle throttle;
	private final SignIn signIn;
	private final RequestMetadata request;
	private final ApplicationEventPublisher events;
	private final Clock clock;

	SecondFactor(TenantTransactions transactions, Users users, MfaChallenges challenges, Totp totp,
			RecoveryCodes recoveryCodes, Lockout lockout, AddressThrottle throttle, SignIn signIn, RequestMetadata request,
			ApplicationEventPublisher events, Clock clock) {
		this.transactions = transactions;
		this.users = users;
		this.challenges = challenges;
		this.totp = totp;
		this.recoveryCodes = recoveryCodes;
		this.lockout = lockout;
		this.throttle = throttle;
		this.signIn = signIn;
		this.request = request;
		this.events = events;
		this.clock = clock;
	}

	/** A proof of the second factor: exactly one of a TOTP code and a recovery code. */
	record Proof(String code, String recoveryCode) {

		static Proof of(String code, String recoveryCode) {
			var hasCode = code != null && !code.isBlank();
			var hasRecoveryCode = recoveryCode != null && !recoveryCode.isBlank();
			if (hasCode == hasRecoveryCode) {
				throw ApiException.invalid(hasCode ? "recoveryCode" : "code",
						hasCode ? "send either code or recoveryCode, not both" : "send the code from your authenticator app, or a recoveryCode");
			}
			return new Proof(hasCode ? code : null, hasRecoveryCode ? recoveryCode : null);
		}
	}

	/** Finishes a sign-in that answered {@code mfaRequired}. */
	SignIn.SignedIn complete(String mfaToken, String code, String recoveryCode) {
		var proof = Proof.of(code, recoveryCode);
		var address = request.clientAddress().orElse(null);
		throttle.check(address);
		var outcome = transactions.write(Scope.anonymous(), () -> attempt(mfaToken, proof));
		return switch (outcome) {
			case Verified verified -> verified.signedIn();
			case ChallengeInvalid invalid -> throw ApiException.unauthorized("invalid-mfa-token",
					"This sign-in has expired or was already completed. Sign in again with your email and password.");
			case CodeRejected rejected -> {
				throttle.failed(address);
				throw ApiException.unauthorized("invalid-mfa-code", CODE_REJECTED);
			}
		};
	}

	private Outcome attempt(String mfaToken, Proof proof) {
		var userId = challenges.pending(mfaToken).orElse(null);
		if (userId == null) {
			return new ChallengeInvalid();
		}
		var now = clock.instant();
		var user = users.byIdForUpdate(userId).orElseThrow();
		if (user.lockedAt(now) || user.status() != UserAccount.Status.ACTIVE || !user.mfaEnabled()) {
			events.publishEvent(new SignInFailed(user.id(), user.email(), user.lockedAt(now) ? "locked" : "not allowed"));
			return new CodeRejected();
		}
		if (!verify(user, proof, now)) {
			lockout.failed(user, now, "wrong second factor");
			return new CodeRejected();
		}
		challenges.complete(mfaToken);
		users.clearFailures(user.id(), now);
		return new Verified(signIn.open(user, true));
	}

	/** Checks and uses up the proof. */
	boolean verify(Users.StoredUser user, Proof proof, Instant now) {
		if (proof.code() != null) {
			var step = totp.matchingStep(user.mfaSecret(), proof.code(), now, user.mfaLastStep());
			step.ifPresent(s -> users.useMfaStep(user.id(), s, now));
			return step.isPresent();
		}
		if (recoveryCodes.use(user.id(), proof.recoveryCode(), now)) {
			events.publishEvent(new RecoveryCodeUsed(user.id(), recoveryCodes.remaining(user.id())));
			return true;
		}
		return false;
	}

	private sealed interface Outcome permits Verified, ChallengeInvalid, CodeRejected {
	}

	private record Verified(SignIn.SignedIn signedIn) implements Outcome {
	}

	private record ChallengeInvalid() implements Outcome {
	}

	private record CodeRejected() implements Outcome {
	}
}
