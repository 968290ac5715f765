package io.atrium.identity;

import java.util.Optional;
import java.util.UUID;

/**
 * A reason, decided outside identity, why a user who proved their password may not sign in
 * now (e.g. every organisation they belong to is suspended). Asked only after the password
 * matched, so it never tells a stranger anything. Implemented by other modules as beans.
 */
public interface SignInRestriction {

	/** Why the user may not sign in: a problem type and what to do, or empty when they may. */
	Optional<Refusal> refusal(UUID userId);

	/** @param type the problem type, e.g. {@code organisation-suspended} */
	record Refusal(String type, String title, String detail) {
	}
}
