package io.atrium.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;

/** The bearer token comes from the Authorization header exactly as Spring Security's own resolver takes it. */
class HeaderBearerTokensTest {

	private final HeaderBearerTokens tokens = new HeaderBearerTokens();
	private final DefaultBearerTokenResolver reference = new DefaultBearerTokenResolver();

	@ParameterizedTest
	@ValueSource(strings = { "Bearer eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiIxIn0.c2ln-_~+/", "bearer abc", "BEARER abc==",
			"Bearer a.b.c=" })
	void takesTheTokenAfterTheScheme(String header) {
		assertThat(tokens.resolve(request(header))).isEqualTo(header.substring("Bearer ".length()))
			.isEqualTo(reference.resolve(request(header)));
	}

	@ParameterizedTest
	@ValueSource(strings = { "Basic dXNlcjpwYXNz", "Digest x", "" })
	void ignoresOtherSchemes(String header) {
		assertThat(tokens.resolve(request(header))).isNull();
		assertThat(reference.resolve(request(header))).isNull();
	}

	@Test
	void ignoresARequestWithoutTheHeader() {
		assertThat(tokens.resolve(new MockHttpServletRequest())).isNull();
	}

	@ParameterizedTest
	@ValueSource(strings = { "Bearer", "Bearer ", "Bearer  abc", "Bearer a b", "Bearer ==", "Bearer ab=c", "Bearerabc",
			"Bearer abc\u00e9", "Bearer abc " })
	void refusesAMalformedTokenAsSpringSecurityDoes(String header) {
		assertThatThrownBy(() -> tokens.resolve(request(header))).isInstanceOf(OAuth2AuthenticationException.class)
			.hasMessage("Bearer token is malformed");
		assertThatThrownBy(() -> reference.resolve(request(header))).isInstanceOf(OAuth2AuthenticationException.class);
	}

	private static MockHttpServletRequest request(String authorization) {
		var request = new MockHttpServletRequest();
		request.addHeader("Authorization", authorization);
		return request;
	}
}
