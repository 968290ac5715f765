package io.atrium.database;

import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Whose data a transaction may touch, as row-level security sees it. Set at the start of
 * every transaction by {@link TenantTransactions} with transaction-local settings.
 *
 * @param userId the acting user, or null for work no user started
 * @param organisationId the organisation (tenant), or null outside any
 * @param allSites whether every site of the organisation is visible
 * @param siteIds the visible sites when not all
 * @param platform operator scope: a super admin's view across organisations
 */
public record Scope(UUID userId, UUID organisationId, boolean allSites, Set<UUID> siteIds, boolean platform) {

	public Scope {
		siteIds = siteIds == null ? Set.of() : Set.copyOf(siteIds);
	}

	/** No user and no organisation: sees no tenant data. */
	public static Scope anonymous() {
		return new Scope(null, null, false, Set.of(), false);
	}

	/** A signed-in user outside any organisation: sees their own memberships only. */
	public static Scope user(UUID userId) {
		return new Scope(userId, null, false, Set.of(), false);
	}

	/** A super admin operating the platform across organisations. */
	public static Scope platform(UUID userId) {
		return new Scope(userId, null, true, Set.of(), true);
	}

	public static Scope organisation(UUID userId, UUID organisationId, boolean allSites, Set<UUID> siteIds) {
		return new Scope(userId, organisationId, allSites, siteIds, false);
	}

	/** Background work for one organisation, started by no user. */
	public static Scope system(UUID organisationId) {
		return new Scope(null, organisationId, true, Set.of(), false);
	}

	String siteSetting() {
		return allSites ? "*" : siteIds.stream().map(UUID::toString).sorted().collect(Collectors.joining(","));
	}
}
