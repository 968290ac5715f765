package io.atrium.api;

import java.io.IOException;
import java.util.UUID;
import java.util.regex.Pattern;

import org.slf4j.MDC;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Gives every request an id: the caller's {@code X-Request-Id} when it is a sane token,
 * otherwise a new one. It is echoed in the response, kept in the log context and recorded
 * with audit entries.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class RequestIds extends OncePerRequestFilter {

	static final String HEADER = "X-Request-Id";

	private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		var offered = request.getHeader(HEADER);
		var id = offered != null && SANE.matcher(offered).matches() ? offered : UUID.randomUUID().toString();
		request.setAttribute(RequestMetadata.REQUEST_ID, id);
		request.setAttribute(RequestMetadata.CLIENT_ADDRESS, request.getRemoteAddr());
		response.setHeader(HEADER, id);
		MDC.put("requestId", id);
		try {
			chain.doFilter(request, response);
		}
		finally {
			MDC.remove("requestId");
			MDC.remove("organisationId");
			MDC.remove("userId");
		}
	}
}
