package io.atrium.access;

import java.util.UUID;
import java.util.stream.Collectors;

import org.slf4j.MDC;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import io.atrium.api.ApiException;
import io.atrium.database.Scope;
import io.atrium.database.TenantTransactions;

/**
 * The one place that decides whether a caller may act on an organisation or site. Each check
 * returns the row-level security {@link Scope} to do the work in, so data is only ever read
 * through a decision made here. Someone outside an organisation gets 404, exactly as for an id
 * that does not exist; a member lacking the permission gets 403.
 */
@Service
public class Access {

	private final TenantTransactions transactions;
	private final JdbcClient jdbc;

	Access(TenantTransactions transactions, JdbcClient jdbc) {
		this.transactions = transactions;
		this.jdbc = jdbc;
	}

	/** Whether the user operates Atrium itself (holds SUPER_ADMIN). Joins a running transaction. */
	public boolean isSuperAdmin(UUID userId) {
		return transactions.read(Scope.user(userId), () -> jdbc
			.sql("select 1 from platform_roles where user_id = ? and role = 'SUPER_ADMIN'").param(userId)
			.query(Integer.class).optional().isPresent());
	}

	/** Super admins only: the platform-wide scope. */
	public Scope platform(Caller caller) {
		if (!caller.superAdmin()) {
			throw ApiException.forbidden("Only super admins may do this.");
		}
		return Scope.platform(caller.userId());
	}

	/** An organisation-wide permission; the scope covers every site of the organisation. */
	public Scope organisation(Caller caller, UUID organisationId, Permission permission) {
		MDC.put("organisationId", organisationId.toString());
		if (caller.superAdmin()) {
			return Scope.organisation(caller.userId(), organisationId, true, java.util.Set.of());
		}
		var membership = membership(caller, organisationId, "organisation");
		if (!membership.organisationPermissions().contains(permission)) {
			throw ApiException.forbidden("Your role in this organisation does not allow " + describe(permission) + ".");
		}
		return Scope.organisation(caller.userId(), organisationId, true, java.util.Set.of());
	}

	/**
	 * The sites of an organisation where the caller holds a permission: all of them for
	 * organisation roles that grant it, otherwise the sites whose role grants it.
	 */
	public Scope sitesWith(Caller caller, UUID organisationId, Permission permission) {
		MDC.put("organisationId", organisationId.toString());
		if (caller.superAdmin()) {
			return Scope.organisation(caller.userId(), organisationId, true, java.util.Set.of());
		}
		var membership = membership(caller, organisationId, "organisation");
		if (membership.organisationPermissions().contains(permission)) {
			return Scope.organisation(caller.userId(), organisationId, true, java.util.Set.of());
		}
		var sites = membership.sites().entrySet().stream().filter(e -> e.getValue().permissions().contains(permission))
			.map(java.util.Map.Entry::getKey).collect(Collectors.toSet());
		return Scope.organisation(caller.userId(), organisationId, false, sites);
	}

	/** A permission at one site, found by the site's id alone. */
	public SiteScope site(Caller caller, UUID siteId, Permission permission) {
		var organisationId = organisationOf(caller, siteId);
		MDC.put("organisationId", organisationId.toString());
		if (caller.superAdmin()) {
			return new SiteScope(organisationId, siteId, Scope.organisation(caller.userId(), organisationId, true, java.util.Set.of()));
		}
		var membership = membership(caller, organisationId, "site");
		if (membership.organisationPermissions().contains(permission)) {
			return new SiteScope(organisationId, siteId, Scope.organisation(caller.userId(), organisationId, true, java.util.Set.of()));
		}
		if (!membership.sites().containsKey(siteId)) {
			throw ApiException.notFound("site");
		}
		if (!membership.sitePermissions(siteId).contains(permission)) {
			throw ApiException.forbidden("Your role at this site does not allow " + describe(permission) + ".");
		}
		var visible = membership.sites().entrySet().stream()
			.filter(e -> e.getValue().permissions().contains(permission)).map(java.util.Map.Entry::getKey)
			.collect(Collectors.toSet());
		return new SiteScope(organisationId, siteId, Scope.organisation(caller.userId(), organisationId, false, visible));
	}

	/** The organisation a site belongs to, if the caller can see the site at all. */
	private UUID organisationOf(Caller caller, UUID siteId) {
		// a site role already names the organisation (read under row-level security when the caller
		// was resolved); only organisation-wide roles and super admins need the database
		var fromRole = caller.memberships().values().stream().filter(m -> m.sites().containsKey(siteId))
			.map(Caller.Membership::organisationId).findFirst();
		if (fromRole.isPresent()) {
			return fromRole.get();
		}
		var scope = caller.superAdmin() ? Scope.platform(caller.userId()) : Scope.user(caller.userId());
		return transactions.read(scope, () -> jdbc.sql("select organisation_id from sites where id = ?").param(siteId)
			.query(UUID.class).optional())
			.filter(org -> caller.superAdmin() || caller.memberships().containsKey(org))
			.orElseThrow(() -> ApiException.notFound("site"));
	}

	private Caller.Membership membership(Caller caller, UUID organisationId, String what) {
		var membership = caller.memberships().get(organisationId);
		if (membership == null) {
			throw ApiException.notFound(what);
		}
		if (membership.role().administers() && membership.adminMfaRequired() && !caller.mfa()) {
			throw new ApiException(HttpStatus.FORBIDDEN, "mfa-required", "MFA required",
					"This organisation requires its admins to sign in with a second factor. Enrol in MFA, sign out and sign in again.",
					null);
		}
		return membership;
	}

	private static String describe(Permission permission) {
		return permission.name().toLowerCase().replace('_', ' ');
	}

	/** A site-level decision: the site, its organisation, and the scope to work in. */
	public record SiteScope(UUID organisationId, UUID siteId, Scope scope) {
	}
}
