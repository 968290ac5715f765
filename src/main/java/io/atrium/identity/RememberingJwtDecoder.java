package io.atrium.identity;

import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtValidationException;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * Verifies each access token's signature once. A client sends the same token with every request
 * for its whole lifetime, and checking an RS256 signature and parsing the claims is most of what
 * authenticating a request costs; a token seen before is only validated again (expiry, issuer),
 * which is cheap and still refuses it the moment it expires.
 */
class RememberingJwtDecoder implements JwtDecoder {

	private static final int MAX_REMEMBERED = 10_000;

	private final JwtDecoder verifier;
	private final OAuth2TokenValidator<Jwt> validator;
	private final Cache<String, Jwt> verified = Caffeine.newBuilder().maximumSize(MAX_REMEMBERED).build();

	RememberingJwtDecoder(JwtDecoder verifier, OAuth2TokenValidator<Jwt> validator) {
		this.verifier = verifier;
		this.validator = validator;
	}

	@Override
	public Jwt decode(String token) throws JwtException {
		var known = verified.getIfPresent(token);
		if (known == null) {
			known = verifier.decode(token);
			verified.put(token, known);
			return known;
		}
		var result = validator.validate(known);
		if (result.hasErrors()) {
			verified.invalidate(token);
			throw new JwtValidationException(result.getErrors().iterator().next().getDescription(), result.getErrors());
		}
		return known;
	}
}
