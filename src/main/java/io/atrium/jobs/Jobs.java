package io.atrium.jobs;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Objects;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.SchedulerClient.ScheduleOptions;
import com.github.kagkarlsson.scheduler.task.TaskInstance;

import io.atrium.database.TenantTransactions;

/**
 * Schedules instances of one-time jobs and reports the backlog. Scheduling joins the caller's
 * transaction: a job scheduled by a change that rolls back never runs, one scheduled by a
 * change that commits always does (the outbox pattern without a relay).
 */
@Service
public class Jobs {

	private final SchedulerClient client;
	private final ObjectProvider<Scheduler> worker;
	private final JdbcClient jdbc;
	private final Clock clock;

	Jobs(JobsConfiguration.TransactionalSchedulerClient client, ObjectProvider<Scheduler> worker, JdbcClient jdbc,
			Clock clock) {
		this.client = client.client();
		this.worker = worker;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/**
	 * Schedules the instance {@code id} of a job to run at {@code at} with {@code data}. An instance
	 * already scheduled with that id is moved to {@code at} and given the new data, unless it is
	 * running right now, in which case this returns false and it keeps its own course.
	 */
	public <T> boolean schedule(JobType<T> type, String id, T data, Instant at) {
		Objects.requireNonNull(at, "at");
		var scheduled = client.schedule(new TaskInstance<>(type.name(), id, data), at, ScheduleOptions.WHEN_EXISTS_RESCHEDULE);
		wakeWorkerIfDue(at);
		return scheduled;
	}

	/** Schedules the instance unless one with that id is already scheduled; returns whether it did. */
	public <T> boolean scheduleIfAbsent(JobType<T> type, String id, T data, Instant at) {
		var scheduled = client.scheduleIfNotExists(new TaskInstance<>(type.name(), id, data), at);
		if (scheduled) {
			wakeWorkerIfDue(at);
		}
		return scheduled;
	}

	/** Removes a scheduled instance; does nothing when there is none. */
	public void cancel(JobType<?> type, String id) {
		jdbc.sql("delete from scheduled_tasks where task_name = ? and task_instance = ? and not picked")
			.params(type.name(), id).update();
	}

	/** When the instance is next due, if it is scheduled. */
	public java.util.Optional<Instant> scheduledAt(JobType<?> type, String id) {
		return jdbc.sql("select execution_time from scheduled_tasks where task_name = ? and task_instance = ?")
			.params(type.name(), id).query(OffsetDateTime.class).optional().map(OffsetDateTime::toInstant);
	}

	/** Work waiting per job: how much is scheduled, overdue, running and failing. For the operator console. */
	public JobBacklog backlog() {
		var now = OffsetDateTime.now(clock);
		var queues = jdbc.sql("""
				select task_name,
				       count(*) as scheduled,
				       count(*) filter (where not picked and execution_time <= :now) as due,
				       count(*) filter (where picked) as running,
				       count(*) filter (where coalesce(consecutive_failures, 0) > 0) as failing,
				       min(execution_time) filter (where not picked and execution_time <= :now) as oldest_due
				from scheduled_tasks group by task_name order by task_name
				""").param("now", now).query((rs, n) -> {
			var oldest = rs.getObject("oldest_due", OffsetDateTime.class);
			return new JobBacklog.Queue(rs.getString("task_name"), rs.getLong("scheduled"), rs.getLong("due"),
					rs.getLong("running"), rs.getLong("failing"), oldest == null ? null : oldest.toInstant());
		}).list();
		return JobBacklog.of(queues);
	}

	/** A job due now runs as soon as its transaction commits, not at the next poll. */
	private void wakeWorkerIfDue(Instant at) {
		var scheduler = worker.getIfAvailable();
		if (scheduler == null || at.isAfter(clock.instant())) {
			return;
		}
		TenantTransactions.afterCommit(scheduler::triggerCheckForDueExecutions);
	}
}
