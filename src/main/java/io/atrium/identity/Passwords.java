package io.atrium.identity;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.stereotype.Component;

import com.nulabinc.zxcvbn.StandardDictionaries;

/**
 * Password rules after NIST SP 800-63B: 12 to 128 characters, not a commonly used or breached
 * password, no composition rules. Stored as Argon2id hashes.
 * <p>
 * Common passwords are the 30,000 of zxcvbn's {@code passwords} frequency list (built from
 * breached-password corpora; read through zxcvbn4j's {@link StandardDictionaries}) plus our own
 * {@value #COMMON_PASSWORDS}, compared case-insensitively.
 */
@Component
class Passwords {

	static final int MIN_LENGTH = 12;
	static final int MAX_LENGTH = 128;
	static final String COMMON_PASSWORDS = "common-passwords.txt";

	private final Argon2PasswordEncoder encoder = Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8();
	private final Set<String> common;
	/** Verified against when the email is unknown, so a miss costs what a hit costs. */
	private final String decoy;

	Passwords() {
		this.common = load();
		this.decoy = encoder.encode("decoy password that matches nothing");
	}

	/** Why the password is unacceptable, if it is. */
	Optional<String> problemWith(String password) {
		if (password == null || password.isEmpty()) {
			return Optional.of("must not be empty");
		}
		var length = password.codePointCount(0, password.length());
		if (length < MIN_LENGTH) {
			return Optional.of("must be at least " + MIN_LENGTH + " characters");
		}
		if (length > MAX_LENGTH) {
			return Optional.of("must be at most " + MAX_LENGTH + " characters");
		}
		if (common.contains(password.toLowerCase(Locale.ROOT))) {
			return Optional.of("is too common; choose a password that is not on lists of known passwords");
		}
		return Optional.empty();
	}

	String hash(String password) {
		return encoder.encode(password);
	}

	boolean matches(String password, String hash) {
		if (password == null || password.length() > MAX_LENGTH * 4) {
			return false;
		}
		if (hash == null) {
			encoder.matches(password, decoy);
			return false;
		}
		return encoder.matches(password, hash);
	}

	private static Set<String> load() {
		var passwords = new HashSet<String>();
		try {
			StandardDictionaries.PASSWORDS_LOADER.load().getFrequencies()
				.forEach(password -> passwords.add(password.strip().toLowerCase(Locale.ROOT)));
		}
		catch (IOException e) {
			throw new IllegalStateException("Could not read zxcvbn's list of common passwords", e);
		}
		passwords.addAll(ours());
		return Set.copyOf(passwords);
	}

	private static Set<String> ours() {
		var stream = Passwords.class.getResourceAsStream(COMMON_PASSWORDS);
		if (stream == null) {
			throw new IllegalStateException("The list of common passwords " + COMMON_PASSWORDS + " is missing from the build");
		}
		var passwords = new HashSet<String>();
		try (var reader = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
			String line;
			while ((line = reader.readLine()) != null) {
				if (!line.isBlank() && !line.startsWith("#")) {
					passwords.add(line.strip().toLowerCase(Locale.ROOT));
				}
			}
		}
		catch (IOException e) {
			throw new IllegalStateException("Could not read " + COMMON_PASSWORDS, e);
		}
		return Set.copyOf(passwords);
	}
}
