package io.atrium.identity;

import java.io.IOException;
import java.util.Set;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.filter.OncePerRequestFilter;

import io.atrium.api.ProblemWriter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/** Until a temporary password is changed, the only things its token may do are change it, look at itself and sign out. */
/** Not a bean: registered inside the security chain only, after the bearer token is read. */
class PasswordChangeGate extends OncePerRequestFilter {

	static final Set<String> ALLOWED = Set.of("/api/v1/auth/password/change", "/api/v1/auth/me", "/api/v1/auth/logout");

	private final ProblemWriter problems;

	PasswordChangeGate(ProblemWriter problems) {
		this.problems = problems;
	}

	@Override
	protected boolean shouldNotFilterAsyncDispatch() {
		return true;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (SecurityContextHolder.getContext().getAuthentication() instanceof JwtAuthenticationToken token
				&& Boolean.TRUE.equals(token.getToken().getClaimAsBoolean(AccessTokens.PASSWORD_CHANGE_REQUIRED))
				&& !ALLOWED.contains(request.getRequestURI())) {
			problems.write(response, HttpStatus.FORBIDDEN, "password-change-required", "Password change required",
					"Your password is temporary. Change it with POST /api/v1/auth/password/change before doing anything else.");
			return;
		}
		chain.doFilter(request, response);
	}
}
