package io.atrium.identity;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

@RestController
@Tag(name = "Sign-in")
class MfaController {

	private final MfaEnrolment enrolment;

	MfaController(MfaEnrolment enrolment) {
		this.enrolment = enrolment;
	}

	record Confirmation(@NotBlank @Size(max = 20) String code) {
	}

	record Disabling(@NotBlank @Size(max = 1024) String password, @Size(max = 20) String code,
			@Size(max = 64) String recoveryCode) {
	}

	record PasswordProof(@NotBlank @Size(max = 1024) String password) {
	}

	@PostMapping("/api/v1/auth/mfa/totp/enrolment")
	@Operation(summary = "Start TOTP enrolment: a new secret for your authenticator app, as text, otpauth URI and QR code; "
			+ "nothing changes until you confirm a code")
	MfaEnrolment.Enrolment enrol(@AuthenticationPrincipal Jwt jwt) {
		return enrolment.start(Authentication.of(jwt).userId());
	}

	@PostMapping("/api/v1/auth/mfa/totp/confirm")
	@Operation(summary = "Confirm enrolment with a current code: turns MFA on and returns 10 single-use recovery codes, "
			+ "shown only this once")
	MfaEnrolment.RecoveryCodeList confirm(@AuthenticationPrincipal Jwt jwt, @Valid @RequestBody Confirmation confirmation) {
		return enrolment.confirm(Authentication.of(jwt).userId(), confirmation.code());
	}

	@DeleteMapping("/api/v1/auth/mfa/totp")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Turn MFA off with your password and a current code (or a recovery code)")
	void disable(@AuthenticationPrincipal Jwt jwt, @Valid @RequestBody Disabling disabling) {
		enrolment.disable(Authentication.of(jwt).userId(), disabling.password(), disabling.code(), disabling.recoveryCode());
	}

	@PostMapping("/api/v1/auth/mfa/recovery-codes")
	@Operation(summary = "Replace your recovery codes with 10 new ones; the old ones stop working")
	MfaEnrolment.RecoveryCodeList regenerateRecoveryCodes(@AuthenticationPrincipal Jwt jwt,
			@Valid @RequestBody PasswordProof proof) {
		return enrolment.regenerateRecoveryCodes(Authentication.of(jwt).userId(), proof.password());
	}
}
