package io.atrium.entitlements;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import jakarta.annotation.PreDestroy;

import io.atrium.database.Scope;
import io.atrium.database.TenantTransactions;

/**
 * Requests per module, organisation and day. Counted in memory on each node and added to
 * {@code module_usage} every {@code atrium.entitlements.usage-flush-interval} and at shutdown,
 * so serving a request never writes to the database. Each count is a {@link LongAdder}: every
 * request of an organisation increments the same entry, and under concurrency a single counter
 * made them queue for it.
 */
@Component
class ModuleUsage {

	private static final Logger log = LoggerFactory.getLogger(ModuleUsage.class);

	private final ConcurrentHashMap<Key, LongAdder> counts = new ConcurrentHashMap<>();
	private final TenantTransactions transactions;
	private final JdbcClient jdbc;
	private final Clock clock;

	ModuleUsage(TenantTransactions transactions, JdbcClient jdbc, Clock clock) {
		this.transactions = transactions;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	void count(UUID organisationId, Module module) {
		add(new Key(organisationId, module, today()), 1);
	}

	/** One day's requests to one module. */
	record DailyUsage(Module module, LocalDate day, long requests) {
	}

	List<DailyUsage> of(Scope scope, UUID organisationId, LocalDate from, LocalDate to) {
		return transactions.read(scope, () -> jdbc.sql("""
				select module, day, requests from module_usage
				where organisation_id = ? and day between ? and ? order by day, module
				""").params(organisationId, from, to)
			.query((rs, n) -> new DailyUsage(Module.valueOf(rs.getString("module")), rs.getObject("day", LocalDate.class),
					rs.getLong("requests")))
			.list());
	}

	@Scheduled(fixedDelayString = "${atrium.entitlements.usage-flush-interval:60s}")
	@PreDestroy
	void flush() {
		var byOrganisation = new HashMap<UUID, Map<Key, Long>>();
		var today = today();
		for (var entry : counts.entrySet()) {
			// sumThenReset() takes each cell's count atomically, so a request counted meanwhile is in
			// this flush or the next
			var requests = entry.getValue().sumThenReset();
			if (requests > 0) {
				byOrganisation.computeIfAbsent(entry.getKey().organisationId(), k -> new HashMap<>()).put(entry.getKey(), requests);
			}
			else if (entry.getKey().day().isBefore(today)) {
				// a past day's entry that nobody counted on for a whole interval
				counts.remove(entry.getKey(), entry.getValue());
			}
		}
		byOrganisation.forEach((organisationId, rows) -> {
			try {
				transactions.run(Scope.system(organisationId), () -> rows.forEach((key, requests) -> jdbc.sql("""
						insert into module_usage (organisation_id, module, day, requests) values (?, ?, ?, ?)
						on conflict (organisation_id, module, day) do update set requests = module_usage.requests + excluded.requests
						""").params(organisationId, key.module().name(), key.day(), requests).update()));
			}
			catch (DataIntegrityViolationException e) {
				log.warn("Dropped module usage of organisation {}, which the database refused", organisationId, e);
			}
			catch (RuntimeException e) {
				log.warn("Could not record module usage of organisation {}; keeping it for the next flush", organisationId, e);
				rows.forEach(this::add);
			}
		});
	}

	private void add(Key key, long requests) {
		counts.computeIfAbsent(key, k -> new LongAdder()).add(requests);
	}

	private LocalDate today() {
		return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
	}

	private record Key(UUID organisationId, Module module, LocalDate day) {
	}
}
