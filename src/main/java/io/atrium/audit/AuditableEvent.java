package io.atrium.audit;

import java.util.Map;
import java.util.UUID;

/**
 * An event the audit trail records. Publish it inside the transaction that makes the change:
 * the entry is written before that transaction commits, so no change is committed without it.
 */
public interface AuditableEvent {

	/** The organisation the change belongs to; null for platform-level events such as sign-ins. */
	UUID organisationId();

	/** Dotted, past-tense action name, e.g. {@code site.created} or {@code auth.sign_in_failed}. */
	String action();

	String entityType();

	/** The changed entity's id; may be null where there is none (a failed sign-in for an unknown email). */
	String entityId();

	default UUID siteId() {
		return null;
	}

	/** The acting user when it is not the transaction's caller (e.g. the user signing in). */
	default UUID actorId() {
		return null;
	}

	/** Changed fields: name to {@link Change}. */
	default Map<String, Change> changes() {
		return Map.of();
	}

	/** Further facts worth keeping, never secrets. */
	default Map<String, Object> details() {
		return Map.of();
	}

	/**
	 * Whether the change alters who may do what: sessions, memberships, roles, security policies,
	 * an organisation's status. Nodes drop the callers they keep as soon as such a change commits.
	 */
	default boolean changesAccess() {
		return false;
	}

	/** A field's value before and after a change; either may be null. */
	record Change(Object before, Object after) {

		public static Map<String, Change> between(Map<String, ?> before, Map<String, ?> after) {
			var changes = new java.util.TreeMap<String, Change>();
			var keys = new java.util.TreeSet<String>();
			if (before != null) {
				keys.addAll(before.keySet());
			}
			if (after != null) {
				keys.addAll(after.keySet());
			}
			for (var key : keys) {
				var was = before == null ? null : before.get(key);
				var now = after == null ? null : after.get(key);
				if (!java.util.Objects.equals(was, now)) {
					changes.put(key, new Change(was, now));
				}
			}
			return changes;
		}
	}
}
