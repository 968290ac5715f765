package io.atrium.jobs;

import java.time.Duration;

import com.github.kagkarlsson.scheduler.task.AbstractTask;
import com.github.kagkarlsson.scheduler.task.CompletionHandler;
import com.github.kagkarlsson.scheduler.task.DeadExecutionHandler;
import com.github.kagkarlsson.scheduler.task.ExecutionContext;
import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.SchedulableInstance;
import com.github.kagkarlsson.scheduler.task.SchedulableTaskInstance;
import com.github.kagkarlsson.scheduler.task.TaskInstance;

/**
 * A kind of one-time work. Declare one as a bean (the scheduler finds every job bean); schedule
 * instances of it with {@link Jobs#schedule}. An instance runs once, on one node; a node that
 * dies mid-run has the instance picked up again by another (so handlers must tolerate running
 * twice: check state first). A handler that throws is retried with exponential backoff.
 */
public final class OneTimeJob<T> extends AbstractTask<T> {

	static final Duration FIRST_RETRY = Duration.ofSeconds(30);
	static final int MAX_RETRIES = 12;

	private final JobHandler<T> handler;

	private OneTimeJob(JobType<T> type, JobHandler<T> handler, FailureHandler<T> failures) {
		super(type.name(), type.dataType(), failures, new DeadExecutionHandler.ReviveDeadExecution<>());
		this.handler = handler;
	}

	/** A job whose failures are retried after 30 s, doubling each time, at most 12 times. */
	public static <T> OneTimeJob<T> of(JobType<T> type, JobHandler<T> handler) {
		return of(type, FIRST_RETRY, MAX_RETRIES, handler);
	}

	/** A job whose failures are retried after {@code firstRetry}, doubling each time, at most {@code maxRetries} times. */
	public static <T> OneTimeJob<T> of(JobType<T> type, Duration firstRetry, int maxRetries, JobHandler<T> handler) {
		return new OneTimeJob<>(type, handler, new FailureHandler.MaxRetriesFailureHandler<>(maxRetries,
				new FailureHandler.ExponentialBackoffFailureHandler<>(firstRetry)));
	}

	@Override
	public CompletionHandler<T> execute(TaskInstance<T> instance, ExecutionContext context) {
		JobOutcome outcome;
		try {
			outcome = handler.run(instance.getData(),
					new JobHandler.JobRun(instance.getId(), context.getExecution().consecutiveFailures));
		}
		catch (RuntimeException e) {
			throw e;
		}
		catch (Exception e) {
			throw new JobFailed(getName(), e);
		}
		return switch (outcome) {
			case JobOutcome.Done done -> new CompletionHandler.OnCompleteRemove<>();
			case JobOutcome.RunAgain again -> (complete, operations) -> operations.reschedule(complete, again.at());
		};
	}

	@Override
	public SchedulableInstance<T> schedulableInstance(String id) {
		return new SchedulableTaskInstance<>(instance(id), (now) -> now);
	}

	@Override
	public SchedulableInstance<T> schedulableInstance(String id, T data) {
		return new SchedulableTaskInstance<>(instance(id, data), (now) -> now);
	}

	static final class JobFailed extends RuntimeException {

		JobFailed(String job, Exception cause) {
			super("Job " + job + " failed: " + cause.getMessage(), cause);
		}
	}
}
