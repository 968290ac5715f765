package io.atrium.identity;

import java.time.Duration;
import java.time.Instant;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

import io.atrium.identity.IdentityEvents.SignInFailed;
import io.atrium.identity.IdentityEvents.UserLockedOut;

/**
 * Locks an account after {@code lockoutThreshold} failed sign-in steps (a wrong password or a
 * wrong second-factor code) within {@code lockoutWindow}. Each further lockout lasts twice as
 * long as the one before, up to {@code lockoutMaxDuration}. Runs inside the caller's transaction
 * with the user row locked.
 */
@Component
class Lockout {

	private final Users users;
	private final ApplicationEventPublisher events;
	private final IdentityProperties properties;

	Lockout(Users users, ApplicationEventPublisher events, IdentityProperties properties) {
		this.users = users;
		this.events = events;
		this.properties = properties;
	}

	/** Counts one failed step against the user, locking the account when it reaches the threshold. */
	void failed(Users.StoredUser user, Instant now, String reason) {
		var windowOpen = user.firstFailureAt() != null
				&& user.firstFailureAt().plus(properties.lockoutWindow()).isAfter(now);
		var failures = windowOpen ? user.failedSignIns() + 1 : 1;
		var first = windowOpen ? user.firstFailureAt() : now;
		events.publishEvent(new SignInFailed(user.id(), user.email(), reason));
		if (failures >= properties.lockoutThreshold()) {
			var lockouts = user.lockouts() + 1;
			var until = now.plus(duration(lockouts));
			users.recordFailure(user.id(), 0, null, lockouts, until, now);
			events.publishEvent(new UserLockedOut(user.id(), until));
		}
		else {
			users.recordFailure(user.id(), failures, first, user.lockouts(), user.lockedUntil(), now);
		}
	}

	/** The n-th lockout lasts the base duration doubled n-1 times, capped at the maximum. */
	Duration duration(int lockouts) {
		var duration = properties.lockoutDuration();
		for (int i = 1; i < lockouts && duration.compareTo(properties.lockoutMaxDuration()) < 0; i++) {
			duration = duration.multipliedBy(2);
		}
		return duration.compareTo(properties.lockoutMaxDuration()) > 0 ? properties.lockoutMaxDuration() : duration;
	}
}
