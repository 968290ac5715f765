package io.atrium.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import org.apache.commons.codec.binary.Base32;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TotpTest {

	/** The shared secret of RFC 6238 appendix B for HMAC-SHA1: the ASCII string "12345678901234567890". */
	private static final String RFC_SECRET = new Base32()
		.encodeToString("12345678901234567890".getBytes(StandardCharsets.US_ASCII));

	private final Totp totp = new Totp();

	@ParameterizedTest(name = "at {0} s the code is {1}")
	@CsvSource({ "59, 94287082", "1111111109, 07081804", "1111111111, 14050471", "1234567890, 89005924",
			"2000000000, 69279037", "20000000000, 65353130" })
	void makesTheCodesOfRfc6238AppendixB(long unixSeconds, String expected) {
		var eightDigits = new Totp(8);

		assertThat(eightDigits.code(RFC_SECRET, Totp.step(Instant.ofEpochSecond(unixSeconds)))).isEqualTo(expected);
	}

	@Test
	void stepsAreThirtySecondsSinceTheEpoch() {
		assertThat(Totp.step(Instant.ofEpochSecond(59))).isEqualTo(1);
		assertThat(Totp.step(Instant.ofEpochSecond(60))).isEqualTo(2);
		assertThat(Totp.step(Instant.ofEpochSecond(1111111109))).isEqualTo(0x23523EC);
	}

	@Test
	void acceptsTheCodeOfTheStepBeforeAndAfterForClockDrift() {
		var secret = RFC_SECRET;
		var now = Instant.ofEpochSecond(1_800_000_015);
		var step = Totp.step(now);

		assertThat(totp.matchingStep(secret, totp.code(secret, step - 1), now, null)).hasValue(step - 1);
		assertThat(totp.matchingStep(secret, totp.code(secret, step), now, null)).hasValue(step);
		assertThat(totp.matchingStep(secret, totp.code(secret, step + 1), now, null)).hasValue(step + 1);
	}

	@Test
	void refusesCodesTwoStepsAway() {
		var secret = RFC_SECRET;
		var now = Instant.ofEpochSecond(1_800_000_015);
		var step = Totp.step(now);

		assertThat(totp.matchingStep(secret, totp.code(secret, step - 2), now, null)).isEmpty();
		assertThat(totp.matchingStep(secret, totp.code(secret, step + 2), now, null)).isEmpty();
	}

	@Test
	void refusesACodeOfAStepAlreadyUsed() {
		var secret = RFC_SECRET;
		var now = Instant.ofEpochSecond(1_800_000_015);
		var step = Totp.step(now);

		assertThat(totp.matchingStep(secret, totp.code(secret, step), now, step)).isEmpty();
		assertThat(totp.matchingStep(secret, totp.code(secret, step - 1), now, step)).isEmpty();
		assertThat(totp.matchingStep(secret, totp.code(secret, step + 1), now, step)).hasValue(step + 1);
	}

	@Test
	void refusesMalformedCodes() {
		var secret = RFC_SECRET;
		var now = Instant.ofEpochSecond(1_800_000_015);
		var code = totp.code(secret, Totp.step(now));

		assertThat(totp.matchingStep(secret, code + "0", now, null)).isEmpty();
		assertThat(totp.matchingStep(secret, code.substring(1), now, null)).isEmpty();
		assertThat(totp.matchingStep(secret, "abcdef", now, null)).isEmpty();
		assertThat(totp.matchingStep(secret, null, now, null)).isEmpty();
		assertThat(totp.matchingStep(secret, code.substring(0, 3) + " " + code.substring(3), now, null))
			.as("a space in the middle, as apps show it").hasValue(Totp.step(now));
	}

	@Test
	void newSecretsAre160BitsOfBase32() {
		var secret = totp.newSecret();

		assertThat(secret).matches("[A-Z2-7]{32}");
		assertThat(new Base32().decode(secret)).hasSize(20);
		assertThat(totp.newSecret()).isNotEqualTo(secret);
	}
}
