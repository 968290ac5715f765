package io.atrium.ratelimits;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

import io.atrium.audit.AuditableEvent;
import io.atrium.database.Scope;
import io.atrium.database.TenantTransactions;

/**
 * Records rate-limit rejections on the platform audit trail, where the operator console's
 * security events read them. At most one entry per budget per minute on each node, so a flood of
 * refused requests cannot turn into a flood of database writes.
 */
@Component
class Rejections {

	static final Duration QUIET = Duration.ofMinutes(1);

	private final ConcurrentHashMap<String, Instant> lastRecorded = new ConcurrentHashMap<>();
	private final TenantTransactions transactions;
	private final ApplicationEventPublisher events;
	private final Clock clock;

	Rejections(TenantTransactions transactions, ApplicationEventPublisher events, Clock clock) {
		this.transactions = transactions;
		this.events = events;
		this.clock = clock;
	}

	void record(String policy, String budgetKey, UUID userId, String clientAddress, long retryAfterSeconds) {
		var now = clock.instant();
		var previous = lastRecorded.get(budgetKey);
		if (previous != null && previous.plus(QUIET).isAfter(now)
				|| (previous == null ? lastRecorded.putIfAbsent(budgetKey, now) != null
						: !lastRecorded.replace(budgetKey, previous, now))) {
			return;
		}
		if (lastRecorded.size() > 100_000) {
			lastRecorded.values().removeIf(at -> at.plus(QUIET).isBefore(now));
		}
		transactions.run(Scope.anonymous(),
				() -> events.publishEvent(new RateLimitRejected(policy, budgetKey, userId, clientAddress, retryAfterSeconds)));
	}

	/** A request refused for its budget; platform-level, like sign-in failures. */
	record RateLimitRejected(String policy, String budget, UUID userId, String clientAddress, long retryAfterSeconds)
			implements AuditableEvent {

		public UUID organisationId() {
			return null;
		}

		public String action() {
			return "rate_limit.rejected";
		}

		public String entityType() {
			return "rate_limit";
		}

		public String entityId() {
			return budget;
		}

		public UUID actorId() {
			return userId;
		}

		public Map<String, Object> details() {
			var details = new java.util.TreeMap<String, Object>();
			details.put("policy", policy);
			details.put("retryAfterSeconds", retryAfterSeconds);
			if (clientAddress != null) {
				details.put("clientAddress", clientAddress);
			}
			return details;
		}
	}
}
