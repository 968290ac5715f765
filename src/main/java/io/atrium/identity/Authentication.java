package io.atrium.identity;

import java.util.List;
import java.util.UUID;

import org.springframework.security.oauth2.jwt.Jwt;

/**
 * Who an access token says the caller is.
 *
 * @param userId the signed-in user
 * @param sessionId the session the token belongs to
 * @param mfa whether the sign-in passed a second factor
 */
public record Authentication(UUID userId, UUID sessionId, boolean mfa) {

	public static Authentication of(Jwt jwt) {
		List<String> methods = jwt.getClaimAsStringList(AccessTokens.METHODS);
		return new Authentication(UUID.fromString(jwt.getSubject()), UUID.fromString(jwt.getClaimAsString(AccessTokens.SESSION)),
				methods != null && methods.contains("otp"));
	}
}
