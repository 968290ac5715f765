/**
 * Durable background work on PostgreSQL (db-scheduler): one-time jobs that survive restarts and
 * run once even when several Atrium nodes share the database, and recurring jobs that run once
 * per period across the cluster.
 * <p>
 * Declare a job as a bean: {@link io.atrium.jobs.OneTimeJob#of} for work scheduled per case
 * (scheduled with {@link io.atrium.jobs.Jobs#schedule}) or {@link io.atrium.jobs.RecurringJob#every}
 * for periodic work. Scheduling inside a transaction commits or rolls back with it.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Jobs", allowedDependencies = { "database", "api" })
package io.atrium.jobs;
