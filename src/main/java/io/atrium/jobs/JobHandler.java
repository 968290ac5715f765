package io.atrium.jobs;

/** The work of a one-time job, given the instance's data. */
@FunctionalInterface
public interface JobHandler<T> {

	JobOutcome run(T data, JobRun run) throws Exception;

	/**
	 * Facts about this run.
	 *
	 * @param instanceId the instance's id, unique within its job type
	 * @param consecutiveFailures how many runs before this one threw
	 */
	record JobRun(String instanceId, int consecutiveFailures) {
	}
}
