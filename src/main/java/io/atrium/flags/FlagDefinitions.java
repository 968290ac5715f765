package io.atrium.flags;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import com.github.f4b6a3.uuid.UuidCreator;

import io.atrium.api.ApiException;
import io.atrium.api.Like;
import io.atrium.api.PageOf;
import io.atrium.api.PageQuery;
import io.atrium.audit.AuditableEvent.Change;
import io.atrium.database.Scope;
import io.atrium.database.TenantTransactions;

/**
 * Defining, changing and deleting flags. Every change is validated against the other flags,
 * audited on the platform chain, and raises the flag version so every node reloads its cache.
 */
@Service
class FlagDefinitions {

	static final Map<String, String> SORTABLE = Map.of("key", "key", "createdAt", "created_at", "updatedAt",
			"updated_at", "lastEvaluatedAt", "last_evaluated_at");

	private final TenantTransactions transactions;
	private final JdbcClient jdbc;
	private final FlagRows rows;
	private final FlagCatalogue catalogue;
	private final ApplicationEventPublisher events;
	private final Clock clock;

	FlagDefinitions(TenantTransactions transactions, JdbcClient jdbc, FlagRows rows, FlagCatalogue catalogue,
			ApplicationEventPublisher events, Clock clock) {
		this.transactions = transactions;
		this.jdbc = jdbc;
		this.rows = rows;
		this.catalogue = catalogue;
		this.events = events;
		this.clock = clock;
	}

	/** A new flag; its id, times and version are assigned here. */
	FeatureFlag create(Scope scope, FeatureFlag definition) {
		var created = transactions.write(scope, () -> {
			lockDefinitions();
			if (find(definition.key()).isPresent()) {
				throw ApiException.invalid("key", "is already used by another flag");
			}
			validate(definition);
			var id = UuidCreator.getTimeOrderedEpoch();
			var now = now();
			jdbc.sql("""
					insert into feature_flags (id, key, description, kind, variants, default_variant, enabled, overrides,
					    rules, prerequisites, created_at, updated_at, version)
					values (?, ?, ?, ?, cast(? as jsonb), ?, ?, cast(? as jsonb), cast(? as jsonb), cast(? as jsonb), ?, ?, 0)
					""").params(id, definition.key(), definition.description() == null ? "" : definition.description(),
					definition.kind().name(), rows.json(definition.variants()), definition.defaultVariant(),
					definition.enabled(), rows.json(definition.overrides()), rows.json(definition.rules()),
					rows.json(definition.prerequisites()), now, now).update();
			raiseVersion();
			var flag = find(definition.key()).orElseThrow();
			events.publishEvent(new FlagEvents.FeatureFlagCreated(flag.key(), Change.between(Map.of(), FlagRows.audited(flag))));
			return flag;
		});
		refreshOutsideTransactions();
		return created;
	}

	/**
	 * Applies a change; 412 when {@code expectedVersion} is given and stale.
	 *
	 * @param details recorded with the audit entry (e.g. the scheduled change applied)
	 */
	FeatureFlag change(Scope scope, String key, Integer expectedVersion, FlagChanges changes, Map<String, Object> details) {
		var changed = transactions.write(scope, () -> {
			lockDefinitions();
			var current = find(key).orElseThrow(() -> ApiException.notFound("feature flag"));
			if (expectedVersion != null && expectedVersion != current.version()) {
				throw ApiException.preconditionFailed("The flag was changed by someone else (now version "
						+ current.version() + "). Reload it and apply your change again.");
			}
			var candidate = changes.applyTo(current);
			validate(candidate);
			var auditChanges = Change.between(FlagRows.audited(current), FlagRows.audited(candidate));
			if (auditChanges.isEmpty()) {
				return current;
			}
			jdbc.sql("""
					update feature_flags set description = ?, variants = cast(? as jsonb), default_variant = ?, enabled = ?,
					    overrides = cast(? as jsonb), rules = cast(? as jsonb), prerequisites = cast(? as jsonb),
					    updated_at = ?, version = version + 1
					where id = ?
					""").params(candidate.description(), rows.json(candidate.variants()), candidate.defaultVariant(),
					candidate.enabled(), rows.json(candidate.overrides()), rows.json(candidate.rules()),
					rows.json(candidate.prerequisites()), now(), current.id()).update();
			raiseVersion();
			events.publishEvent(new FlagEvents.FeatureFlagChanged(key, auditChanges, details == null ? Map.of() : details));
			return find(key).orElseThrow();
		});
		refreshOutsideTransactions();
		return changed;
	}

	/** Deletes a flag no other flag depends on, with its schedules and evaluation counts. */
	void delete(Scope scope, String key, Integer expectedVersion) {
		transactions.run(scope, () -> {
			lockDefinitions();
			var current = find(key).orElseThrow(() -> ApiException.notFound("feature flag"));
			if (expectedVersion != null && expectedVersion != current.version()) {
				throw ApiException.preconditionFailed("The flag was changed by someone else (now version "
						+ current.version() + "). Reload it before deleting it.");
			}
			var dependants = all().values().stream()
				.filter(flag -> flag.prerequisites().stream().anyMatch(p -> p.flag().equals(key)))
				.map(FeatureFlag::key).sorted().toList();
			if (!dependants.isEmpty()) {
				throw ApiException.conflict("flag-in-use", "Flags " + String.join(", ", dependants)
						+ " depend on this flag. Remove it from their prerequisites first.");
			}
			jdbc.sql("delete from feature_flags where id = ?").param(current.id()).update();
			jdbc.sql("delete from feature_flag_evaluations where flag_key = ?").param(key).update();
			raiseVersion();
			events.publishEvent(new FlagEvents.FeatureFlagDeleted(key, Change.between(FlagRows.audited(current), Map.of())));
		});
		refreshOutsideTransactions();
	}

	Optional<FeatureFlag> get(Scope scope, String key) {
		return transactions.read(scope, () -> find(key));
	}

	/**
	 * Flags filtered by text in key or description, enabled, kind, and staleness (not evaluated
	 * since {@code staleBefore}; a never evaluated flag counts from its creation).
	 */
	PageOf<FeatureFlag> list(Scope scope, PageQuery page, String q, Boolean enabled, FeatureFlag.Kind kind, Boolean stale,
			Instant staleBefore) {
		return transactions.read(scope, () -> {
			var where = new StringBuilder(" where true");
			var params = new ArrayList<Object>();
			if (q != null && !q.isBlank()) {
				where.append(" and (key ilike ? or description ilike ?)");
				params.add(Like.containing(q));
				params.add(Like.containing(q));
			}
			if (enabled != null) {
				where.append(" and enabled = ?");
				params.add(enabled);
			}
			if (kind != null) {
				where.append(" and kind = ?");
				params.add(kind.name());
			}
			if (stale != null) {
				where.append(stale ? " and coalesce(last_evaluated_at, created_at) < ?" : " and coalesce(last_evaluated_at, created_at) >= ?");
				params.add(staleBefore.atOffset(ZoneOffset.UTC));
			}
			var total = jdbc.sql("select count(*) from feature_flags" + where).params(params).query(Long.class).single();
			var pageParams = new ArrayList<>(params);
			pageParams.add(page.size());
			pageParams.add(page.offset());
			var items = jdbc.sql("select * from feature_flags" + where + page.orderBy() + " limit ? offset ?")
				.params(pageParams).query(rows::map).list();
			return PageOf.of(items, page, total);
		});
	}

	/** 400 with every problem when the definition is not valid against the flags as they are. */
	void check(FeatureFlag candidate) {
		validate(candidate);
	}

	/**
	 * This node's cache takes the change at once; inside someone else's transaction (a scheduled
	 * change being applied) the caller refreshes after committing, as an uncommitted change must
	 * not reach the cache.
	 */
	private void refreshOutsideTransactions() {
		if (!TransactionSynchronizationManager.isActualTransactionActive()) {
			catalogue.refresh();
		}
	}

	private void validate(FeatureFlag candidate) {
		var others = new HashMap<>(all());
		others.remove(candidate.key());
		var problems = new ArrayList<>(FlagRules.problems(candidate, others));
		var organisations = candidate.overrides().stream().filter(o -> o != null && o.organisationId() != null)
			.map(FeatureFlag.OrganisationOverride::organisationId).distinct().toList();
		if (!organisations.isEmpty()) {
			var placeholders = String.join(",", Collections.nCopies(organisations.size(), "?"));
			var known = jdbc.sql("select id from organisations where id in (" + placeholders + ")")
				.params(new ArrayList<Object>(organisations)).query(UUID.class).set();
			for (int i = 0; i < candidate.overrides().size(); i++) {
				var override = candidate.overrides().get(i);
				if (override != null && override.organisationId() != null && !known.contains(override.organisationId())) {
					problems.add(new ApiException.FieldProblem("overrides[" + i + "].organisationId", "no such organisation"));
				}
			}
		}
		if (!problems.isEmpty()) {
			throw ApiException.invalid(problems);
		}
	}

	private Optional<FeatureFlag> find(String key) {
		return jdbc.sql("select * from feature_flags where key = ?").param(key).query(rows::map).optional();
	}

	private Map<String, FeatureFlag> all() {
		var flags = new LinkedHashMap<String, FeatureFlag>();
		jdbc.sql("select * from feature_flags order by key").query(rows::map).list().forEach(flag -> flags.put(flag.key(), flag));
		return flags;
	}

	/**
	 * One definition change at a time: each is validated against all the others (prerequisite
	 * cycles, keys), which two concurrent changes could each pass on their own.
	 */
	private void lockDefinitions() {
		jdbc.sql("select pg_advisory_xact_lock(7303)").query((rs, n) -> 1).single();
	}

	/** Raised in the changing transaction, so it becomes visible together with the change. */
	private void raiseVersion() {
		jdbc.sql("update feature_flag_version set version = version + 1 where id = 1").update();
	}

	private OffsetDateTime now() {
		return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
	}
}
