package io.atrium.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;

import io.atrium.database.Scope;
import io.atrium.database.TenantTransactions;
import io.atrium.test.AtriumTest;

/** Scheduling one-time jobs: with transactions, running again on request, retrying failures, the backlog. */
@AtriumTest
@Import(JobSchedulingTest.Probes.class)
@TestPropertySource(properties = "db-scheduler.polling-interval=200ms")
class JobSchedulingTest {

	static final JobType<Step> STEP = new JobType<>("test-step", Step.class);

	/** Runs per instance id, with the failures before each. */
	static final Map<String, List<Integer>> runs = new ConcurrentHashMap<>();

	/**
	 * @param again how many more times the instance asks to run again
	 * @param failures how many of its first runs throw
	 */
	record Step(int again, int failures) {
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class Probes {

		@Bean
		OneTimeJob<Step> stepJob() {
			return OneTimeJob.of(STEP, Duration.ofMillis(100), 3, (step, run) -> {
				var previous = runs.computeIfAbsent(run.instanceId(), id -> new CopyOnWriteArrayList<>());
				previous.add(run.consecutiveFailures());
				if (run.consecutiveFailures() < step.failures()) {
					throw new IllegalStateException("failing on purpose");
				}
				var done = previous.size() - step.failures();
				return done <= step.again() ? JobOutcome.runAgainAt(Instant.now()) : JobOutcome.done();
			});
		}
	}

	@Autowired
	Jobs jobs;

	@Autowired
	TenantTransactions transactions;

	@Test
	void aJobScheduledByAChangeThatRollsBackNeverRuns() {
		var rolledBack = UUID.randomUUID().toString();
		var committed = UUID.randomUUID().toString();
		try {
			transactions.run(Scope.anonymous(), () -> {
				jobs.schedule(STEP, rolledBack, new Step(0, 0), Instant.now());
				throw new IllegalStateException("the change failed");
			});
		}
		catch (IllegalStateException expected) {
			// rolled back
		}
		transactions.run(Scope.anonymous(), () -> jobs.schedule(STEP, committed, new Step(0, 0), Instant.now()));

		Eventually.until("the committed job ran", () -> runs.containsKey(committed));
		assertThat(runs).doesNotContainKey(rolledBack);
		assertThat(jobs.scheduledAt(STEP, rolledBack)).isEmpty();
	}

	@Test
	void aJobThatAsksToRunAgainRunsAgain() {
		var id = UUID.randomUUID().toString();

		jobs.schedule(STEP, id, new Step(2, 0), Instant.now());

		Eventually.until("three runs and nothing left", () -> runs.getOrDefault(id, List.of()).size() == 3
				&& jobs.scheduledAt(STEP, id).isEmpty());
	}

	@Test
	void aJobThatFailsIsRetriedUntilItSucceeds() {
		var id = UUID.randomUUID().toString();

		jobs.schedule(STEP, id, new Step(0, 2), Instant.now());

		Eventually.until("it succeeded", () -> runs.getOrDefault(id, List.of()).size() == 3 && jobs.scheduledAt(STEP, id).isEmpty());
		assertThat(runs.get(id)).containsExactly(0, 1, 2);
	}

	@Test
	void theBacklogCountsWaitingAndDueJobs() {
		var later = UUID.randomUUID().toString();
		jobs.schedule(STEP, later, new Step(0, 0), Instant.now().plus(Duration.ofHours(1)));

		var queue = jobs.backlog().queues().stream().filter(q -> q.job().equals(STEP.name())).findFirst().orElseThrow();

		assertThat(queue.scheduled()).isGreaterThanOrEqualTo(1);
		assertThat(jobs.scheduledAt(STEP, later)).isPresent();
		jobs.cancel(STEP, later);
		assertThat(jobs.scheduledAt(STEP, later)).isEmpty();
	}
}
