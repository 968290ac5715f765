package io.atrium.identity;

import java.time.Clock;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

import io.atrium.api.ApiException;
import io.atrium.database.Scope;
import io.atrium.database.TenantTransactions;
import io.atrium.identity.IdentityEvents.PasswordChanged;

/** A signed-in user changing their own password, including a temporary one. */
@Service
class PasswordChanges {

	private final TenantTransactions transactions;
	private final Users users;
	private final Passwords passwords;
	private final Sessions sessions;
	private final AccessTokens tokens;
	private final ApplicationEventPublisher events;
	private final Clock clock;

	PasswordChanges(TenantTransactions transactions, Users users, Passwords passwords, Sessions sessions,
			AccessTokens tokens, ApplicationEventPublisher events, Clock clock) {
		this.transactions = transactions;
		this.users = users;
		this.passwords = passwords;
		this.sessions = sessions;
		this.tokens = tokens;
		this.events = events;
		this.clock = clock;
	}

	/** Changes the password, ends the user's other sessions and issues a fresh access token. */
	SignIn.SignedIn change(UUID userId, UUID sessionId, boolean mfa, String currentPassword, String newPassword) {
		return transactions.write(Scope.user(userId), () -> {
			var user = users.byIdForUpdate(userId).orElseThrow(() -> ApiException.notFound("user"));
			if (!passwords.matches(currentPassword, user.passwordHash())) {
				throw ApiException.invalid("currentPassword", "is not your current password");
			}
			passwords.problemWith(newPassword).ifPresent(problem -> {
				throw ApiException.invalid("newPassword", problem);
			});
			if (newPassword.equals(currentPassword)) {
				throw ApiException.invalid("newPassword", "must differ from the current password");
			}
			users.setPassword(userId, passwords.hash(newPassword), false, clock.instant());
			sessions.revokeAllOf(userId, sessionId, "password changed");
			events.publishEvent(new PasswordChanged(userId, user.passwordChangeRequired() ? "temporary replaced" : "changed"));
			var access = tokens.issue(userId, sessionId, mfa, false);
			var refresh = sessions.issueRefreshToken(sessionId);
			return new SignIn.SignedIn(access.token(), "Bearer", access.expiresInSeconds(), refresh, false);
		});
	}
}
