package io.atrium.identity;

import org.springframework.http.HttpHeaders;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.BearerTokenErrors;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The access token of {@code Authorization: Bearer <token>} (RFC 6750, section 2.1), and nowhere
 * else: not from query or form parameters. Accepts and refuses what Spring Security's default
 * resolver does, but checks the token's characters in a loop instead of a regular expression,
 * which was a measurable share of every request's CPU time.
 */
final class HeaderBearerTokens implements BearerTokenResolver {

	private static final String SCHEME = "bearer";

	@Override
	public String resolve(HttpServletRequest request) {
		var header = request.getHeader(HttpHeaders.AUTHORIZATION);
		if (header == null || !header.regionMatches(true, 0, SCHEME, 0, SCHEME.length())) {
			return null;
		}
		if (header.length() < SCHEME.length() + 2 || header.charAt(SCHEME.length()) != ' '
				|| !isToken68(header, SCHEME.length() + 1)) {
			throw new OAuth2AuthenticationException(BearerTokenErrors.invalidToken("Bearer token is malformed"));
		}
		return header.substring(SCHEME.length() + 1);
	}

	/** token68: one or more of {@code A-Z a-z 0-9 - . _ ~ + /}, then any number of {@code =}. */
	private static boolean isToken68(String text, int from) {
		var i = from;
		while (i < text.length() && isToken68Char(text.charAt(i))) {
			i++;
		}
		if (i == from) {
			return false;
		}
		while (i < text.length() && text.charAt(i) == '=') {
			i++;
		}
		return i == text.length();
	}

	private static boolean isToken68Char(char c) {
		return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '.' || c == '_'
				|| c == '~' || c == '+' || c == '/';
	}
}
