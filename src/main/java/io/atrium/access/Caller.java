package io.atrium.access;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The authenticated user behind a request with everything access decisions need: their
 * memberships, site roles and whether they are a super admin. Resolved once per request
 * from the access token and the database.
 *
 * @param userId the user
 * @param sessionId their session
 * @param mfa whether this sign-in passed a second factor
 * @param superAdmin whether they operate Atrium itself
 * @param memberships their active organisation memberships, by organisation id
 */
public record Caller(UUID userId, UUID sessionId, boolean mfa, boolean superAdmin, Map<UUID, Membership> memberships) {

	public Caller {
		memberships = Map.copyOf(memberships);
	}

	/**
	 * @param role the organisation role
	 * @param adminMfaRequired whether the organisation requires its admins to use MFA
	 * @param sites site roles by site id
	 */
	public record Membership(UUID organisationId, OrganisationRole role, boolean adminMfaRequired, Map<UUID, SiteRole> sites) {

		public Membership {
			sites = Map.copyOf(sites);
		}

		/** Permissions across the organisation, before any site is involved. */
		public Set<Permission> organisationPermissions() {
			return role.permissions();
		}

		/** Permissions at one site: the organisation role's plus the site role's. */
		public Set<Permission> sitePermissions(UUID siteId) {
			var permissions = EnumSet.noneOf(Permission.class);
			permissions.addAll(role.permissions());
			var siteRole = sites.get(siteId);
			if (siteRole != null) {
				permissions.addAll(siteRole.permissions());
			}
			return permissions;
		}
	}
}
