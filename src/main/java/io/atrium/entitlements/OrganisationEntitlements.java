package io.atrium.entitlements;

import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.UUID;

/**
 * What one organisation has: its plan and, per module, whether a super admin enabled it and
 * until when.
 *
 * @param version the optimistic-locking version of the organisation's entitlements (0 while on defaults)
 */
public record OrganisationEntitlements(UUID organisationId, Plan plan, Map<Module, Grant> modules, int version) {

	public OrganisationEntitlements {
		modules = Map.copyOf(new EnumMap<>(modules));
	}

	/** Whether the module may be used at the given time: enabled and not expired. */
	public boolean allows(Module module, Instant at) {
		var grant = modules.get(module);
		return grant != null && grant.activeAt(at);
	}

	/**
	 * @param enabled whether a super admin (or the defaults) switched the module on
	 * @param expiresAt when an enabled module switches itself off; null for never
	 */
	public record Grant(boolean enabled, Instant expiresAt) {

		public boolean activeAt(Instant at) {
			return enabled && (expiresAt == null || at.isBefore(expiresAt));
		}
	}
}
