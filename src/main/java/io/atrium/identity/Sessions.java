package io.atrium.identity;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import com.github.f4b6a3.uuid.UuidCreator;

/**
 * Sign-in sessions and their rotating refresh tokens. A session is one family of refresh
 * tokens; revoking it ends every token in it.
 */
@Component
public class Sessions {

	private final JdbcClient jdbc;
	private final IdentityProperties properties;
	private final Clock clock;

	Sessions(JdbcClient jdbc, IdentityProperties properties, Clock clock) {
		this.jdbc = jdbc;
		this.properties = properties;
		this.clock = clock;
	}

	/** Whether the session is neither revoked nor expired. Runs inside the caller's transaction. */
	public boolean isActive(UUID sessionId, UUID userId) {
		return jdbc.sql("select 1 from sessions where id = ? and user_id = ? and revoked_at is null and expires_at > ?")
			.params(sessionId, userId, Users.at(clock.instant()))
			.query(Integer.class).optional().isPresent();
	}

	UUID open(UUID userId, boolean mfa, String clientAddress, String userAgent) {
		var now = clock.instant();
		var id = UuidCreator.getTimeOrderedEpoch();
		jdbc.sql("""
				insert into sessions (id, user_id, created_at, last_used_at, expires_at, mfa, client_address, user_agent)
				values (?, ?, ?, ?, ?, ?, ?, ?)
				""").params(id, userId, Users.at(now), Users.at(now), Users.at(now.plus(properties.sessionTtl())), mfa,
				clientAddress, userAgent).update();
		return id;
	}

	/** A new refresh token for the session; only its hash is stored. */
	String issueRefreshToken(UUID sessionId) {
		var token = Tokens.generate();
		jdbc.sql("insert into refresh_tokens (token_hash, session_id, issued_at) values (?, ?, ?)")
			.params(Tokens.hash(token), sessionId, Users.at(clock.instant())).update();
		return token;
	}

	Optional<RefreshToken> refreshToken(String token) {
		return jdbc.sql("""
				select t.token_hash, t.session_id, t.used_at, s.user_id, s.revoked_at, s.expires_at, s.mfa
				from refresh_tokens t join sessions s on s.id = t.session_id
				where t.token_hash = ? for update of t
				""").param(Tokens.hash(token)).query((rs, n) -> new RefreshToken(rs.getString("token_hash"),
				rs.getObject("session_id", UUID.class), instant(rs.getObject("used_at", OffsetDateTime.class)),
				rs.getObject("user_id", UUID.class), instant(rs.getObject("revoked_at", OffsetDateTime.class)),
				instant(rs.getObject("expires_at", OffsetDateTime.class)), rs.getBoolean("mfa"))).optional();
	}

	void markUsed(String tokenHash, String successor) {
		var now = clock.instant();
		jdbc.sql("update refresh_tokens set used_at = coalesce(used_at, ?), replaced_by = ? where token_hash = ?")
			.params(Users.at(now), Tokens.hash(successor), tokenHash).update();
	}

	void touch(UUID sessionId) {
		jdbc.sql("update sessions set last_used_at = ? where id = ?").params(Users.at(clock.instant()), sessionId).update();
	}

	void revoke(UUID sessionId, String reason) {
		jdbc.sql("update sessions set revoked_at = ?, revoked_reason = ? where id = ? and revoked_at is null")
			.params(Users.at(clock.instant()), reason, sessionId).update();
	}

	/** Ends every session of the user but the one given (null: all). */
	int revokeAllOf(UUID userId, UUID except, String reason) {
		return jdbc.sql("""
				update sessions set revoked_at = ?, revoked_reason = ?
				where user_id = ? and revoked_at is null and (cast(? as uuid) is null or id <> ?)
				""").params(Users.at(clock.instant()), reason, userId, except, except).update();
	}

	List<SessionView> activeOf(UUID userId, UUID current) {
		return jdbc.sql("""
				select id, created_at, last_used_at, expires_at, mfa, client_address, user_agent from sessions
				where user_id = ? and revoked_at is null and expires_at > ? order by last_used_at desc
				""").params(userId, Users.at(clock.instant())).query((rs, n) -> {
			var id = rs.getObject("id", UUID.class);
			return new SessionView(id, instant(rs.getObject("created_at", OffsetDateTime.class)),
					instant(rs.getObject("last_used_at", OffsetDateTime.class)),
					instant(rs.getObject("expires_at", OffsetDateTime.class)), rs.getBoolean("mfa"),
					rs.getString("client_address"), rs.getString("user_agent"), id.equals(current));
		}).list();
	}

	private static Instant instant(OffsetDateTime value) {
		return value == null ? null : value.toInstant();
	}

	record RefreshToken(String hash, UUID sessionId, Instant usedAt, UUID userId, Instant revokedAt, Instant expiresAt,
			boolean mfa) {
	}

	/** A session as its owner sees it. */
	public record SessionView(UUID id, Instant createdAt, Instant lastUsedAt, Instant expiresAt, boolean mfa,
			String clientAddress, String userAgent, boolean current) {
	}
}
