package io.atrium.ratelimits;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import io.atrium.api.ApiException;
import io.atrium.api.ProblemWriter;
import io.atrium.entitlements.Entitlements;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Takes a token from every budget a request falls under, before the security chain runs: its
 * client address; sign-in or password reset, for those endpoints; the user of a valid bearer token
 * (its {@code sub}, read by verifying the token without touching the database); the organisation
 * named by the path, sized by its plan. The most specific budget is drawn first, so a refusal
 * rarely wastes a token of the broader ones.
 * <p>
 * Every limited response carries the fields of draft-ietf-httpapi-ratelimit-headers (-09/-10):
 * {@code RateLimit-Policy: "address";q=300;w=60, ...} and {@code RateLimit: "address";r=299;t=1, ...}
 * for each budget drawn; over a budget, 429 problem+json with {@code Retry-After} in seconds.
 */
@Component
class RateLimitFilter extends OncePerRequestFilter implements Ordered {

	/** Before Spring Security's filter chain. */
	static final int ORDER = SecurityFilterProperties.DEFAULT_FILTER_ORDER - 10;

	private final RateLimitProperties properties;
	private final Budgets budgets;
	private final RequestOrganisations organisations;
	private final Entitlements entitlements;
	private final JwtDecoder tokens;
	private final ProblemWriter problems;
	private final Rejections rejections;

	RateLimitFilter(RateLimitProperties properties, Budgets budgets, RequestOrganisations organisations,
			Entitlements entitlements, JwtDecoder tokens, ProblemWriter problems, Rejections rejections) {
		this.rejections = rejections;
		this.properties = properties;
		this.budgets = budgets;
		this.organisations = organisations;
		this.entitlements = entitlements;
		this.tokens = tokens;
		this.problems = problems;
	}

	@Override
	public int getOrder() {
		return ORDER;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		var path = request.getRequestURI().substring(request.getContextPath().length());
		return !properties.enabled() || !(path.startsWith("/api/") || path.startsWith("/ofrep/"))
				|| properties.unlimitedAddresses().contains(request.getRemoteAddr());
	}

	/** One budget a request draws on: its name in the headers, its bucket and its size. */
	private record Budget(String policy, String key, Quota quota) {
	}

	private record Drawn(Budget budget, Budgets.Draw draw) {
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		var drawn = new ArrayList<Drawn>();
		for (var budget : budgetsOf(request)) {
			var draw = budgets.take(budget.key(), budget.quota());
			drawn.add(new Drawn(budget, draw));
			if (!draw.allowed()) {
				refuse(response, drawn, budget, draw);
				rejections.record(budget.policy(), budget.key(), userOf(request), request.getRemoteAddr(),
						seconds(draw.nanosToNextToken()));
				return;
			}
		}
		writeHeaders(response, drawn);
		chain.doFilter(request, response);
	}

	private List<Budget> budgetsOf(HttpServletRequest request) {
		var path = request.getRequestURI().substring(request.getContextPath().length());
		var address = request.getRemoteAddr();
		var budgets = new ArrayList<Budget>();
		if (path.startsWith("/api/v1/auth/login")) {
			budgets.add(new Budget("sign-in", "sign-in:" + address, properties.signIn()));
		}
		else if (path.startsWith("/api/v1/auth/password/reset")) {
			budgets.add(new Budget("password-reset", "password-reset:" + address, properties.passwordReset()));
		}
		organisations.of(path).ifPresent(organisation -> {
			var plan = entitlements.plan(organisation);
			budgets.add(new Budget("organisation", "organisation:" + plan + ":" + organisation, properties.organisation(plan)));
		});
		var user = userOf(request);
		if (user != null) {
			budgets.add(new Budget("user", "user:" + user, properties.user()));
		}
		budgets.add(new Budget("address", "address:" + address, properties.address()));
		return budgets;
	}

	/** The {@code sub} of a bearer token that verifies; an invalid one is the security chain's to refuse. */
	private UUID userOf(HttpServletRequest request) {
		var authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
		if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
			return null;
		}
		try {
			return UUID.fromString(tokens.decode(authorization.substring(7).strip()).getSubject());
		}
		catch (JwtException | IllegalArgumentException | NullPointerException e) {
			return null;
		}
	}

	private void refuse(HttpServletResponse response, List<Drawn> drawn, Budget budget, Budgets.Draw draw) throws IOException {
		var retryAfter = seconds(draw.nanosToNextToken());
		writeHeaders(response, drawn);
		response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(retryAfter));
		problems.write(response, ApiException.tooManyRequests(describe(budget) + " Try again in " + retryAfter + " seconds.",
				retryAfter));
	}

	private static String describe(Budget budget) {
		return switch (budget.policy()) {
			case "sign-in" -> "Too many sign-in attempts from your address (at most " + limit(budget.quota()) + ").";
			case "password-reset" -> "Too many password reset requests from your address (at most " + limit(budget.quota()) + ").";
			case "organisation" -> "This organisation has used its request budget (" + limit(budget.quota())
					+ " on its plan); a bigger plan allows more.";
			case "user" -> "You have used your request budget (" + limit(budget.quota()) + ").";
			default -> "Your address has used its request budget (" + limit(budget.quota()) + ").";
		};
	}

	private static String limit(Quota quota) {
		return quota.requests() + " requests per " + quota.windowSeconds() + " seconds";
	}

	private static void writeHeaders(HttpServletResponse response, List<Drawn> drawn) {
		if (drawn.isEmpty()) {
			return;
		}
		response.setHeader("RateLimit-Policy", drawn.stream()
			.map(d -> "\"" + d.budget().policy() + "\";q=" + d.budget().quota().requests() + ";w=" + d.budget().quota().windowSeconds())
			.collect(Collectors.joining(", ")));
		response.setHeader("RateLimit", drawn.stream()
			.map(d -> "\"" + d.budget().policy() + "\";r=" + Math.max(0, d.draw().remaining()) + ";t=" + seconds(d.draw().nanosToFull()))
			.collect(Collectors.joining(", ")));
	}

	/** Whole seconds, rounded up: a client that waits this long is never early. */
	private static long seconds(long nanos) {
		return nanos <= 0 ? 0 : (nanos + 999_999_999L) / 1_000_000_000L;
	}
}
