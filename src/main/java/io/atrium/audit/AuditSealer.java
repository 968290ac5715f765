package io.atrium.audit;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import io.atrium.database.Scope;
import io.atrium.database.TenantTransactions;

/**
 * Links committed audit entries into their chain: numbers them, and hashes each over its
 * contents and the entry before. A commit asks for its chain to be sealed soon; one worker per
 * node drains those requests a moment later ({@code atrium.audit.seal-delay}), many entries per
 * transaction, so a busy organisation's entries are sealed in batches instead of one transaction
 * (and one WAL flush) each. Readers seal before they read, so the trail
 * they see is complete; a sweep picks up entries whose node stopped before sealing them.
 * Two nodes sealing the same chain take turns on its head row ({@code seal_audit_chain}, V64).
 * A sealed entry's place in the chain is a row of its own ({@code audit_chain_links}), so the
 * entry itself is written once and never changed.
 */
@Component
class AuditSealer implements DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(AuditSealer.class);

	/** Entries linked per transaction. */
	static final int BATCH = 1000;

	private final TenantTransactions transactions;
	private final JdbcClient jdbc;
	private final ConcurrentHashMap.KeySetView<UUID, Boolean> waiting = ConcurrentHashMap.newKeySet();
	private final AtomicBoolean draining = new AtomicBoolean();
	private final ScheduledExecutorService worker = Executors.newSingleThreadScheduledExecutor(
			Thread.ofPlatform().name("audit-sealer").daemon().factory());
	private final Duration delay;

	AuditSealer(TenantTransactions transactions, JdbcClient jdbc, @Value("${atrium.audit.seal-delay:50ms}") Duration delay) {
		this.transactions = transactions;
		this.jdbc = jdbc;
		this.delay = delay;
	}

	/** Asks for the chain to be sealed shortly, on the sealing worker, together with whatever else arrives meanwhile. */
	void soon(UUID chain) {
		waiting.add(chain);
		schedule();
	}

	private void schedule() {
		if (draining.compareAndSet(false, true)) {
			try {
				worker.schedule(this::drain, delay.toMillis(), TimeUnit.MILLISECONDS);
			}
			catch (RejectedExecutionException stopping) {
				// shutting down: the sweep of the next start seals it
				draining.set(false);
			}
		}
	}

	/** Seals every waiting entry of the chain now, in the caller's thread; answers how many. */
	long now(UUID chain) {
		long sealed = 0;
		int linked;
		do {
			linked = transactions.write(scopeOf(chain),
					() -> jdbc.sql("select seal_audit_chain(?, ?)").params(chain, BATCH).query(Integer.class).single());
			sealed += linked;
		}
		while (linked == BATCH);
		return sealed;
	}

	/** Entries left unsealed by a node that stopped between commit and sealing. */
	@Scheduled(fixedDelayString = "${atrium.audit.seal-sweep-interval:10s}", initialDelayString = "${atrium.audit.seal-sweep-interval:10s}")
	void sweep() {
		transactions.read(Scope.anonymous(), () -> jdbc.sql("select distinct chain_key from audit_unsealed").query(UUID.class).list())
			.forEach(this::soon);
	}

	private void drain() {
		for (var chain : waiting) {
			waiting.remove(chain);
			try {
				now(chain);
			}
			catch (RuntimeException e) {
				// left in audit_unsealed: the next reader or the sweep seals it
				log.warn("Sealing audit chain {} failed; will retry", chain, e);
			}
		}
		draining.set(false);
		if (!waiting.isEmpty()) {
			// asked for while this drain ran
			schedule();
		}
	}

	private static Scope scopeOf(UUID chain) {
		return AuditTrail.PLATFORM_CHAIN.equals(chain) ? Scope.platform(null) : Scope.system(chain);
	}

	@Override
	public void destroy() {
		worker.shutdown();
	}
}
