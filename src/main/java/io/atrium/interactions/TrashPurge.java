package io.atrium.interactions;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import io.atrium.database.Scope;
import io.atrium.database.TenantTransactions;
import io.atrium.interactions.InteractionEvents.InteractionPurged;
import io.atrium.jobs.RecurringJob;

/**
 * Removes interactions that have been in the trash longer than the retention period (30 days by
 * default). Runs as a durable db-scheduler task, so one node runs it at a time and a missed run
 * happens after a restart. Row-level security confines every statement to one organisation, so
 * the purge works organisation by organisation in {@link Scope#system}, in short batches.
 */
@Component
class TrashPurge {

	static final String TASK = "interactions-trash-purge";
	private static final Logger log = LoggerFactory.getLogger(TrashPurge.class);
	private static final int BATCH = 500;

	private final TenantTransactions transactions;
	private final JdbcClient jdbc;
	private final InteractionTypes types;
	private final ApplicationEventPublisher events;
	private final InteractionsProperties properties;
	private final Clock clock;

	TrashPurge(TenantTransactions transactions, JdbcClient jdbc, InteractionTypes types, ApplicationEventPublisher events,
			InteractionsProperties properties, Clock clock) {
		this.transactions = transactions;
		this.jdbc = jdbc;
		this.types = types;
		this.events = events;
		this.properties = properties;
		this.clock = clock;
	}

	/** What the scheduled task runs. */
	int purgeDue() {
		return purge(Instant.now(clock));
	}

	/** Purges, in every organisation, what was deleted before {@code now} minus the retention period. */
	int purge(Instant now) {
		var cutoff = now.minus(properties.trashRetention()).atOffset(ZoneOffset.UTC);
		var purged = 0;
		for (var organisation : types.organisations()) {
			int batch;
			do {
				batch = transactions.write(Scope.system(organisation), () -> purgeBatch(organisation, cutoff));
				purged += batch;
			}
			while (batch == BATCH);
		}
		if (purged > 0) {
			log.info("Purged {} interactions deleted before {}", purged, cutoff);
		}
		return purged;
	}

	private int purgeBatch(UUID organisation, OffsetDateTime cutoff) {
		var removed = jdbc.sql("""
				delete from interactions where id in (
				    select id from interactions where organisation_id = ? and deleted_at < ?
				    order by deleted_at limit ? for update skip locked)
				returning id, site_id, title, deleted_at, deleted_by
				""").params(organisation, cutoff, BATCH).query((rs, n) -> {
			var details = new LinkedHashMap<String, Object>();
			details.put("title", rs.getString("title"));
			details.put("deletedAt", Interaction.utc(rs.getObject("deleted_at", OffsetDateTime.class).toInstant()));
			details.put("deletedBy", rs.getObject("deleted_by", UUID.class));
			return new InteractionPurged(organisation, rs.getObject("site_id", UUID.class), rs.getObject("id", UUID.class),
					details);
		}).list();
		removed.forEach(events::publishEvent);
		return removed.size();
	}

	@Configuration(proxyBeanMethods = false)
	static class Schedule {

		@Bean
		RecurringJob interactionsTrashPurgeJob(TrashPurge purge, InteractionsProperties properties) {
			return RecurringJob.every(TASK, properties.purgeInterval(), purge::purgeDue);
		}
	}
}
