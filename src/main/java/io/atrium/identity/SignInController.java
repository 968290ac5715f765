package io.atrium.identity;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.atrium.database.Scope;
import io.atrium.database.TenantTransactions;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

@RestController
@Tag(name = "Sign-in")
class SignInController {

	private final SignIn signIn;
	private final SecondFactor secondFactor;
	private final PasswordChanges passwordChanges;
	private final Sessions sessions;
	private final TenantTransactions transactions;
	private final SigningKeys keys;
	private final PasswordResets resets;

	SignInController(SignIn signIn, SecondFactor secondFactor, PasswordChanges passwordChanges, Sessions sessions,
			TenantTransactions transactions, SigningKeys keys, PasswordResets resets) {
		this.resets = resets;
		this.signIn = signIn;
		this.secondFactor = secondFactor;
		this.passwordChanges = passwordChanges;
		this.sessions = sessions;
		this.transactions = transactions;
		this.keys = keys;
	}

	record Credentials(@NotBlank @Size(max = 320) String email, @NotBlank @Size(max = 1024) String password) {
	}

	record MfaSignIn(@NotBlank @Size(max = 200) String mfaToken, @Size(max = 20) String code,
			@Size(max = 64) String recoveryCode) {
	}

	record RefreshRequest(@NotBlank @Size(max = 200) String refreshToken) {
	}

	record PasswordChange(@NotBlank @Size(max = 1024) String currentPassword, @NotBlank @Size(max = 1024) String newPassword) {
	}

	@PostMapping("/api/v1/auth/login")
	@Operation(summary = "Sign in with email and password; answers tokens, or an MFA token when a second factor is due")
	SignIn.Outcome login(@Valid @RequestBody Credentials credentials) {
		return signIn.withPassword(credentials.email(), credentials.password());
	}

	@PostMapping("/api/v1/auth/login/mfa")
	@Operation(summary = "Finish signing in with the mfaToken from /auth/login and a current TOTP code or a recovery code")
	SignIn.SignedIn loginWithSecondFactor(@Valid @RequestBody MfaSignIn mfa) {
		return secondFactor.complete(mfa.mfaToken(), mfa.code(), mfa.recoveryCode());
	}

	@PostMapping("/api/v1/auth/refresh")
	@Operation(summary = "Exchange a refresh token for new tokens; the old refresh token stops working")
	SignIn.SignedIn refresh(@Valid @RequestBody RefreshRequest request) {
		return signIn.refresh(request.refreshToken());
	}

	@PostMapping("/api/v1/auth/logout")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void logout(@AuthenticationPrincipal Jwt jwt) {
		var who = Authentication.of(jwt);
		signIn.signOut(who.userId(), who.sessionId());
	}

	@PostMapping("/api/v1/auth/password/change")
	@Operation(summary = "Change your password (also a temporary one); ends your other sessions and returns fresh tokens")
	SignIn.SignedIn changePassword(@AuthenticationPrincipal Jwt jwt, @Valid @RequestBody PasswordChange change) {
		var who = Authentication.of(jwt);
		return passwordChanges.change(who.userId(), who.sessionId(), who.mfa(), change.currentPassword(),
				change.newPassword());
	}

	record ResetRequest(@NotBlank @Size(max = 320) String email) {
	}

	record ResetConfirmation(@NotBlank @Size(max = 200) String token, @NotBlank @Size(max = 1024) String newPassword) {
	}

	@PostMapping("/api/v1/auth/password/reset")
	@ResponseStatus(HttpStatus.ACCEPTED)
	@Operation(summary = "Email a password reset link; answers 202 whether or not the email has an account")
	void requestReset(@Valid @RequestBody ResetRequest request) {
		resets.request(request.email());
	}

	@PostMapping("/api/v1/auth/password/reset/confirm")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Set a new password with the token from a reset or invitation email; ends all sessions")
	void confirmReset(@Valid @RequestBody ResetConfirmation confirmation) {
		resets.confirm(confirmation.token(), confirmation.newPassword());
	}

	@GetMapping("/api/v1/auth/sessions")
	@Operation(summary = "Your active sessions")
	List<Sessions.SessionView> sessions(@AuthenticationPrincipal Jwt jwt) {
		var who = Authentication.of(jwt);
		return transactions.read(Scope.user(who.userId()), () -> sessions.activeOf(who.userId(), who.sessionId()));
	}

	@DeleteMapping("/api/v1/auth/sessions/{sessionId}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "End one of your sessions")
	void endSession(@AuthenticationPrincipal Jwt jwt, @PathVariable UUID sessionId) {
		var who = Authentication.of(jwt);
		signIn.endSession(who.userId(), sessionId);
	}

	@GetMapping("/.well-known/jwks.json")
	@Operation(summary = "The public key that verifies Atrium's access tokens (JWK Set)")
	ResponseEntity<Map<String, Object>> jwks() {
		return ResponseEntity.ok(keys.publicJwks().toJSONObject());
	}
}
