package io.atrium.access;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import io.atrium.api.ApiException;
import io.atrium.audit.AuditableEvent.Change;
import io.atrium.database.Scope;
import io.atrium.database.TenantTransactions;

/**
 * Granting and changing roles. Every method runs in (or joins) a transaction in the scope
 * {@link Access} granted for the organisation, so row-level security checks each write.
 */
@Service
public class Memberships {

	private final TenantTransactions transactions;
	private final JdbcClient jdbc;
	private final ApplicationEventPublisher events;
	private final Clock clock;

	Memberships(TenantTransactions transactions, JdbcClient jdbc, ApplicationEventPublisher events, Clock clock) {
		this.transactions = transactions;
		this.jdbc = jdbc;
		this.events = events;
		this.clock = clock;
	}

	/** A user's membership of one organisation. */
	public record Member(UUID organisationId, UUID userId, OrganisationRole role, Status status, Map<UUID, SiteRole> sites) {

		public enum Status {
			ACTIVE, DEACTIVATED
		}
	}

	/** Adds a user to the organisation with a role and site roles. 409 when already a member. */
	public Member add(Scope scope, UUID organisationId, UUID userId, OrganisationRole role, Map<UUID, SiteRole> sites) {
		return transactions.write(scope, () -> {
			if (find(organisationId, userId).isPresent()) {
				throw ApiException.conflict("already-member", "This user is already a member of the organisation.");
			}
			var now = now();
			jdbc.sql("""
					insert into organisation_members (organisation_id, user_id, role, status, created_at, updated_at)
					values (?, ?, ?, 'ACTIVE', ?, ?)
					""").params(organisationId, userId, role.name(), now, now).update();
			writeSiteRoles(organisationId, userId, sites);
			events.publishEvent(new AccessEvents.MemberAdded(organisationId, userId, role));
			if (!sites.isEmpty()) {
				events.publishEvent(new AccessEvents.MemberRoleChanged(organisationId, userId,
						Change.between(Map.of(), siteChangeView(sites))));
			}
			return find(organisationId, userId).orElseThrow();
		});
	}

	/** Changes the organisation role and/or replaces the site roles (null leaves either as it is). */
	public Member changeRoles(Scope scope, UUID organisationId, UUID userId, OrganisationRole role,
			Map<UUID, SiteRole> sites) {
		return transactions.write(scope, () -> {
			var current = find(organisationId, userId).orElseThrow(() -> ApiException.notFound("member"));
			if (role != null && current.role() == OrganisationRole.OWNER && role != OrganisationRole.OWNER
					&& countOwners(organisationId) <= 1) {
				throw ApiException.conflict("last-owner", "An organisation must keep at least one owner. Make someone else owner first.");
			}
			if (role != null) {
				jdbc.sql("update organisation_members set role = ?, updated_at = ? where organisation_id = ? and user_id = ?")
					.params(role.name(), now(), organisationId, userId).update();
			}
			if (sites != null) {
				jdbc.sql("delete from site_members where organisation_id = ? and user_id = ?").params(organisationId, userId)
					.update();
				writeSiteRoles(organisationId, userId, sites);
			}
			var updated = find(organisationId, userId).orElseThrow();
			var before = new TreeMap<String, Object>(siteChangeView(current.sites()));
			before.put("role", current.role().name());
			var after = new TreeMap<String, Object>(siteChangeView(updated.sites()));
			after.put("role", updated.role().name());
			var changes = Change.between(before, after);
			if (!changes.isEmpty()) {
				events.publishEvent(new AccessEvents.MemberRoleChanged(organisationId, userId, changes));
			}
			return updated;
		});
	}

	public Member deactivate(Scope scope, UUID organisationId, UUID userId) {
		return transactions.write(scope, () -> {
			var current = find(organisationId, userId).orElseThrow(() -> ApiException.notFound("member"));
			if (current.role() == OrganisationRole.OWNER && countOwners(organisationId) <= 1) {
				throw ApiException.conflict("last-owner", "The last owner cannot be deactivated. Make someone else owner first.");
			}
			if (current.status() == Member.Status.ACTIVE) {
				jdbc.sql("update organisation_members set status = 'DEACTIVATED', updated_at = ? where organisation_id = ? and user_id = ?")
					.params(now(), organisationId, userId).update();
				events.publishEvent(new AccessEvents.MemberDeactivated(organisationId, userId));
			}
			return find(organisationId, userId).orElseThrow();
		});
	}

	public Member reactivate(Scope scope, UUID organisationId, UUID userId) {
		return transactions.write(scope, () -> {
			var current = find(organisationId, userId).orElseThrow(() -> ApiException.notFound("member"));
			if (current.status() == Member.Status.DEACTIVATED) {
				jdbc.sql("update organisation_members set status = 'ACTIVE', updated_at = ? where organisation_id = ? and user_id = ?")
					.params(now(), organisationId, userId).update();
				events.publishEvent(new AccessEvents.MemberReactivated(organisationId, userId));
			}
			return find(organisationId, userId).orElseThrow();
		});
	}

	public Optional<Member> get(Scope scope, UUID organisationId, UUID userId) {
		return transactions.read(scope, () -> find(organisationId, userId));
	}

	private Optional<Member> find(UUID organisationId, UUID userId) {
		var sites = new TreeMap<UUID, SiteRole>();
		jdbc.sql("select site_id, role from site_members where organisation_id = ? and user_id = ?")
			.params(organisationId, userId)
			.query(rs -> {
				sites.put(rs.getObject("site_id", UUID.class), SiteRole.valueOf(rs.getString("role")));
			});
		return jdbc.sql("select role, status from organisation_members where organisation_id = ? and user_id = ?")
			.params(organisationId, userId)
			.query((rs, n) -> new Member(organisationId, userId, OrganisationRole.valueOf(rs.getString("role")),
					Member.Status.valueOf(rs.getString("status")), sites))
			.optional();
	}

	private void writeSiteRoles(UUID organisationId, UUID userId, Map<UUID, SiteRole> sites) {
		for (var entry : sites.entrySet()) {
			var siteInOrganisation = jdbc.sql("select 1 from sites where id = ? and organisation_id = ?")
				.params(entry.getKey(), organisationId).query(Integer.class).optional().isPresent();
			if (!siteInOrganisation) {
				throw ApiException.invalid("sites." + entry.getKey(), "is not a site of this organisation");
			}
			jdbc.sql("insert into site_members (organisation_id, site_id, user_id, role, created_at) values (?, ?, ?, ?, ?)")
				.params(organisationId, entry.getKey(), userId, entry.getValue().name(), now()).update();
		}
	}

	/**
	 * Locks the active owners' rows while counting them, so two owners stepping down at the same
	 * time cannot both see the other one still there.
	 */
	private long countOwners(UUID organisationId) {
		return jdbc.sql("select user_id from organisation_members where organisation_id = ? and role = 'OWNER' and status = 'ACTIVE' for update")
			.param(organisationId).query(UUID.class).list().size();
	}

	private static Map<String, Object> siteChangeView(Map<UUID, SiteRole> sites) {
		var view = new TreeMap<String, Object>();
		sites.forEach((site, role) -> view.put("site:" + site, role.name()));
		return view;
	}

	private OffsetDateTime now() {
		return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
	}
}
