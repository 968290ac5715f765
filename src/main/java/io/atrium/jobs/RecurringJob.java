package io.atrium.jobs;

import java.time.Duration;
import java.time.ZoneId;

import com.github.kagkarlsson.scheduler.task.ExecutionContext;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.schedule.Schedule;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;

/**
 * Periodic work (trash purge, analytics roll-ups). Declare one as a bean; it is scheduled when
 * the first node starts and each occurrence runs on exactly one node. A run that throws is
 * retried at its next occurrence.
 */
public final class RecurringJob extends RecurringTask<Void> {

	private final Runnable work;

	private RecurringJob(String name, Schedule schedule, Runnable work) {
		super(name, schedule, Void.class);
		this.work = work;
	}

	/** Runs {@code work} again {@code delay} after each run ends. */
	public static RecurringJob every(String name, Duration delay, Runnable work) {
		return new RecurringJob(JobType.requireValidName(name), Schedules.fixedDelay(delay), work);
	}

	/** Runs {@code work} on a cron schedule (Spring's six fields: second minute hour day month weekday). */
	public static RecurringJob cron(String name, String cron, ZoneId zone, Runnable work) {
		return new RecurringJob(JobType.requireValidName(name), Schedules.cron(cron, zone), work);
	}

	@Override
	public void executeRecurringly(TaskInstance<Void> instance, ExecutionContext context) {
		work.run();
	}
}
