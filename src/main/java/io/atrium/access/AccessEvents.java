package io.atrium.access;

import java.util.Map;
import java.util.UUID;

import io.atrium.audit.AuditableEvent;

/** Changes to who may do what. */
public final class AccessEvents {

	private AccessEvents() {
	}

	public record MemberAdded(UUID organisationId, UUID userId, OrganisationRole role) implements AuditableEvent {
		public String action() { return "member.added"; }
		public String entityType() { return "member"; }
		public String entityId() { return userId.toString(); }
		public Map<String, Change> changes() { return Map.of("role", new Change(null, role.name())); }
		public boolean changesAccess() { return true; }
	}

	public record MemberRoleChanged(UUID organisationId, UUID userId, Map<String, Change> changes) implements AuditableEvent {
		public String action() { return "member.role_changed"; }
		public String entityType() { return "member"; }
		public String entityId() { return userId.toString(); }
		public boolean changesAccess() { return true; }
	}

	public record MemberDeactivated(UUID organisationId, UUID userId) implements AuditableEvent {
		public String action() { return "member.deactivated"; }
		public String entityType() { return "member"; }
		public String entityId() { return userId.toString(); }
		public Map<String, Change> changes() { return Map.of("status", new Change("ACTIVE", "DEACTIVATED")); }
		public boolean changesAccess() { return true; }
	}

	public record MemberReactivated(UUID organisationId, UUID userId) implements AuditableEvent {
		public String action() { return "member.reactivated"; }
		public String entityType() { return "member"; }
		public String entityId() { return userId.toString(); }
		public Map<String, Change> changes() { return Map.of("status", new Change("DEACTIVATED", "ACTIVE")); }
		public boolean changesAccess() { return true; }
	}

	/**
	 * A member was invited by email to an organisation. {@code accountCreated} tells whether the
	 * user is new (and so must first choose a password) or already had an account.
	 */
	public record MemberInvited(UUID organisationId, UUID userId, boolean accountCreated) implements AuditableEvent {
		public String action() { return "member.invited"; }
		public String entityType() { return "member"; }
		public String entityId() { return userId.toString(); }
		public Map<String, Object> details() { return Map.of("accountCreated", accountCreated); }
		public boolean changesAccess() { return true; }
	}

	/** An organisation's admin lifted a member's sign-in lockout. */
	public record MemberUnlocked(UUID organisationId, UUID userId) implements AuditableEvent {
		public String action() { return "member.unlocked"; }
		public String entityType() { return "member"; }
		public String entityId() { return userId.toString(); }
	}

	public record SecurityPolicyChanged(UUID organisationId, Map<String, Change> changes) implements AuditableEvent {
		public String action() { return "organisation.security_policy_changed"; }
		public String entityType() { return "organisation"; }
		public String entityId() { return organisationId.toString(); }
		public boolean changesAccess() { return true; }
	}
}
