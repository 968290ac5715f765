package io.atrium.flags;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import io.atrium.database.Scope;
import io.atrium.database.TenantTransactions;

/**
 * Every flag, held in memory so evaluation never reads the database. Each change raises the row
 * in {@code feature_flag_version} in its own transaction; every
 * {@code atrium.flags.refresh-interval} each node reads that one number and reloads the flags when
 * it moved, so a change made on one node is evaluated everywhere within the interval (and at once
 * on the node that made it, which refreshes right after committing).
 */
@Component
class FlagCatalogue {

	private final TenantTransactions transactions;
	private final JdbcClient jdbc;
	private final FlagRows rows;
	private volatile Snapshot snapshot = new Snapshot(-1, Map.of());

	FlagCatalogue(TenantTransactions transactions, JdbcClient jdbc, FlagRows rows) {
		this.transactions = transactions;
		this.jdbc = jdbc;
		this.rows = rows;
	}

	/** All flags as of one version, and an evaluator over exactly those. */
	record Snapshot(long version, Map<String, FeatureFlag> flags) {

		Evaluator evaluator() {
			return new Evaluator(flags);
		}
	}

	Snapshot current() {
		var current = snapshot;
		if (current.version() < 0) {
			refresh();
			current = snapshot;
		}
		return current;
	}

	@Scheduled(fixedDelayString = "${atrium.flags.refresh-interval:1s}")
	synchronized void refresh() {
		transactions.read(Scope.anonymous(), () -> {
			// the version first: flags read after it are at least that new, never older
			var version = jdbc.sql("select version from feature_flag_version where id = 1").query(Long.class).single();
			if (version == snapshot.version()) {
				return null;
			}
			var flags = new LinkedHashMap<String, FeatureFlag>();
			jdbc.sql("select * from feature_flags order by key").query(rows::map).list()
				.forEach(flag -> flags.put(flag.key(), flag));
			snapshot = new Snapshot(version, java.util.Collections.unmodifiableMap(flags));
			return null;
		});
	}
}
