package io.atrium.identity;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import dev.samstevens.totp.recovery.RecoveryCodeGenerator;

/**
 * Single-use codes that stand in for the authenticator when it is lost. Shown once, stored only
 * as SHA-256 hashes (each has over 80 bits of randomness, so a plain hash is enough). Compared
 * ignoring case, spaces and dashes. Runs inside the caller's transaction.
 */
@Component
class RecoveryCodes {

	static final int COUNT = 10;

	private final RecoveryCodeGenerator generator = new RecoveryCodeGenerator();
	private final JdbcClient jdbc;

	RecoveryCodes(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Replaces the user's codes with {@value #COUNT} new ones and returns them, the only time they are readable. */
	List<String> replace(UUID userId) {
		removeAll(userId);
		var codes = List.of(generator.generateCodes(COUNT));
		for (var code : codes) {
			jdbc.sql("insert into mfa_recovery_codes (user_id, code_hash) values (?, ?)")
				.params(userId, Tokens.hash(normalise(code))).update();
		}
		return codes;
	}

	/** Uses up the code if it is one of the user's unused codes; says whether it was. */
	boolean use(UUID userId, String code, Instant now) {
		return jdbc.sql("update mfa_recovery_codes set used_at = ? where user_id = ? and code_hash = ? and used_at is null")
			.params(Users.at(now), userId, Tokens.hash(normalise(code))).update() == 1;
	}

	int remaining(UUID userId) {
		return jdbc.sql("select count(*) from mfa_recovery_codes where user_id = ? and used_at is null")
			.param(userId).query(Integer.class).single();
	}

	void removeAll(UUID userId) {
		jdbc.sql("delete from mfa_recovery_codes where user_id = ?").param(userId).update();
	}

	private static String normalise(String code) {
		return code == null ? "" : code.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
	}
}
