package io.atrium.identity;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

import io.atrium.api.ApiException;
import io.atrium.database.Scope;
import io.atrium.database.TenantTransactions;
import io.atrium.identity.IdentityEvents.MfaDisabled;
import io.atrium.identity.IdentityEvents.MfaEnabled;
import io.atrium.identity.IdentityEvents.RecoveryCodesRegenerated;

/**
 * A signed-in user turning TOTP two-factor sign-in on and off. Enrolling stores a new secret
 * that does nothing until a code from it is confirmed; confirming turns MFA on and hands out
 * recovery codes, once. Turning it off or replacing the recovery codes needs the password.
 */
@Service
class MfaEnrolment {

	private final TenantTransactions transactions;
	private final Users users;
	private final Passwords passwords;
	private final Totp totp;
	private final RecoveryCodes recoveryCodes;
	private final SecondFactor secondFactor;
	private final ApplicationEventPublisher events;
	private final IdentityProperties properties;
	private final Clock clock;

	MfaEnrolment(TenantTransactions transactions, Users users, Passwords passwords, Totp totp,
			RecoveryCodes recoveryCodes, SecondFactor secondFactor, ApplicationEventPublisher events,
			IdentityProperties properties, Clock clock) {
		this.transactions = transactions;
		this.users = users;
		this.passwords = passwords;
		this.totp = totp;
		this.recoveryCodes = recoveryCodes;
		this.secondFactor = secondFactor;
		this.events = events;
		this.properties = properties;
		this.clock = clock;
	}

	/** What an authenticator app needs; {@code qrCode} is a PNG data URI of {@code otpauthUri}. */
	record Enrolment(String secret, String otpauthUri, String qrCode) {
	}

	/** Codes that each stand in for the authenticator once; shown only now. */
	record RecoveryCodeList(List<String> recoveryCodes) {
	}

	Enrolment start(UUID userId) {
		return transactions.write(Scope.user(userId), () -> {
			var user = user(userId);
			if (user.mfaEnabled()) {
				throw ApiException.conflict("mfa-already-enabled", "Two-factor sign-in is already on. "
						+ "Turn it off first (DELETE /api/v1/auth/mfa/totp) to move it to another authenticator.");
			}
			var secret = totp.newSecret();
			users.setPendingMfaSecret(userId, secret, clock.instant());
			return new Enrolment(secret, totp.uri(secret, user.email(), properties.totpIssuer()),
					totp.qrCode(secret, user.email(), properties.totpIssuer()));
		});
	}

	RecoveryCodeList confirm(UUID userId, String code) {
		return transactions.write(Scope.user(userId), () -> {
			var now = clock.instant();
			var user = user(userId);
			if (user.mfaEnabled()) {
				throw ApiException.conflict("mfa-already-enabled", "Two-factor sign-in is already on.");
			}
			if (user.mfaSecret() == null) {
				throw ApiException.conflict("mfa-not-enrolled",
						"Start with POST /api/v1/auth/mfa/totp/enrolment and add the secret to your authenticator app.");
			}
			var step = totp.matchingStep(user.mfaSecret(), code, now, null).orElseThrow(() -> ApiException.invalid("code",
					"is not the current code of the authenticator you enrolled; check its clock and enter the next code"));
			users.enableMfa(userId, step, now);
			var codes = recoveryCodes.replace(userId);
			events.publishEvent(new MfaEnabled(userId));
			return new RecoveryCodeList(codes);
		});
	}

	/** Turns MFA off with the password and a current code (or a recovery code, for a lost device). */
	void disable(UUID userId, String password, String code, String recoveryCode) {
		var proof = SecondFactor.Proof.of(code, recoveryCode);
		transactions.run(Scope.user(userId), () -> {
			var now = clock.instant();
			var user = enabled(userId);
			checkPassword(user, password);
			if (!secondFactor.verify(user, proof, now)) {
				throw ApiException.invalid(proof.code() != null ? "code" : "recoveryCode",
						"is incorrect or was already used; enter the next code from your authenticator app");
			}
			users.disableMfa(userId, now);
			recoveryCodes.removeAll(userId);
			events.publishEvent(new MfaDisabled(userId));
		});
	}

	RecoveryCodeList regenerateRecoveryCodes(UUID userId, String password) {
		return transactions.write(Scope.user(userId), () -> {
			var user = enabled(userId);
			checkPassword(user, password);
			var codes = recoveryCodes.replace(userId);
			events.publishEvent(new RecoveryCodesRegenerated(userId));
			return new RecoveryCodeList(codes);
		});
	}

	private Users.StoredUser user(UUID userId) {
		return users.byIdForUpdate(userId).orElseThrow(() -> ApiException.notFound("user"));
	}

	private Users.StoredUser enabled(UUID userId) {
		var user = user(userId);
		if (!user.mfaEnabled()) {
			throw ApiException.conflict("mfa-not-enabled", "Two-factor sign-in is off for your account.");
		}
		return user;
	}

	private void checkPassword(Users.StoredUser user, String password) {
		if (!passwords.matches(password, user.passwordHash())) {
			throw ApiException.invalid("password", "is not your current password");
		}
	}
}
