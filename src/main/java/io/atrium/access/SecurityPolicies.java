package io.atrium.access;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import io.atrium.access.AccessEvents.SecurityPolicyChanged;
import io.atrium.api.ApiException;
import io.atrium.audit.AuditableEvent.Change;
import io.atrium.database.Scope;
import io.atrium.database.TenantTransactions;

/**
 * An organisation's security policy: whether its owners and admins must sign in with a second
 * factor. {@link Access} applies it on every request (through {@link Caller.Membership}).
 */
@Service
class SecurityPolicies {

	private final TenantTransactions transactions;
	private final JdbcClient jdbc;
	private final ApplicationEventPublisher events;
	private final Clock clock;

	SecurityPolicies(TenantTransactions transactions, JdbcClient jdbc, ApplicationEventPublisher events, Clock clock) {
		this.transactions = transactions;
		this.jdbc = jdbc;
		this.events = events;
		this.clock = clock;
	}

	/** @param updatedAt when the policy was last changed; null while it is the default */
	record SecurityPolicy(boolean adminMfaRequired, Instant updatedAt) {
	}

	SecurityPolicy get(Scope scope, UUID organisationId) {
		return transactions.read(scope, () -> find(organisationId));
	}

	SecurityPolicy change(Caller caller, Scope scope, UUID organisationId, boolean adminMfaRequired) {
		adminsMustUseMfaBeforeRequiringIt(caller, adminMfaRequired);
		return transactions.write(scope, () -> {
			var current = find(organisationId);
			jdbc.sql("""
					insert into organisation_policies (organisation_id, admin_mfa_required, updated_at) values (?, ?, ?)
					on conflict (organisation_id) do update set admin_mfa_required = excluded.admin_mfa_required,
					    updated_at = excluded.updated_at
					""").params(organisationId, adminMfaRequired, OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC))
				.update();
			var changes = Change.between(Map.of("adminMfaRequired", current.adminMfaRequired()),
					Map.of("adminMfaRequired", adminMfaRequired));
			if (!changes.isEmpty()) {
				events.publishEvent(new SecurityPolicyChanged(organisationId, changes));
			}
			return find(organisationId);
		});
	}

	/**
	 * The policy applies to the admin setting it too: one who signed in without a second factor
	 * would lock themselves (and every admin like them) out of the organisation. Super admins are
	 * outside organisation policies.
	 */
	private static void adminsMustUseMfaBeforeRequiringIt(Caller caller, boolean adminMfaRequired) {
		if (adminMfaRequired && !caller.mfa() && !caller.superAdmin()) {
			throw new ApiException(HttpStatus.FORBIDDEN, "mfa-required", "MFA required",
					"Requiring MFA of admins would lock you out, as you signed in without a second factor. "
							+ "Enrol in MFA, sign in again with it, then turn the policy on.",
					null);
		}
	}

	private SecurityPolicy find(UUID organisationId) {
		return jdbc.sql("select admin_mfa_required, updated_at from organisation_policies where organisation_id = ?")
			.param(organisationId)
			.query((rs, n) -> new SecurityPolicy(rs.getBoolean("admin_mfa_required"),
					rs.getObject("updated_at", OffsetDateTime.class).toInstant()))
			.optional().orElse(new SecurityPolicy(false, null));
	}
}
