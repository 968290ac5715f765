package io.atrium.database;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs work in a transaction that row-level security confines to a {@link Scope}. The scope is
 * set with {@code set_config(..., true)}, so it ends with the transaction and never leaks to
 * the next user of a pooled connection. Work that skips this sees no tenant rows at all.
 */
@Component
public class TenantTransactions {

	private final TransactionTemplate writes;
	private final TransactionTemplate reads;
	private final JdbcClient jdbc;

	TenantTransactions(PlatformTransactionManager transactions, JdbcClient jdbc) {
		this.writes = new TransactionTemplate(transactions);
		this.reads = new TransactionTemplate(transactions);
		this.reads.setReadOnly(true);
		this.jdbc = jdbc;
	}

	public <T> T write(Scope scope, Supplier<T> work) {
		return writes.execute(status -> inScope(scope, Map.of(), work));
	}

	public void run(Scope scope, Runnable work) {
		write(scope, () -> {
			work.run();
			return null;
		});
	}

	/**
	 * Runs work for one organisation: inside the running transaction when its scope already is that
	 * organisation's (whoever the user) or the platform's, otherwise in the organisation's system
	 * scope, as {@link #run} would. Saves setting the scope and restoring it (two round trips) where
	 * nothing would change. Only for tables that row-level security confines by organisation alone:
	 * a user's scope hides the rows of sites the user does not hold, which the system scope sees.
	 */
	public void runForOrganisation(UUID organisationId, Runnable work) {
		var current = (Scope) TransactionSynchronizationManager.getResource(this);
		if (current != null && (current.platform() || organisationId.equals(current.organisationId()))) {
			work.run();
			return;
		}
		run(Scope.system(organisationId), work);
	}

	public <T> T read(Scope scope, Supplier<T> work) {
		return reads.execute(status -> inScope(scope, Map.of(), work));
	}

	/**
	 * A read whose transaction also runs with these PostgreSQL settings (planner settings, say), set
	 * in the statement that sets the scope and, like it, ending with the transaction.
	 */
	public <T> T read(Scope scope, Map<String, String> settings, Supplier<T> work) {
		return reads.execute(status -> inScope(scope, settings, work));
	}

	/**
	 * Runs {@code action} once the current transaction has committed (not at all if it rolls back),
	 * or at once when no transaction is running. For hints that need no durability (wake a worker,
	 * drop a cache); work that must not be lost belongs in the transaction or in a job.
	 */
	public static void afterCommit(Runnable action) {
		if (!TransactionSynchronizationManager.isSynchronizationActive()) {
			action.run();
			return;
		}
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
			@Override
			public void afterCommit() {
				action.run();
			}
		});
	}

	private <T> T inScope(Scope scope, Map<String, String> settings, Supplier<T> work) {
		var previous = (Scope) TransactionSynchronizationManager.getResource(this);
		if (scope.equals(previous)) {
			if (!settings.isEmpty()) {
				apply(scope, settings);
			}
			return work.get();
		}
		apply(scope, settings);
		if (previous == null) {
			TransactionSynchronizationManager.bindResource(this, scope);
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCompletion(int status) {
					TransactionSynchronizationManager.unbindResourceIfPossible(TenantTransactions.this);
				}
			});
			return work.get();
		}
		// a nested scope inside a running transaction: restore the outer one afterwards
		TransactionSynchronizationManager.unbindResource(this);
		TransactionSynchronizationManager.bindResource(this, scope);
		try {
			return work.get();
		}
		finally {
			apply(previous, Map.of());
			TransactionSynchronizationManager.unbindResource(this);
			TransactionSynchronizationManager.bindResource(this, previous);
		}
	}

	private void apply(Scope scope, Map<String, String> settings) {
		var sql = new StringBuilder("""
				select set_config('atrium.user_id', :user, true), set_config('atrium.org_id', :org, true),
				       set_config('atrium.site_ids', :sites, true), set_config('atrium.platform', :platform, true)""");
		var values = new HashMap<String, Object>();
		var n = 0;
		for (var setting : settings.entrySet()) {
			sql.append(", set_config(:name").append(n).append(", :value").append(n).append(", true)");
			values.put("name" + n, setting.getKey());
			values.put("value" + n, setting.getValue());
			n++;
		}
		values.put("user", scope.userId() == null ? "" : scope.userId().toString());
		values.put("org", scope.organisationId() == null ? "" : scope.organisationId().toString());
		values.put("sites", scope.siteSetting());
		values.put("platform", scope.platform() ? "on" : "off");
		jdbc.sql(sql.toString()).params(values).query((rs, row) -> 1).single();
	}
}
