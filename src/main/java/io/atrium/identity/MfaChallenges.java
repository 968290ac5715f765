package io.atrium.identity;

import java.time.Clock;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The half-finished sign-ins of users who proved their password and still owe a second factor.
 * Each is an opaque single-use token (stored as a hash) that expires after {@code mfaChallengeTtl}.
 * Runs inside the caller's transaction.
 */
@Component
class MfaChallenges {

	private final JdbcClient jdbc;
	private final IdentityProperties properties;
	private final Clock clock;

	MfaChallenges(JdbcClient jdbc, IdentityProperties properties, Clock clock) {
		this.jdbc = jdbc;
		this.properties = properties;
		this.clock = clock;
	}

	SignIn.SecondFactorRequired issue(UUID userId) {
		var now = clock.instant();
		jdbc.sql("delete from mfa_challenges where user_id = ? and expires_at <= ?").params(userId, Users.at(now)).update();
		var token = Tokens.generate();
		jdbc.sql("insert into mfa_challenges (token_hash, user_id, expires_at) values (?, ?, ?)")
			.params(Tokens.hash(token), userId, Users.at(now.plus(properties.mfaChallengeTtl()))).update();
		return new SignIn.SecondFactorRequired(token, properties.mfaChallengeTtl().toSeconds());
	}

	/** The user of an unused, unexpired challenge, locked until the transaction ends. */
	Optional<UUID> pending(String token) {
		return jdbc.sql("""
				select user_id from mfa_challenges
				where token_hash = ? and used_at is null and expires_at > ? for update
				""").params(Tokens.hash(token == null ? "" : token), Users.at(clock.instant())).query(UUID.class).optional();
	}

	void complete(String token) {
		jdbc.sql("update mfa_challenges set used_at = ? where token_hash = ?")
			.params(Users.at(clock.instant()), Tokens.hash(token)).update();
	}
}
