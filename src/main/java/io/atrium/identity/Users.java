package io.atrium.identity;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The users table; callers run inside a transaction of {@code TenantTransactions}. */
@Component
class Users {

	private final JdbcClient jdbc;

	Users(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<StoredUser> byEmail(String email) {
		return jdbc.sql("select * from users where lower(email) = lower(?)").param(email).query(Users::map).optional();
	}

	Optional<StoredUser> byId(UUID id) {
		return jdbc.sql("select * from users where id = ?").param(id).query(Users::map).optional();
	}

	Optional<StoredUser> byIdForUpdate(UUID id) {
		return jdbc.sql("select * from users where id = ? for update").param(id).query(Users::map).optional();
	}

	List<StoredUser> byIds(Collection<UUID> ids) {
		if (ids.isEmpty()) {
			return List.of();
		}
		return jdbc.sql("select * from users where id = any(?)").param(ids.toArray(UUID[]::new)).query(Users::map).list();
	}

	void insert(UUID id, String email, String displayName, String passwordHash, boolean changeRequired, Instant now) {
		jdbc.sql("""
				insert into users (id, email, display_name, password_hash, password_change_required, created_at, updated_at)
				values (?, ?, ?, ?, ?, ?, ?)
				""").params(id, email, displayName, passwordHash, changeRequired, at(now), at(now)).update();
	}

	void setPassword(UUID id, String passwordHash, boolean changeRequired, Instant now) {
		jdbc.sql("""
				update users set password_hash = ?, password_change_required = ?, failed_sign_ins = 0,
				    first_failure_at = null, locked_until = null, updated_at = ? where id = ?
				""").params(passwordHash, changeRequired, at(now), id).update();
	}

	void recordFailure(UUID id, int failures, Instant firstFailureAt, int lockouts, Instant lockedUntil, Instant now) {
		jdbc.sql("""
				update users set failed_sign_ins = ?, first_failure_at = ?, lockouts = ?, locked_until = ?, updated_at = ?
				where id = ?
				""").params(failures, at(firstFailureAt), lockouts, at(lockedUntil), at(now), id).update();
	}

	void clearFailures(UUID id, Instant now) {
		jdbc.sql("update users set failed_sign_ins = 0, first_failure_at = null, updated_at = ? where id = ?")
			.params(at(now), id).update();
	}

	void unlock(UUID id, Instant now) {
		jdbc.sql("""
				update users set failed_sign_ins = 0, first_failure_at = null, lockouts = 0, locked_until = null,
				    updated_at = ? where id = ?
				""").params(at(now), id).update();
	}

	/** Stores the secret of an enrolment not yet confirmed; MFA stays off until it is. */
	void setPendingMfaSecret(UUID id, String secret, Instant now) {
		jdbc.sql("update users set mfa_secret = ?, mfa_last_step = null, updated_at = ? where id = ? and not mfa_enabled")
			.params(secret, at(now), id).update();
	}

	void enableMfa(UUID id, long step, Instant now) {
		jdbc.sql("update users set mfa_enabled = true, mfa_last_step = ?, updated_at = ? where id = ?")
			.params(step, at(now), id).update();
	}

	/** Remembers the last time step whose code was accepted, so no code of it or before it works again. */
	void useMfaStep(UUID id, long step, Instant now) {
		jdbc.sql("update users set mfa_last_step = ?, updated_at = ? where id = ?").params(step, at(now), id).update();
	}

	void disableMfa(UUID id, Instant now) {
		jdbc.sql("update users set mfa_enabled = false, mfa_secret = null, mfa_last_step = null, updated_at = ? where id = ?")
			.params(at(now), id).update();
	}

	void savePreferences(UUID id, String preferencesJson, Instant now) {
		jdbc.sql("update users set preferences = cast(? as jsonb), updated_at = ? where id = ?")
			.params(preferencesJson, at(now), id).update();
	}

	void setStatus(UUID id, UserAccount.Status status, Instant now) {
		jdbc.sql("update users set status = ?, updated_at = ? where id = ?").params(status.name(), at(now), id).update();
	}

	static OffsetDateTime at(Instant instant) {
		return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		var value = rs.getObject(column, OffsetDateTime.class);
		return value == null ? null : value.toInstant();
	}

	private static StoredUser map(ResultSet rs, int row) throws SQLException {
		return new StoredUser(rs.getObject("id", UUID.class), rs.getString("email"), rs.getString("display_name"),
				UserAccount.Status.valueOf(rs.getString("status")), rs.getString("password_hash"),
				rs.getBoolean("password_change_required"), rs.getInt("failed_sign_ins"), instant(rs, "first_failure_at"),
				rs.getInt("lockouts"), instant(rs, "locked_until"), rs.getString("mfa_secret"),
				rs.getBoolean("mfa_enabled"), rs.getObject("mfa_last_step", Long.class), rs.getString("preferences"),
				instant(rs, "created_at"));
	}

	/** A user row with its secrets; never leaves this module. */
	record StoredUser(UUID id, String email, String displayName, UserAccount.Status status, String passwordHash,
			boolean passwordChangeRequired, int failedSignIns, Instant firstFailureAt, int lockouts,
			Instant lockedUntil, String mfaSecret, boolean mfaEnabled, Long mfaLastStep, String preferences,
			Instant createdAt) {

		UserAccount account() {
			return new UserAccount(id, email, displayName, status, mfaEnabled, passwordChangeRequired, lockedUntil,
					createdAt);
		}

		boolean lockedAt(Instant now) {
			return lockedUntil != null && lockedUntil.isAfter(now);
		}
	}
}
