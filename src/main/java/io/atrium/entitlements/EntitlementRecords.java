package io.atrium.entitlements;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import io.atrium.api.ApiException;
import io.atrium.audit.AuditableEvent.Change;
import io.atrium.database.Scope;
import io.atrium.database.TenantTransactions;
import io.atrium.entitlements.OrganisationEntitlements.Grant;

/** Reads and changes stored entitlements; organisations without rows get the configured defaults. */
@Component
class EntitlementRecords {

	private final TenantTransactions transactions;
	private final JdbcClient jdbc;
	private final ApplicationEventPublisher events;
	private final EntitlementsProperties properties;
	private final Clock clock;

	EntitlementRecords(TenantTransactions transactions, JdbcClient jdbc, ApplicationEventPublisher events,
			EntitlementsProperties properties, Clock clock) {
		this.transactions = transactions;
		this.jdbc = jdbc;
		this.events = events;
		this.properties = properties;
		this.clock = clock;
	}

	long version() {
		return transactions.read(Scope.anonymous(),
				() -> jdbc.sql("select version from entitlements_version where id = 1").query(Long.class).single());
	}

	/** For the cache: read in the organisation's own system scope. */
	OrganisationEntitlements load(UUID organisationId) {
		return load(Scope.system(organisationId), organisationId);
	}

	OrganisationEntitlements load(Scope scope, UUID organisationId) {
		return transactions.read(scope, () -> find(organisationId));
	}

	/** One module's new state: switched on or off, and when an enabled one expires (null: never). */
	record GrantChange(boolean enabled, Instant expiresAt) {
	}

	/**
	 * Changes the plan and/or some modules (null leaves either as it is) in the scope a super
	 * admin was granted; 412 when {@code expectedVersion} is given and stale.
	 */
	OrganisationEntitlements change(Scope scope, UUID organisationId, Integer expectedVersion, Plan plan,
			Map<Module, GrantChange> modules) {
		return transactions.write(scope, () -> {
			var now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
			var current = find(organisationId);
			if (expectedVersion != null && expectedVersion != current.version()) {
				throw ApiException.preconditionFailed("The entitlements were changed by someone else (now version "
						+ current.version() + "). Reload them and apply your change again.");
			}
			jdbc.sql("""
					insert into organisation_entitlements (organisation_id, plan, created_at, updated_at, version)
					values (?, ?, ?, ?, 0) on conflict (organisation_id) do nothing
					""").params(organisationId, current.plan().name(), now, now).update();
			var locked = jdbc.sql("select version from organisation_entitlements where organisation_id = ? for update")
				.param(organisationId).query(Integer.class).single();
			if (expectedVersion != null && expectedVersion != locked) {
				throw ApiException.preconditionFailed("The entitlements were changed by someone else (now version "
						+ locked + "). Reload them and apply your change again.");
			}
			if (plan != null) {
				jdbc.sql("update organisation_entitlements set plan = ? where organisation_id = ?")
					.params(plan.name(), organisationId).update();
			}
			if (modules != null) {
				modules.forEach((module, grant) -> jdbc.sql("""
						insert into organisation_modules (organisation_id, module, enabled, expires_at, updated_at)
						values (?, ?, ?, ?, ?)
						on conflict (organisation_id, module)
						do update set enabled = excluded.enabled, expires_at = excluded.expires_at, updated_at = excluded.updated_at
						""").params(organisationId, module.name(), grant.enabled(),
						grant.expiresAt() == null ? null : grant.expiresAt().atOffset(ZoneOffset.UTC), now).update());
			}
			var changed = find(organisationId);
			var changes = Change.between(audited(current), audited(changed));
			if (changes.isEmpty()) {
				return current;
			}
			jdbc.sql("update organisation_entitlements set version = version + 1, updated_at = ? where organisation_id = ?")
				.params(now, organisationId).update();
			jdbc.sql("update entitlements_version set version = version + 1 where id = 1").update();
			events.publishEvent(new EntitlementEvents.EntitlementsChanged(organisationId, changes));
			return find(organisationId);
		});
	}

	private OrganisationEntitlements find(UUID organisationId) {
		var stored = jdbc.sql("select plan, version from organisation_entitlements where organisation_id = ?")
			.param(organisationId)
			.query((rs, n) -> new Object[] { Plan.valueOf(rs.getString("plan")), rs.getInt("version") })
			.optional();
		var modules = new EnumMap<Module, Grant>(Module.class);
		for (var module : Module.values()) {
			modules.put(module, new Grant(properties.defaultModules().contains(module), null));
		}
		jdbc.sql("select module, enabled, expires_at from organisation_modules where organisation_id = ?")
			.param(organisationId)
			.query(rs -> {
				var expires = rs.getObject("expires_at", OffsetDateTime.class);
				modules.put(Module.valueOf(rs.getString("module")),
						new Grant(rs.getBoolean("enabled"), expires == null ? null : expires.toInstant()));
			});
		var plan = stored.map(row -> (Plan) row[0]).orElse(properties.defaultPlan());
		var version = stored.map(row -> (Integer) row[1]).orElse(0);
		return new OrganisationEntitlements(organisationId, plan, modules, version);
	}

	private static Map<String, Object> audited(OrganisationEntitlements entitlements) {
		var fields = new TreeMap<String, Object>();
		fields.put("plan", entitlements.plan().name());
		entitlements.modules().forEach((module, grant) -> {
			fields.put("modules." + module.name() + ".enabled", grant.enabled());
			fields.put("modules." + module.name() + ".expiresAt",
					grant.expiresAt() == null ? null : grant.expiresAt().toString());
		});
		return fields;
	}
}
