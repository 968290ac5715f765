package io.atrium.account;

import java.util.Map;
import java.util.UUID;

import io.atrium.audit.AuditableEvent;

/** Changes people make to their own account. */
public final class AccountEvents {

	private AccountEvents() {
	}

	public record PreferencesChanged(UUID userId, Map<String, Change> changes) implements AuditableEvent {
		public UUID organisationId() { return null; }
		public String action() { return "user.preferences_changed"; }
		public String entityType() { return "user"; }
		public String entityId() { return userId.toString(); }
		public UUID actorId() { return userId; }
	}
}
