package io.atrium.flags;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

import com.github.f4b6a3.uuid.UuidCreator;

import io.atrium.api.ApiException;
import io.atrium.database.Scope;
import io.atrium.database.TenantTransactions;
import tools.jackson.core.type.TypeReference;

/**
 * Changes to a flag that take effect at a given time (switch a flag on on launch day, raise a
 * rollout overnight). Every {@code atrium.flags.schedule-interval} each node claims due changes
 * with {@code FOR UPDATE SKIP LOCKED}, so each is applied exactly once however many nodes run,
 * and applies it as the admin who scheduled it. A change that no longer fits the flag (say a
 * prerequisite was deleted since) is marked FAILED with the reason.
 */
@Service
class ScheduledFlagChanges {

	private static final Logger log = LoggerFactory.getLogger(ScheduledFlagChanges.class);

	private final TenantTransactions transactions;
	private final JdbcClient jdbc;
	private final FlagRows rows;
	private final FlagDefinitions definitions;
	private final FlagCatalogue catalogue;
	private final ApplicationEventPublisher events;
	private final Clock clock;

	ScheduledFlagChanges(TenantTransactions transactions, JdbcClient jdbc, FlagRows rows, FlagDefinitions definitions,
			FlagCatalogue catalogue, ApplicationEventPublisher events, Clock clock) {
		this.transactions = transactions;
		this.jdbc = jdbc;
		this.rows = rows;
		this.definitions = definitions;
		this.catalogue = catalogue;
		this.events = events;
		this.clock = clock;
	}

	enum Status {
		PENDING, APPLIED, FAILED, CANCELLED
	}

	record ScheduledChange(UUID id, String flag, Instant applyAt, FlagChanges changes, Status status, String failure,
			UUID createdBy, Instant createdAt, Instant appliedAt) {
	}

	/** Schedules a change, checked now against the flag as it is (and again when applied). */
	ScheduledChange schedule(Scope scope, String key, Instant applyAt, FlagChanges changes) {
		if (!applyAt.isAfter(clock.instant())) {
			throw ApiException.invalid("applyAt", "must be in the future");
		}
		if (changes == null || changes.isEmpty()) {
			throw ApiException.invalid("changes", "must change at least one field");
		}
		return transactions.write(scope, () -> {
			var flag = definitions.get(scope, key).orElseThrow(() -> ApiException.notFound("feature flag"));
			definitions.check(changes.applyTo(flag));
			var id = UuidCreator.getTimeOrderedEpoch();
			jdbc.sql("""
					insert into feature_flag_schedules (id, flag_id, apply_at, changes, status, created_by, created_at)
					values (?, ?, ?, cast(? as jsonb), 'PENDING', ?, ?)
					""").params(id, flag.id(), applyAt.atOffset(ZoneOffset.UTC), rows.json(changes), scope.userId(),
					now()).update();
			events.publishEvent(new FlagEvents.FeatureFlagChangeScheduled(key, id,
					Map.of("scheduledChangeId", id.toString(), "applyAt", applyAt.toString(), "changes", changes)));
			return find(id);
		});
	}

	List<ScheduledChange> of(Scope scope, String key) {
		return transactions.read(scope, () -> jdbc.sql("""
				select s.*, f.key from feature_flag_schedules s join feature_flags f on f.id = s.flag_id
				where f.key = ? order by s.apply_at, s.id
				""").param(key).query(this::map).list());
	}

	ScheduledChange cancel(Scope scope, String key, UUID id) {
		return transactions.write(scope, () -> {
			var change = jdbc.sql("""
					select s.*, f.key from feature_flag_schedules s join feature_flags f on f.id = s.flag_id
					where s.id = ? and f.key = ? for update of s
					""").params(id, key).query(this::map).optional()
				.orElseThrow(() -> ApiException.notFound("scheduled change"));
			if (change.status() != Status.PENDING) {
				throw ApiException.conflict("not-pending", "This change is " + change.status() + " and can no longer be cancelled.");
			}
			jdbc.sql("update feature_flag_schedules set status = 'CANCELLED' where id = ?").param(id).update();
			events.publishEvent(new FlagEvents.FeatureFlagScheduledChangeCancelled(key, id));
			return find(id);
		});
	}

	@Scheduled(fixedDelayString = "${atrium.flags.schedule-interval:15s}")
	void applyDue() {
		applyDue(clock.instant());
	}

	/** Applies every pending change due at {@code now}, one transaction each; answers how many were applied. */
	int applyDue(Instant now) {
		var applied = 0;
		while (true) {
			var outcome = transactions.write(Scope.platform(null), () -> {
				var due = jdbc.sql("""
						select s.*, f.key from feature_flag_schedules s join feature_flags f on f.id = s.flag_id
						where s.status = 'PENDING' and s.apply_at <= ? order by s.apply_at, s.id
						limit 1 for update of s skip locked
						""").param(now.atOffset(ZoneOffset.UTC)).query(this::map).optional();
				if (due.isEmpty()) {
					return null;
				}
				var change = due.get();
				var flag = definitions.get(Scope.platform(change.createdBy()), change.flag()).orElseThrow();
				try {
					// checked first: a failure inside the change would doom this whole transaction
					definitions.check(change.changes().applyTo(flag));
				}
				catch (ApiException e) {
					log.warn("Scheduled change {} of flag {} no longer applies: {}", change.id(), change.flag(), e.getMessage());
					jdbc.sql("update feature_flag_schedules set status = 'FAILED', failure = ?, applied_at = ? where id = ?")
						.params(describe(e), now(), change.id()).update();
					return Boolean.FALSE;
				}
				definitions.change(Scope.platform(change.createdBy()), change.flag(), null, change.changes(),
						Map.of("scheduledChangeId", change.id().toString()));
				jdbc.sql("update feature_flag_schedules set status = 'APPLIED', applied_at = ? where id = ?")
					.params(now(), change.id()).update();
				return Boolean.TRUE;
			});
			if (outcome == null) {
				if (applied > 0) {
					catalogue.refresh();
				}
				return applied;
			}
			if (outcome) {
				applied++;
			}
		}
	}

	private static String describe(ApiException e) {
		if (e.properties().get("errors") instanceof List<?> errors && !errors.isEmpty()) {
			return e.getMessage() + " " + errors;
		}
		return e.getMessage();
	}

	private ScheduledChange find(UUID id) {
		return jdbc.sql("""
				select s.*, f.key from feature_flag_schedules s join feature_flags f on f.id = s.flag_id where s.id = ?
				""").param(id).query(this::map).single();
	}

	private ScheduledChange map(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
		var applied = rs.getObject("applied_at", OffsetDateTime.class);
		return new ScheduledChange(rs.getObject("id", UUID.class), rs.getString("key"),
				rs.getObject("apply_at", OffsetDateTime.class).toInstant(),
				rows.read(rs.getString("changes"), new TypeReference<FlagChanges>() {
				}), Status.valueOf(rs.getString("status")), rs.getString("failure"), rs.getObject("created_by", UUID.class),
				rs.getObject("created_at", OffsetDateTime.class).toInstant(), applied == null ? null : applied.toInstant());
	}

	private OffsetDateTime now() {
		return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
	}
}
