package io.atrium.identity;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import io.atrium.audit.AuditableEvent;

/** What happens to identities, published for the audit trail and anyone else who cares. */
public final class IdentityEvents {

	private IdentityEvents() {
	}

	public record UserSignedIn(UUID userId, UUID sessionId, boolean mfa) implements AuditableEvent {
		public UUID organisationId() { return null; }
		public String action() { return "auth.signed_in"; }
		public String entityType() { return "user"; }
		public String entityId() { return userId.toString(); }
		public UUID actorId() { return userId; }
		public Map<String, Object> details() { return Map.of("sessionId", sessionId.toString(), "mfa", mfa); }
	}

	/** A failed sign-in; {@code userId} is null when no account has the email given. */
	public record SignInFailed(UUID userId, String email, String reason) implements AuditableEvent {
		public UUID organisationId() { return null; }
		public String action() { return "auth.sign_in_failed"; }
		public String entityType() { return "user"; }
		public String entityId() { return userId == null ? null : userId.toString(); }
		public UUID actorId() { return userId; }
		public Map<String, Object> details() { return Map.of("email", email, "reason", reason); }
	}

	public record UserLockedOut(UUID userId, Instant until) implements AuditableEvent {
		public UUID organisationId() { return null; }
		public String action() { return "auth.locked_out"; }
		public String entityType() { return "user"; }
		public String entityId() { return userId.toString(); }
		public UUID actorId() { return userId; }
		public Map<String, Object> details() { return Map.of("until", until.toString()); }
	}

	public record UserUnlocked(UUID userId) implements AuditableEvent {
		public UUID organisationId() { return null; }
		public String action() { return "auth.unlocked"; }
		public String entityType() { return "user"; }
		public String entityId() { return userId.toString(); }
	}

	public record UserSignedOut(UUID userId, UUID sessionId) implements AuditableEvent {
		public UUID organisationId() { return null; }
		public String action() { return "auth.signed_out"; }
		public String entityType() { return "session"; }
		public String entityId() { return sessionId.toString(); }
		public UUID actorId() { return userId; }
		public boolean changesAccess() { return true; }
	}

	/** A whole session family revoked because an already-used refresh token came back. */
	public record RefreshTokenReused(UUID userId, UUID sessionId) implements AuditableEvent {
		public UUID organisationId() { return null; }
		public String action() { return "auth.refresh_token_reused"; }
		public String entityType() { return "session"; }
		public String entityId() { return sessionId.toString(); }
		public UUID actorId() { return userId; }
		public boolean changesAccess() { return true; }
	}

	public record PasswordChanged(UUID userId, String how) implements AuditableEvent {
		public UUID organisationId() { return null; }
		public String action() { return "auth.password_changed"; }
		public String entityType() { return "user"; }
		public String entityId() { return userId.toString(); }
		public UUID actorId() { return userId; }
		public Map<String, Object> details() { return Map.of("how", how); }
		public boolean changesAccess() { return true; }
	}

	public record UserCreated(UUID userId, String email, String displayName) implements AuditableEvent {
		public UUID organisationId() { return null; }
		public String action() { return "user.created"; }
		public String entityType() { return "user"; }
		public String entityId() { return userId.toString(); }
		public Map<String, Change> changes() {
			return Map.of("email", new Change(null, email), "displayName", new Change(null, displayName));
		}
	}
	/** Two-factor sign-in turned on: the user confirmed an authenticator and received recovery codes. */
	public record MfaEnabled(UUID userId) implements AuditableEvent {
		public UUID organisationId() { return null; }
		public String action() { return "auth.mfa_enabled"; }
		public String entityType() { return "user"; }
		public String entityId() { return userId.toString(); }
		public UUID actorId() { return userId; }
		public Map<String, Change> changes() { return Map.of("mfaEnabled", new Change(false, true)); }
	}

	public record MfaDisabled(UUID userId) implements AuditableEvent {
		public UUID organisationId() { return null; }
		public String action() { return "auth.mfa_disabled"; }
		public String entityType() { return "user"; }
		public String entityId() { return userId.toString(); }
		public UUID actorId() { return userId; }
		public Map<String, Change> changes() { return Map.of("mfaEnabled", new Change(true, false)); }
	}

	/** New recovery codes replaced all earlier ones. */
	public record RecoveryCodesRegenerated(UUID userId) implements AuditableEvent {
		public UUID organisationId() { return null; }
		public String action() { return "auth.recovery_codes_regenerated"; }
		public String entityType() { return "user"; }
		public String entityId() { return userId.toString(); }
		public UUID actorId() { return userId; }
	}

	/** A recovery code stood in for the authenticator at sign-in; {@code remaining} are left. */
	public record RecoveryCodeUsed(UUID userId, int remaining) implements AuditableEvent {
		public UUID organisationId() { return null; }
		public String action() { return "auth.recovery_code_used"; }
		public String entityType() { return "user"; }
		public String entityId() { return userId.toString(); }
		public UUID actorId() { return userId; }
		public Map<String, Object> details() { return Map.of("remaining", remaining); }
	}

	/** The user ended one of their sessions from the session list. */
	public record SessionEnded(UUID userId, UUID sessionId) implements AuditableEvent {
		public UUID organisationId() { return null; }
		public String action() { return "auth.session_ended"; }
		public String entityType() { return "session"; }
		public String entityId() { return sessionId.toString(); }
		public UUID actorId() { return userId; }
		public boolean changesAccess() { return true; }
	}

	/** A password reset link was emailed to an existing account. */
	public record PasswordResetRequested(UUID userId) implements AuditableEvent {
		public UUID organisationId() { return null; }
		public String action() { return "auth.password_reset_requested"; }
		public String entityType() { return "user"; }
		public String entityId() { return userId.toString(); }
	}
}
