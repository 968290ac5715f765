package io.atrium.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.samstevens.totp.code.DefaultCodeGenerator;
import dev.samstevens.totp.code.HashingAlgorithm;
import dev.samstevens.totp.exceptions.CodeGenerationException;
import io.atrium.test.Api;
import io.atrium.test.MutableClock;

/** The authenticator app of a test user: makes TOTP codes from the enrolled secret at the test clock's time. */
record Authenticator(String secret, List<String> recoveryCodes, MutableClock clock) {

	private static final DefaultCodeGenerator CODES = new DefaultCodeGenerator(HashingAlgorithm.SHA1, 6);

	/** Enrols and confirms TOTP for the signed-in user behind {@code api}. */
	static Authenticator enrol(Api api, MutableClock clock) {
		var enrolment = api.post("/api/v1/auth/mfa/totp/enrolment", null);
		assertThat(enrolment.status()).as(enrolment.toString()).isEqualTo(200);
		var secret = enrolment.json().get("secret").asString();
		var confirmed = api.post("/api/v1/auth/mfa/totp/confirm", Map.of("code", code(secret, clock)));
		assertThat(confirmed.status()).as(confirmed.toString()).isEqualTo(200);
		var codes = new ArrayList<String>();
		confirmed.json().get("recoveryCodes").forEach(code -> codes.add(code.asString()));
		return new Authenticator(secret, List.copyOf(codes), clock);
	}

	/** The code the app shows now. */
	String currentCode() {
		return code(secret, clock);
	}

	/** Waits for the next 30-second step, as a user does after using a code, and returns its code. */
	String nextCode() {
		clock.advance(Duration.ofSeconds(30));
		return currentCode();
	}

	/** The code of the step {@code steps} away from now (negative: earlier). */
	String codeAtStep(int steps) {
		return code(secret, clock.instant().getEpochSecond() / 30 + steps);
	}

	static String code(String secret, MutableClock clock) {
		return code(secret, clock.instant().getEpochSecond() / 30);
	}

	static String code(String secret, long step) {
		try {
			return CODES.generate(secret, step);
		}
		catch (CodeGenerationException e) {
			throw new IllegalStateException(e);
		}
	}
}
