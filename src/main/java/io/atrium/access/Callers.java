package io.atrium.access;

import java.util.HashMap;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import io.atrium.api.ApiException;
import io.atrium.database.Scope;
import io.atrium.database.TenantTransactions;
import io.atrium.identity.Authentication;
import io.atrium.identity.Sessions;

/** Turns an authenticated token into a {@link Caller}: one short read, in the user's own scope. */
@Component
class Callers {

	private final TenantTransactions transactions;
	private final JdbcClient jdbc;
	private final Sessions sessions;
	private final Access access;

	Callers(TenantTransactions transactions, JdbcClient jdbc, Sessions sessions, Access access) {
		this.access = access;
		this.transactions = transactions;
		this.jdbc = jdbc;
		this.sessions = sessions;
	}

	Caller resolve(Authentication authentication) {
		var userId = authentication.userId();
		return transactions.read(Scope.user(userId), () -> {
			if (!sessions.isActive(authentication.sessionId(), userId)) {
				throw ApiException.unauthorized("session-ended", "Your session has ended. Sign in again.");
			}
			var superAdmin = access.isSuperAdmin(userId);
			var sites = new HashMap<UUID, HashMap<UUID, SiteRole>>();
			jdbc.sql("select organisation_id, site_id, role from site_members where user_id = ?").param(userId)
				.query(rs -> {
					sites.computeIfAbsent(rs.getObject("organisation_id", UUID.class), k -> new HashMap<>())
						.put(rs.getObject("site_id", UUID.class), SiteRole.valueOf(rs.getString("role")));
				});
			var memberships = new HashMap<UUID, Caller.Membership>();
			jdbc.sql("""
					select m.organisation_id, m.role, coalesce(p.admin_mfa_required, false) as admin_mfa_required
					from organisation_members m
					join organisations o on o.id = m.organisation_id and o.status = 'ACTIVE'
					left join organisation_policies p on p.organisation_id = m.organisation_id
					where m.user_id = ? and m.status = 'ACTIVE'
					""").param(userId).query(rs -> {
				var organisationId = rs.getObject("organisation_id", UUID.class);
				memberships.put(organisationId, new Caller.Membership(organisationId,
						OrganisationRole.valueOf(rs.getString("role")), rs.getBoolean("admin_mfa_required"),
						sites.getOrDefault(organisationId, new HashMap<>())));
			});
			return new Caller(userId, authentication.sessionId(), authentication.mfa(), superAdmin, memberships);
		});
	}
}
