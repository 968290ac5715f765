package io.atrium.identity;

import java.time.Clock;
import java.util.List;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsConfigurationSource;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;

import io.atrium.api.ApiProperties;
import io.atrium.api.ProblemWriter;

/**
 * Stateless bearer-token security for the API, problem+json for 401 and 403, and the security
 * headers every response carries.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	/** Paths anyone may call. */
	static final String[] PUBLIC = { "/api/v1/auth/login", "/api/v1/auth/login/mfa", "/api/v1/auth/refresh",
			"/api/v1/auth/password/reset", "/api/v1/auth/password/reset/confirm", "/.well-known/jwks.json",
			"/api/v1/openapi.json", "/api/v1/openapi.json/**", "/api/v1/docs", "/api/v1/docs/**", "/api/v1/swagger-ui/**",
			"/health", "/ready", "/error" };

	static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
			+ "img-src 'self' data:; font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self'; "
			+ "form-action 'self'; frame-ancestors 'none'";

	@Bean
	SecurityFilterChain api(HttpSecurity http, JwtDecoder decoder, ProblemWriter problems) throws Exception {
		http.csrf(csrf -> csrf.disable())
			.cors(Customizer.withDefaults())
			.sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.requestCache(cache -> cache.disable())
			.headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
				.referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN))
				.frameOptions(frames -> frames.deny()))
			.authorizeHttpRequests(requests -> requests.requestMatchers(PUBLIC).permitAll()
				.requestMatchers("/api/**", "/ofrep/**").authenticated()
				.anyRequest().permitAll())
			.oauth2ResourceServer(server -> server.jwt(jwt -> jwt.decoder(decoder))
				.authenticationEntryPoint((request, response, e) -> problems.write(response, HttpStatus.UNAUTHORIZED,
						"unauthenticated", "Unauthorized", "Sign in and send the access token as 'Authorization: Bearer <token>'."))
				.accessDeniedHandler((request, response, e) -> problems.write(response, HttpStatus.FORBIDDEN, "forbidden",
						"Forbidden", "You may not do this.")))
			.exceptionHandling(errors -> errors
				.authenticationEntryPoint((request, response, e) -> problems.write(response, HttpStatus.UNAUTHORIZED,
						"unauthenticated", "Unauthorized", "Sign in and send the access token as 'Authorization: Bearer <token>'."))
				.accessDeniedHandler((request, response, e) -> problems.write(response, HttpStatus.FORBIDDEN, "forbidden",
						"Forbidden", "You may not do this.")))
			.addFilterAfter(new PasswordChangeGate(problems), BearerTokenAuthenticationFilter.class);
		return http.build();
	}

	/**
	 * Spring Security observes nothing itself: {@code http.server.requests} is what Atrium reports.
	 * Turning its observations off by name (an observation predicate) still left every filter of
	 * every request wrapped for observation; without observed requests the chain is not wrapped.
	 */
	@Bean
	static SecurityObservationSettings securityObservations() {
		return SecurityObservationSettings.noObservations();
	}

	/** Used by every filter chain that reads access tokens (Spring Security looks the bean up). */
	@Bean
	BearerTokenResolver bearerTokenResolver() {
		return new HeaderBearerTokens();
	}

	@Bean
	JwtDecoder jwtDecoder(SigningKeys keys, IdentityProperties properties, Clock clock) {
		var decoder = NimbusJwtDecoder.withPublicKey(keys.publicKey()).build();
		// expiry is judged by the same clock that issued the token
		var timestamps = new JwtTimestampValidator();
		timestamps.setClock(clock);
		var validator = JwtValidators.createDefaultWithValidators(new JwtIssuerValidator(properties.issuer()), timestamps);
		decoder.setJwtValidator(validator);
		return new RememberingJwtDecoder(decoder, validator);
	}

	@Bean
	CorsConfigurationSource corsConfigurationSource(ApiProperties properties) {
		var source = new UrlBasedCorsConfigurationSource();
		if (!properties.corsOrigins().isEmpty()) {
			var cors = new CorsConfiguration();
			cors.setAllowedOrigins(properties.corsOrigins());
			cors.setAllowedMethods(List.of("GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"));
			cors.setAllowedHeaders(List.of("Authorization", "Content-Type", "If-Match", "If-None-Match", "X-API-Key", "X-Request-Id"));
			cors.setExposedHeaders(List.of("ETag", "Location", "X-Request-Id", "Retry-After", "RateLimit", "RateLimit-Policy"));
			cors.setMaxAge(3600L);
			source.registerCorsConfiguration("/**", cors);
		}
		return source;
	}
}
