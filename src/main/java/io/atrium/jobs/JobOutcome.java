package io.atrium.jobs;

import java.time.Instant;
import java.util.Objects;

/**
 * What a one-time job decided: it is done, or the same instance should run again later (a
 * retry on the job's own schedule, such as a webhook delivery's). Throwing instead counts as a
 * failure and is retried by the job's failure policy.
 */
public sealed interface JobOutcome {

	static JobOutcome done() {
		return Done.INSTANCE;
	}

	/** Runs the same instance, with the same data, again at {@code at}. */
	static JobOutcome runAgainAt(Instant at) {
		return new RunAgain(Objects.requireNonNull(at, "at"));
	}

	enum Done implements JobOutcome {
		INSTANCE
	}

	record RunAgain(Instant at) implements JobOutcome {
	}
}
