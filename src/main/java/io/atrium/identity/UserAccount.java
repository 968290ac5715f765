package io.atrium.identity;

import java.time.Instant;
import java.util.UUID;

/** A person's identity as other modules see it; never carries secrets. */
public record UserAccount(UUID id, String email, String displayName, Status status, boolean mfaEnabled,
		boolean passwordChangeRequired, Instant lockedUntil, Instant createdAt) {

	public enum Status {
		ACTIVE, DISABLED
	}
}
