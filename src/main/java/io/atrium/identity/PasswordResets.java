package io.atrium.identity;

import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import io.atrium.api.ApiException;
import io.atrium.api.ApiProperties;
import io.atrium.api.RequestMetadata;
import io.atrium.database.Scope;
import io.atrium.database.TenantTransactions;
import io.atrium.identity.IdentityEvents.PasswordChanged;
import io.atrium.identity.IdentityEvents.PasswordResetRequested;
import io.atrium.mail.Mailer;

/**
 * Setting a password through a link sent by email: a forgotten password, or an invitation to
 * a new member. Links carry a single-use token stored only as a hash. Setting the password ends
 * every session of the user, and does not sign them in, so MFA still applies at the next sign-in.
 * Requests are limited per email and per client address, counted whether or not the email has an
 * account (so the limit says nothing about accounts), so nobody can flood a mailbox.
 */
@Service
public class PasswordResets {

	static final Duration INVITATION_TTL = Duration.ofDays(7);

	private final TenantTransactions transactions;
	private final JdbcClient jdbc;
	private final Users users;
	private final Passwords passwords;
	private final Sessions sessions;
	private final Mailer mailer;
	private final ApplicationEventPublisher events;
	private final IdentityProperties properties;
	private final ApiProperties api;
	private final RequestMetadata request;
	private final Clock clock;
	private final FixedWindowCounter requestsPerEmail;
	private final FixedWindowCounter requestsPerAddress;

	PasswordResets(TenantTransactions transactions, JdbcClient jdbc, Users users, Passwords passwords, Sessions sessions,
			Mailer mailer, ApplicationEventPublisher events, IdentityProperties properties, ApiProperties api,
			RequestMetadata request, Clock clock) {
		this.transactions = transactions;
		this.jdbc = jdbc;
		this.users = users;
		this.passwords = passwords;
		this.sessions = sessions;
		this.mailer = mailer;
		this.events = events;
		this.properties = properties;
		this.api = api;
		this.request = request;
		this.clock = clock;
		this.requestsPerEmail = new FixedWindowCounter(properties.passwordResetEmailLimit(),
				properties.passwordResetLimitWindow(), clock);
		this.requestsPerAddress = new FixedWindowCounter(properties.passwordResetAddressLimit(),
				properties.passwordResetLimitWindow(), clock);
	}

	/**
	 * Emails a reset link if an active account has this email; says nothing either way.
	 *
	 * @throws ApiException 429 with Retry-After beyond the request limits
	 */
	void request(String email) {
		var address = request.clientAddress().orElse("unknown");
		var normalised = email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
		var wait = Math.max(requestsPerAddress.waitSeconds(address), requestsPerEmail.waitSeconds(normalised));
		if (wait > 0) {
			throw ApiException.tooManyRequests("Too many password reset requests. If an account has this email, "
					+ "a link is already on its way; check the mailbox, or ask again in " + wait + " seconds.", wait);
		}
		requestsPerAddress.count(address);
		requestsPerEmail.count(normalised);
		transactions.run(Scope.anonymous(), () -> users.byEmail(normalised)
			.filter(user -> user.status() == UserAccount.Status.ACTIVE)
			.ifPresent(user -> {
				var token = issue(user.id(), properties.passwordResetTtl());
				events.publishEvent(new PasswordResetRequested(user.id()));
				mailer.send(user.email(), "Reset your Atrium password", """
						Hello %s,

						Someone asked to reset the password of your Atrium account. If it was you, choose a new
						password here within %d minutes:

						%s/reset-password?token=%s

						If it was not you, ignore this message; your password stays as it is.
						""".formatted(user.displayName(), properties.passwordResetTtl().toMinutes(), api.publicUrl(), token));
			}));
	}

	/**
	 * Emails a new member a link to choose their password. Joins the caller's transaction; the
	 * mail goes out before that commits, so a failed commit leaves an unusable link, never a
	 * member who was not told.
	 */
	public void invite(UUID userId, String organisationName) {
		var user = users.byId(userId).orElseThrow(() -> ApiException.notFound("user"));
		var token = issue(userId, INVITATION_TTL);
		mailer.send(user.email(), "You are invited to " + organisationName + " on Atrium", """
				Hello %s,

				You have been added to %s on Atrium. Choose your password here within %d days to sign in:

				%s/reset-password?token=%s
				""".formatted(user.displayName(), organisationName, INVITATION_TTL.toDays(), api.publicUrl(), token));
	}

	/** Sets a new password with a token from a link. 400 when the token is unknown, used or expired. */
	void confirm(String token, String newPassword) {
		transactions.run(Scope.anonymous(), () -> {
			var now = clock.instant();
			var userId = jdbc.sql("""
					select user_id from password_reset_tokens
					where token_hash = ? and used_at is null and expires_at > ? for update
					""").params(Tokens.hash(token == null ? "" : token), Users.at(now)).query(UUID.class).optional()
				.orElseThrow(() -> ApiException.invalid("token",
						"is invalid, already used or expired; ask for a new password reset email"));
			passwords.problemWith(newPassword).ifPresent(problem -> {
				throw ApiException.invalid("newPassword", problem);
			});
			jdbc.sql("update password_reset_tokens set used_at = ? where user_id = ? and used_at is null")
				.params(Users.at(now), userId).update();
			users.setPassword(userId, passwords.hash(newPassword), false, now);
			sessions.revokeAllOf(userId, null, "password reset");
			events.publishEvent(new PasswordChanged(userId, "reset by email"));
		});
	}

	private String issue(UUID userId, Duration ttl) {
		var token = Tokens.generate();
		var now = clock.instant();
		jdbc.sql("insert into password_reset_tokens (token_hash, user_id, created_at, expires_at) values (?, ?, ?, ?)")
			.params(Tokens.hash(token), userId, Users.at(now), Users.at(now.plus(ttl))).update();
		return token;
	}
}
