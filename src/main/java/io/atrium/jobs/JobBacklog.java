package io.atrium.jobs;

import java.time.Instant;
import java.util.List;

/**
 * Scheduled work across the cluster.
 *
 * @param scheduled instances waiting or running
 * @param due instances whose time has come but that no node has picked yet
 * @param running instances being run now
 * @param failing instances whose last run failed and that wait for a retry
 * @param oldestDueAt when the longest-waiting due instance was due; null when nothing is due
 * @param queues the same per job
 */
public record JobBacklog(long scheduled, long due, long running, long failing, Instant oldestDueAt, List<Queue> queues) {

	static JobBacklog of(List<Queue> queues) {
		return new JobBacklog(queues.stream().mapToLong(Queue::scheduled).sum(), queues.stream().mapToLong(Queue::due).sum(),
				queues.stream().mapToLong(Queue::running).sum(), queues.stream().mapToLong(Queue::failing).sum(),
				queues.stream().map(Queue::oldestDueAt).filter(java.util.Objects::nonNull).min(Instant::compareTo).orElse(null),
				List.copyOf(queues));
	}

	/** One job's instances. */
	public record Queue(String job, long scheduled, long due, long running, long failing, Instant oldestDueAt) {
	}
}
