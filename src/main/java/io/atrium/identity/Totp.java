package io.atrium.identity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.OptionalLong;
import java.util.regex.Pattern;

import org.springframework.stereotype.Component;

import dev.samstevens.totp.code.CodeGenerator;
import dev.samstevens.totp.code.DefaultCodeGenerator;
import dev.samstevens.totp.code.HashingAlgorithm;
import dev.samstevens.totp.exceptions.CodeGenerationException;
import dev.samstevens.totp.exceptions.QrGenerationException;
import dev.samstevens.totp.qr.QrData;
import dev.samstevens.totp.qr.ZxingPngQrGenerator;
import dev.samstevens.totp.secret.DefaultSecretGenerator;
import dev.samstevens.totp.util.Utils;

/**
 * Time-based one-time passwords (RFC 6238) as authenticator apps make them: HMAC-SHA1 over
 * 30-second time steps, 6 digits, a 160-bit Base32 secret. A code of the step before or after
 * the current one is accepted too, for clocks that drift; the caller decides whether the
 * matching step was already used.
 */
@Component
class Totp {

	static final int PERIOD_SECONDS = 30;
	static final int DIGITS = 6;
	/** Steps either side of the current one whose codes are still accepted. */
	static final int DRIFT_STEPS = 1;

	private final DefaultSecretGenerator secrets = new DefaultSecretGenerator(32);
	private final ZxingPngQrGenerator qrCodes = new ZxingPngQrGenerator();
	private final CodeGenerator generator;
	private final int digits;
	private final Pattern wellFormed;

	Totp() {
		this(DIGITS);
	}

	/** With another number of digits, e.g. the 8 of the RFC 6238 test vectors. */
	Totp(int digits) {
		this.digits = digits;
		this.generator = new DefaultCodeGenerator(HashingAlgorithm.SHA1, digits);
		this.wellFormed = Pattern.compile("\\d{" + digits + "}");
	}

	String newSecret() {
		return secrets.generate();
	}

	/** The time step an instant falls in: whole periods since the Unix epoch (RFC 6238 section 4.2). */
	static long step(Instant at) {
		return Math.floorDiv(at.getEpochSecond(), PERIOD_SECONDS);
	}

	String code(String secret, long step) {
		try {
			return generator.generate(secret, step);
		}
		catch (CodeGenerationException e) {
			throw new IllegalStateException("Could not compute a TOTP code", e);
		}
	}

	/**
	 * The step within the drift allowance whose code this is, if any, skipping steps up to
	 * {@code usedUpTo} (null: none used) so that a code works once (RFC 6238 section 5.2).
	 */
	OptionalLong matchingStep(String secret, String code, Instant now, Long usedUpTo) {
		var candidate = code == null ? "" : code.replace(" ", "");
		if (secret == null || !wellFormed.matcher(candidate).matches()) {
			return OptionalLong.empty();
		}
		var current = step(now);
		var given = candidate.getBytes(StandardCharsets.US_ASCII);
		var found = OptionalLong.empty();
		// every candidate step is computed and compared in constant time, so timing says nothing
		for (long step = current - DRIFT_STEPS; step <= current + DRIFT_STEPS; step++) {
			var equal = MessageDigest.isEqual(given, code(secret, step).getBytes(StandardCharsets.US_ASCII));
			if (equal && found.isEmpty() && (usedUpTo == null || step > usedUpTo)) {
				found = OptionalLong.of(step);
			}
		}
		return found;
	}

	/** The {@code otpauth://} URI authenticator apps read (Key URI Format). */
	String uri(String secret, String account, String issuer) {
		return data(secret, account, issuer).getUri();
	}

	/** The same URI as a QR code, a PNG in a {@code data:} URI. */
	String qrCode(String secret, String account, String issuer) {
		try {
			return Utils.getDataUriForImage(qrCodes.generate(data(secret, account, issuer)), qrCodes.getImageMimeType());
		}
		catch (QrGenerationException e) {
			throw new IllegalStateException("Could not draw the QR code", e);
		}
	}

	private QrData data(String secret, String account, String issuer) {
		// "Issuer:account" as the Key URI Format recommends, so apps group and name the entry
		return new QrData.Builder().label(issuer + ":" + account).secret(secret).issuer(issuer).algorithm(HashingAlgorithm.SHA1)
			.digits(digits).period(PERIOD_SECONDS).build();
	}
}
