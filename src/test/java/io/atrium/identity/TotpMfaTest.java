package io.atrium.identity;

import static io.atrium.identity.SignInSteps.login;
import static io.atrium.identity.SignInSteps.loginWithCode;
import static io.atrium.identity.SignInSteps.loginWithRecoveryCode;
import static io.atrium.identity.SignInSteps.problemType;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.MultiFormatReader;
import com.google.zxing.NotFoundException;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;

import io.atrium.database.Scope;
import io.atrium.test.Fixtures;

/** Two-factor sign-in with an authenticator app (RFC 6238 TOTP) and recovery codes. */
@IdentityTest
class TotpMfaTest extends IdentityJourney {

	@Test
	void enrolmentGivesASecretWithItsUriAndQrCode() throws Exception {
		var user = fixtures.loneUser();

		var enrolment = fixtures.signIn(user).post("/api/v1/auth/mfa/totp/enrolment", null);

		assertThat(enrolment.status()).as(enrolment.toString()).isEqualTo(200);
		var secret = enrolment.json().get("secret").asString();
		assertThat(secret).matches("[A-Z2-7]{32}");
		var uri = enrolment.json().get("otpauthUri").asString();
		assertThat(URLDecoder.decode(uri, StandardCharsets.UTF_8)).startsWith("otpauth://totp/Atrium:" + user.email() + "?");
		assertThat(uri).contains("secret=" + secret).contains("issuer=Atrium").contains("algorithm=SHA1")
			.contains("digits=6").contains("period=30");
		var qrCode = enrolment.json().get("qrCode").asString();
		assertThat(qrCode).startsWith("data:image/png;base64,");
		assertThat(decodeQrCode(qrCode)).isEqualTo(uri);
	}

	@Test
	void mfaStaysOffUntilACodeIsConfirmed() {
		var user = fixtures.loneUser();
		fixtures.signIn(user).post("/api/v1/auth/mfa/totp/enrolment", null);

		var signedIn = login(api, user.email(), user.password());

		assertThat(signedIn.json().has("accessToken")).isTrue();
		assertThat(account(user.id()).mfaEnabled()).isFalse();
	}

	@Test
	void confirmingACodeTurnsMfaOnAndHandsOutTenRecoveryCodesOnce() {
		var user = fixtures.loneUser();

		var authenticator = Authenticator.enrol(fixtures.signIn(user), clock);

		assertThat(authenticator.recoveryCodes()).hasSize(10).doesNotHaveDuplicates();
		assertThat(storedRecoveryCodeHashes(user.id())).hasSize(10).doesNotContainAnyElementsOf(authenticator.recoveryCodes());
		assertThat(account(user.id()).mfaEnabled()).isTrue();
		var signedIn = login(api, user.email(), user.password()).json();
		assertThat(signedIn.get("mfaRequired").asBoolean()).isTrue();
		assertThat(signedIn.has("accessToken")).isFalse();
		assertThat(auditActions(user.id())).contains("auth.mfa_enabled");
	}

	@Test
	void aWrongConfirmationCodeLeavesMfaOff() {
		var user = fixtures.loneUser();
		var signedIn = fixtures.signIn(user);
		var secret = signedIn.post("/api/v1/auth/mfa/totp/enrolment", null).json().get("secret").asString();
		var wrong = Authenticator.code(secret, clock.instant().getEpochSecond() / 30 + 5);

		var confirmed = signedIn.post("/api/v1/auth/mfa/totp/confirm", Map.of("code", wrong));

		assertThat(confirmed.status()).isEqualTo(400);
		assertThat(confirmed.json().get("errors").get(0).get("field").asString()).isEqualTo("code");
		assertThat(account(user.id()).mfaEnabled()).isFalse();
	}

	@Test
	void enrollingAgainWhileMfaIsOnIsRefused() {
		var user = fixtures.loneUser();
		var signedIn = fixtures.signIn(user);
		Authenticator.enrol(signedIn, clock);

		var again = signedIn.post("/api/v1/auth/mfa/totp/enrolment", null);

		assertThat(again.status()).isEqualTo(409);
		assertThat(problemType(again)).isEqualTo("mfa-already-enabled");
	}

	@Test
	void signingInWithMfaTakesThePasswordThenACurrentCode() {
		var user = fixtures.loneUser();
		var authenticator = Authenticator.enrol(fixtures.signIn(user), clock);

		var challenge = login(api, user.email(), user.password()).json();
		assertThat(challenge.get("expiresIn").asLong()).isEqualTo(300);
		var signedIn = loginWithCode(api, challenge.get("mfaToken").asString(), authenticator.nextCode());

		assertThat(signedIn.status()).as(signedIn.toString()).isEqualTo(200);
		var accessToken = signedIn.json().get("accessToken").asString();
		assertThat(SignInSteps.claims(accessToken).get("amr")).extracting(n -> n.asString()).containsExactly("pwd", "otp");
		var sessions = api.as(accessToken).get("/api/v1/auth/sessions").json();
		assertThat(sessions).filteredOn(session -> session.get("current").asBoolean()).singleElement()
			.satisfies(session -> assertThat(session.get("mfa").asBoolean()).isTrue());
		var refreshed = SignInSteps.refresh(api, signedIn.json().get("refreshToken").asString()).json();
		assertThat(SignInSteps.claims(refreshed.get("accessToken").asString()).get("amr")).extracting(n -> n.asString())
			.containsExactly("pwd", "otp");
	}

	@Test
	void anMfaTokenWorksOnce() {
		var user = fixtures.loneUser();
		var authenticator = Authenticator.enrol(fixtures.signIn(user), clock);
		var mfaToken = login(api, user.email(), user.password()).json().get("mfaToken").asString();
		assertThat(loginWithCode(api, mfaToken, authenticator.nextCode()).status()).isEqualTo(200);

		var again = loginWithCode(api, mfaToken, authenticator.nextCode());

		assertThat(again.status()).isEqualTo(401);
		assertThat(problemType(again)).isEqualTo("invalid-mfa-token");
	}

	@Test
	void anMfaTokenExpiresAfterFiveMinutes() {
		var user = fixtures.loneUser();
		var authenticator = Authenticator.enrol(fixtures.signIn(user), clock);
		var mfaToken = login(api, user.email(), user.password()).json().get("mfaToken").asString();
		clock.advance(Duration.ofMinutes(5));

		var late = loginWithCode(api, mfaToken, authenticator.currentCode());

		assertThat(late.status()).isEqualTo(401);
		assertThat(problemType(late)).isEqualTo("invalid-mfa-token");
	}

	@Test
	void aTotpCodeCannotBeUsedTwice() {
		var user = fixtures.loneUser();
		var authenticator = Authenticator.enrol(fixtures.signIn(user), clock);
		var code = authenticator.nextCode();
		var earlier = authenticator.codeAtStep(-1);
		assertThat(loginWithCode(api, mfaToken(user), code).status()).isEqualTo(200);

		var replayed = loginWithCode(api, mfaToken(user), code);
		var older = loginWithCode(api, mfaToken(user), earlier);

		assertThat(replayed.status()).isEqualTo(401);
		assertThat(problemType(replayed)).isEqualTo("invalid-mfa-code");
		assertThat(older.status()).as("a code of an earlier step, though within the drift allowance").isEqualTo(401);
		assertThat(loginWithCode(api, mfaToken(user), authenticator.nextCode()).status()).isEqualTo(200);
	}

	@Test
	void aCodeFromTheNextStepIsAcceptedForClockDrift() {
		var user = fixtures.loneUser();
		var authenticator = Authenticator.enrol(fixtures.signIn(user), clock);
		clock.advance(Duration.ofSeconds(30));

		var ahead = loginWithCode(api, mfaToken(user), authenticator.codeAtStep(1));
		var tooFarAhead = loginWithCode(api, mfaToken(user), authenticator.codeAtStep(3));

		assertThat(ahead.status()).isEqualTo(200);
		assertThat(tooFarAhead.status()).isEqualTo(401);
	}

	@Test
	void aRecoveryCodeSignsInOnce() {
		var user = fixtures.loneUser();
		var authenticator = Authenticator.enrol(fixtures.signIn(user), clock);
		var recoveryCode = authenticator.recoveryCodes().get(3);

		var signedIn = loginWithRecoveryCode(api, mfaToken(user), recoveryCode.toUpperCase());
		var again = loginWithRecoveryCode(api, mfaToken(user), recoveryCode);

		assertThat(signedIn.status()).as(signedIn.toString()).isEqualTo(200);
		assertThat(SignInSteps.claims(signedIn.json().get("accessToken").asString()).get("amr")).extracting(n -> n.asString())
			.containsExactly("pwd", "otp");
		assertThat(again.status()).isEqualTo(401);
		assertThat(problemType(again)).isEqualTo("invalid-mfa-code");
		assertThat(auditActions(user.id())).contains("auth.recovery_code_used");
		assertThat(unusedRecoveryCodes(user.id())).isEqualTo(9);
	}

	@Test
	void wrongCodesCountTowardTheLockoutLikeWrongPasswords() {
		var user = fixtures.loneUser();
		var authenticator = Authenticator.enrol(fixtures.signIn(user), clock);
		var mfaToken = mfaToken(user);
		for (int i = 0; i < 5; i++) {
			assertThat(loginWithCode(api, mfaToken, "000000").status()).isEqualTo(401);
		}

		assertThat(account(user.id()).lockedUntil()).isEqualTo(clock.instant().plus(Duration.ofMinutes(15)));
		assertThat(loginWithCode(api, mfaToken, authenticator.nextCode()).status()).isEqualTo(401);
		var withPassword = login(api, user.email(), user.password());
		assertThat(withPassword.status()).isEqualTo(401);
		assertThat(problemType(withPassword)).isEqualTo("bad-credentials");
	}

	@Test
	void theSecondStepNeedsACodeOrARecoveryCode() {
		var user = fixtures.loneUser();
		Authenticator.enrol(fixtures.signIn(user), clock);

		var neither = api.post("/api/v1/auth/login/mfa", Map.of("mfaToken", mfaToken(user)));

		assertThat(neither.status()).isEqualTo(400);
		assertThat(neither.json().get("errors").get(0).get("field").asString()).isEqualTo("code");
	}

	@Test
	void turningMfaOffNeedsThePasswordAndACurrentCode() {
		var user = fixtures.loneUser();
		var signedIn = fixtures.signIn(user);
		var authenticator = Authenticator.enrol(signedIn, clock);

		var wrongPassword = signedIn.send("DELETE", "/api/v1/auth/mfa/totp",
				Map.of("password", "not my password at all", "code", authenticator.nextCode()));
		var wrongCode = signedIn.send("DELETE", "/api/v1/auth/mfa/totp",
				Map.of("password", user.password(), "code", authenticator.codeAtStep(5)));
		assertThat(wrongPassword.status()).isEqualTo(400);
		assertThat(wrongPassword.json().get("errors").get(0).get("field").asString()).isEqualTo("password");
		assertThat(wrongCode.status()).isEqualTo(400);
		assertThat(wrongCode.json().get("errors").get(0).get("field").asString()).isEqualTo("code");
		assertThat(account(user.id()).mfaEnabled()).isTrue();

		var disabled = signedIn.send("DELETE", "/api/v1/auth/mfa/totp",
				Map.of("password", user.password(), "code", authenticator.currentCode()));

		assertThat(disabled.status()).as(disabled.toString()).isEqualTo(204);
		assertThat(login(api, user.email(), user.password()).json().has("accessToken")).isTrue();
		assertThat(storedRecoveryCodeHashes(user.id())).isEmpty();
		assertThat(auditActions(user.id())).contains("auth.mfa_disabled");
	}

	@Test
	void regeneratingRecoveryCodesRetiresTheOldOnes() {
		var user = fixtures.loneUser();
		var signedIn = fixtures.signIn(user);
		var authenticator = Authenticator.enrol(signedIn, clock);
		assertThat(signedIn.post("/api/v1/auth/mfa/recovery-codes", Map.of("password", "not my password at all")).status())
			.isEqualTo(400);

		var regenerated = signedIn.post("/api/v1/auth/mfa/recovery-codes", Map.of("password", user.password()));

		assertThat(regenerated.status()).as(regenerated.toString()).isEqualTo(200);
		var fresh = regenerated.json().get("recoveryCodes");
		assertThat(fresh).hasSize(10);
		assertThat(fresh).extracting(n -> n.asString()).doesNotContainAnyElementsOf(authenticator.recoveryCodes());
		assertThat(loginWithRecoveryCode(api, mfaToken(user), authenticator.recoveryCodes().get(0)).status()).isEqualTo(401);
		assertThat(loginWithRecoveryCode(api, mfaToken(user), fresh.get(0).asString()).status()).isEqualTo(200);
		assertThat(auditActions(user.id())).contains("auth.recovery_codes_regenerated");
	}

	private String mfaToken(Fixtures.User user) {
		var response = login(api, user.email(), user.password());
		assertThat(response.json().get("mfaRequired").asBoolean()).as(response.toString()).isTrue();
		return response.json().get("mfaToken").asString();
	}

	private java.util.List<String> storedRecoveryCodeHashes(UUID userId) {
		return transactions.read(Scope.anonymous(), () -> jdbc
			.sql("select code_hash from mfa_recovery_codes where user_id = ?").param(userId).query(String.class).list());
	}

	private int unusedRecoveryCodes(UUID userId) {
		return transactions.read(Scope.anonymous(), () -> jdbc
			.sql("select count(*) from mfa_recovery_codes where user_id = ? and used_at is null").param(userId)
			.query(Integer.class).single());
	}

	private static String decodeQrCode(String dataUri) throws IOException, NotFoundException {
		var png = Base64.getDecoder().decode(dataUri.substring(dataUri.indexOf(',') + 1));
		var image = ImageIO.read(new ByteArrayInputStream(png));
		return new MultiFormatReader().decode(new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(image))))
			.getText();
	}
}
