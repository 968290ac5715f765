package io.atrium.identity;

import java.time.Clock;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

import io.swagger.v3.oas.annotations.media.Schema;

import io.atrium.api.ApiException;
import io.atrium.api.RequestMetadata;
import io.atrium.database.Scope;
import io.atrium.database.TenantTransactions;
import io.atrium.identity.IdentityEvents.RefreshTokenReused;
import io.atrium.identity.IdentityEvents.SessionEnded;
import io.atrium.identity.IdentityEvents.SignInFailed;
import io.atrium.identity.IdentityEvents.UserSignedIn;
import io.atrium.identity.IdentityEvents.UserSignedOut;

/**
 * Signing in with email and password (then a second factor where enrolled), refreshing and
 * signing out. Every failure answers the same way, so no answer tells whether an email exists.
 */
@Service
public class SignIn {

	static final String BAD_CREDENTIALS = "The email or password is incorrect, or the account is temporarily locked. "
			+ "Try again later or reset your password.";

	private final TenantTransactions transactions;
	private final Users users;
	private final Passwords passwords;
	private final Sessions sessions;
	private final AccessTokens tokens;
	private final Lockout lockout;
	private final MfaChallenges challenges;
	private final AddressThrottle throttle;
	private final RequestMetadata request;
	private final ApplicationEventPublisher events;
	private final IdentityProperties properties;
	private final Clock clock;

	private final java.util.List<SignInRestriction> restrictions;

	SignIn(TenantTransactions transactions, Users users, Passwords passwords, Sessions sessions, AccessTokens tokens,
			Lockout lockout, MfaChallenges challenges, AddressThrottle throttle, RequestMetadata request,
			ApplicationEventPublisher events, IdentityProperties properties, Clock clock,
			java.util.List<SignInRestriction> restrictions) {
		this.restrictions = restrictions;
		this.transactions = transactions;
		this.users = users;
		this.passwords = passwords;
		this.sessions = sessions;
		this.tokens = tokens;
		this.lockout = lockout;
		this.challenges = challenges;
		this.throttle = throttle;
		this.request = request;
		this.events = events;
		this.properties = properties;
		this.clock = clock;
	}

	/** What a sign-in step answers: tokens, or the need for a second factor. */
	@Schema(oneOf = { SignedIn.class, SecondFactorRequired.class })
	public sealed interface Outcome permits SignedIn, SecondFactorRequired, Refused {
	}

	public record SignedIn(String accessToken, String tokenType, long expiresIn, String refreshToken,
			boolean passwordChangeRequired) implements Outcome {
	}

	/** Sign-in needs a TOTP or recovery code, sent with {@code mfaToken} to {@code /auth/login/mfa} ({@link SecondFactor}). */
	public record SecondFactorRequired(boolean mfaRequired, String mfaToken, long expiresIn) implements Outcome {

		SecondFactorRequired(String mfaToken, long expiresIn) {
			this(true, mfaToken, expiresIn);
		}
	}

	/** The password matched but a {@link SignInRestriction} refuses; never leaves this class. */
	record Refused(SignInRestriction.Refusal refusal) implements Outcome {
	}

	public Outcome withPassword(String email, String password) {
		var address = request.clientAddress().orElse(null);
		throttle.check(address);
		var result = transactions.write(Scope.anonymous(), () -> attempt(email, password));
		if (result == null) {
			throttle.failed(address);
			throw ApiException.unauthorized("bad-credentials", BAD_CREDENTIALS);
		}
		if (result instanceof Refused(var refusal)) {
			throw new ApiException(org.springframework.http.HttpStatus.FORBIDDEN, refusal.type(), refusal.title(),
					refusal.detail(), null);
		}
		return result;
	}

	private Outcome attempt(String email, String password) {
		var now = clock.instant();
		var found = users.byEmail(email == null ? "" : email.strip());
		if (found.isEmpty()) {
			passwords.matches(password, null);
			events.publishEvent(new SignInFailed(null, email, "unknown email"));
			return null;
		}
		var user = users.byIdForUpdate(found.get().id()).orElseThrow();
		if (user.lockedAt(now)) {
			// verified and ignored, so a locked account answers as slowly as a wrong password
			passwords.matches(password, user.passwordHash());
			events.publishEvent(new SignInFailed(user.id(), user.email(), "locked"));
			return null;
		}
		if (!passwords.matches(password, user.passwordHash())) {
			lockout.failed(user, now, "wrong password");
			return null;
		}
		if (user.status() != UserAccount.Status.ACTIVE) {
			events.publishEvent(new SignInFailed(user.id(), user.email(), "disabled"));
			return null;
		}
		users.clearFailures(user.id(), now);
		for (var restriction : restrictions) {
			var refusal = restriction.refusal(user.id());
			if (refusal.isPresent()) {
				events.publishEvent(new SignInFailed(user.id(), user.email(), refusal.get().type()));
				return new Refused(refusal.get());
			}
		}
		if (user.mfaEnabled()) {
			return challenges.issue(user.id());
		}
		return open(user, false);
	}

	/** Opens a session for a user who has proven who they are. Runs inside a transaction. */
	SignedIn open(Users.StoredUser user, boolean mfa) {
		var sessionId = sessions.open(user.id(), mfa, request.clientAddress().orElse(null), request.userAgent().orElse(null));
		var refresh = sessions.issueRefreshToken(sessionId);
		var access = tokens.issue(user.id(), sessionId, mfa, user.passwordChangeRequired());
		events.publishEvent(new UserSignedIn(user.id(), sessionId, mfa));
		return new SignedIn(access.token(), "Bearer", access.expiresInSeconds(), refresh, user.passwordChangeRequired());
	}

	/**
	 * Rotates a refresh token. An already-used token presented again after the grace period
	 * means it was stolen or replayed: the whole session is revoked.
	 */
	public SignedIn refresh(String refreshToken) {
		var outcome = transactions.write(Scope.anonymous(), () -> {
			var now = clock.instant();
			var stored = sessions.refreshToken(refreshToken == null ? "" : refreshToken).orElse(null);
			if (stored == null || stored.revokedAt() != null || !stored.expiresAt().isAfter(now)) {
				return (Object) "invalid";
			}
			if (stored.usedAt() != null
					&& stored.usedAt().plus(properties.refreshReuseGrace()).isBefore(now)) {
				sessions.revoke(stored.sessionId(), "refresh token reused");
				events.publishEvent(new RefreshTokenReused(stored.userId(), stored.sessionId()));
				return "reused";
			}
			var user = users.byId(stored.userId()).orElseThrow();
			if (user.status() != UserAccount.Status.ACTIVE) {
				return "invalid";
			}
			var next = sessions.issueRefreshToken(stored.sessionId());
			sessions.markUsed(stored.hash(), next);
			sessions.touch(stored.sessionId());
			var access = tokens.issue(user.id(), stored.sessionId(), stored.mfa(), user.passwordChangeRequired());
			return new SignedIn(access.token(), "Bearer", access.expiresInSeconds(), next, user.passwordChangeRequired());
		});
		return switch (outcome) {
			case SignedIn signedIn -> signedIn;
			case String s when s.equals("reused") -> throw new ApiException(HttpStatus.UNAUTHORIZED, "refresh-token-reused",
					"Unauthorized", "This refresh token was already used, so the session has been ended for safety. Sign in again.", null);
			default -> throw ApiException.unauthorized("invalid-refresh-token",
					"The refresh token is invalid or expired. Sign in again.");
		};
	}

	public void signOut(UUID userId, UUID sessionId) {
		transactions.run(Scope.user(userId), () -> {
			sessions.revoke(sessionId, "signed out");
			events.publishEvent(new UserSignedOut(userId, sessionId));
		});
	}

	/** Ends another of the user's sessions, e.g. on a device they lost. 404 for a session that is not theirs or already over. */
	public void endSession(UUID userId, UUID sessionId) {
		transactions.run(Scope.user(userId), () -> {
			if (!sessions.isActive(sessionId, userId)) {
				throw ApiException.notFound("session");
			}
			sessions.revoke(sessionId, "ended by user");
			events.publishEvent(new SessionEnded(userId, sessionId));
		});
	}
}
