package io.atrium.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Jobs on a cluster: two Atrium nodes (two application contexts) on one database, and nodes
 * that stop and start again.
 */
class DurableJobsTest {

	static final JobType<Probe> PROBE = new JobType<>("test-probe", Probe.class);
	static final Duration TICK = Duration.ofMillis(300);

	/** Which node ran which probe instance. */
	static final Map<String, List<String>> runs = new ConcurrentHashMap<>();
	/** When each occurrence of the recurring probe started. */
	static final List<Instant> ticks = new CopyOnWriteArrayList<>();

	record Probe(String key) {
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class ProbeJobs {

		@Bean
		OneTimeJob<Probe> probeJob(@Value("${test.node}") String node) {
			return OneTimeJob.of(PROBE, (probe, run) -> {
				runs.computeIfAbsent(probe.key(), k -> new CopyOnWriteArrayList<>()).add(node);
				return JobOutcome.done();
			});
		}

		@Bean
		RecurringJob probeTick() {
			return RecurringJob.every("test-tick", TICK, () -> ticks.add(Instant.now()));
		}
	}

	Nodes nodes = new Nodes();

	@AfterEach
	void stopNodes() {
		nodes.close();
	}

	@Test
	void aOneTimeJobRunsExactlyOnceWhenTwoNodesShareTheDatabase() {
		var a = nodes.start(Map.of("test.node", "a"), ProbeJobs.class);
		nodes.start(Map.of("test.node", "b"), ProbeJobs.class);
		var jobs = a.getBean(Jobs.class);
		var keys = new ArrayList<String>();
		for (int i = 0; i < 40; i++) {
			var key = UUID.randomUUID().toString();
			keys.add(key);
			jobs.schedule(PROBE, key, new Probe(key), Instant.now());
		}

		Eventually.until("every probe ran", () -> runs.keySet().containsAll(keys));
		Eventually.until("no probe left scheduled", () -> jobs.backlog().queues().stream()
			.noneMatch(q -> q.job().equals(PROBE.name())));

		for (var key : keys) {
			assertThat(runs.get(key)).as("nodes that ran %s", key).hasSize(1);
		}
	}

	@Test
	void aRecurringJobRunsOncePerPeriodAcrossTwoNodes() {
		nodes.start(Map.of("test.node", "a"), ProbeJobs.class);
		nodes.start(Map.of("test.node", "b"), ProbeJobs.class);
		ticks.clear();

		Eventually.until("eight occurrences", () -> ticks.size() >= 8);

		var sorted = new ArrayList<>(ticks);
		Collections.sort(sorted);
		for (int i = 1; i < sorted.size(); i++) {
			assertThat(Duration.between(sorted.get(i - 1), sorted.get(i)))
				.as("time between occurrence %d and %d", i - 1, i).isGreaterThanOrEqualTo(TICK);
		}
	}

	@Test
	void aJobScheduledBeforeANodeStopsRunsAfterAnotherStartsOnTheSameDatabase() {
		// a node that schedules jobs but runs none, so the job is certainly still waiting when it stops
		var first = nodes.start(Map.of("test.node", "first", "db-scheduler.enabled", "false"), ProbeJobs.class);
		var key = UUID.randomUUID().toString();
		first.getBean(Jobs.class).schedule(PROBE, key, new Probe(key), Instant.now());
		assertThat(first.getBean(Jobs.class).scheduledAt(PROBE, key)).isPresent();
		nodes.stop(first);
		assertThat(runs).doesNotContainKey(key);

		nodes.start(Map.of("test.node", "second"), ProbeJobs.class);

		Eventually.until("the probe ran", () -> runs.containsKey(key));
		assertThat(runs.get(key)).containsExactly("second");
	}
}
