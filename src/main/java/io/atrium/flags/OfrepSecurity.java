package io.atrium.flags;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

/**
 * Authentication for {@code /ofrep/**}, in a chain of its own ahead of the main one (which stays
 * as it is): an organisation's API key in {@code X-API-Key} (OFREP's ApiKeyAuth), or a signed-in
 * user's bearer token as everywhere else. Failures answer in OFREP's error shape.
 */
@Configuration(proxyBeanMethods = false)
class OfrepSecurity {

	static final String API_KEY_HEADER = "X-API-Key";

	@Bean
	@Order(1)
	SecurityFilterChain ofrep(HttpSecurity http, JwtDecoder decoder, FlagApiKeys keys, JsonMapper json) throws Exception {
		var unauthenticated = "Send an organisation API key as 'X-API-Key' or a signed-in user's token as 'Authorization: Bearer <token>'.";
		http.securityMatcher("/ofrep/**")
			.csrf(csrf -> csrf.disable())
			.cors(Customizer.withDefaults())
			.sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.requestCache(cache -> cache.disable())
			.authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
			.addFilterBefore(new ApiKeyFilter(keys, json), BearerTokenAuthenticationFilter.class)
			.oauth2ResourceServer(server -> server.jwt(jwt -> jwt.decoder(decoder))
				.authenticationEntryPoint((request, response, e) -> write(json, response, 401, unauthenticated)))
			.exceptionHandling(errors -> errors
				.authenticationEntryPoint((request, response, e) -> write(json, response, 401, unauthenticated))
				.accessDeniedHandler((request, response, e) -> write(json, response, 403, "You may not evaluate these flags.")));
		return http.build();
	}

	/** OFREP's generalErrorResponse: {@code {"errorDetails": ...}}. */
	static void write(JsonMapper json, HttpServletResponse response, int status, String details) throws IOException {
		response.setStatus(status);
		response.setContentType(MediaType.APPLICATION_JSON_VALUE);
		response.setCharacterEncoding("UTF-8");
		response.getWriter().write(json.writeValueAsString(Map.of("errorDetails", details, "metadata", Map.of())));
	}

	/** The organisation an API key belongs to, as the request's authentication. */
	static final class OrganisationKey extends AbstractAuthenticationToken {

		private final UUID organisationId;

		OrganisationKey(UUID organisationId) {
			super(List.of());
			this.organisationId = organisationId;
			setAuthenticated(true);
		}

		UUID organisationId() {
			return organisationId;
		}

		@Override
		public Object getCredentials() {
			return "";
		}

		@Override
		public Object getPrincipal() {
			return organisationId;
		}
	}

	/** Not a bean, so it runs in this chain only. */
	static final class ApiKeyFilter extends OncePerRequestFilter {

		private final FlagApiKeys keys;
		private final JsonMapper json;

		ApiKeyFilter(FlagApiKeys keys, JsonMapper json) {
			this.keys = keys;
			this.json = json;
		}

		@Override
		protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
				throws ServletException, IOException {
			var presented = request.getHeader(API_KEY_HEADER);
			if (presented == null) {
				chain.doFilter(request, response);
				return;
			}
			var organisation = keys.authenticate(presented);
			if (organisation.isEmpty()) {
				write(json, response, 401, "The API key is not valid or was revoked. Create one at POST /api/v1/organisations/{orgId}/feature-flag-keys.");
				return;
			}
			var context = SecurityContextHolder.getContextHolderStrategy().createEmptyContext();
			context.setAuthentication(new OrganisationKey(organisation.get()));
			SecurityContextHolder.getContextHolderStrategy().setContext(context);
			chain.doFilter(request, response);
		}
	}
}
