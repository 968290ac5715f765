package io.atrium.api;

import java.util.Optional;

import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * What the current HTTP request says about itself (id, client address, user agent), for audit
 * entries and session records. Empty outside a request, e.g. in background jobs.
 */
@Component
public class RequestMetadata {

	static final String REQUEST_ID = RequestMetadata.class.getName() + ".requestId";
	static final String CLIENT_ADDRESS = RequestMetadata.class.getName() + ".clientAddress";

	public Optional<String> requestId() {
		return attribute(REQUEST_ID);
	}

	public Optional<String> clientAddress() {
		return attribute(CLIENT_ADDRESS);
	}

	public Optional<String> userAgent() {
		if (RequestContextHolder.getRequestAttributes() instanceof org.springframework.web.context.request.ServletRequestAttributes servlet) {
			var agent = servlet.getRequest().getHeader("User-Agent");
			return Optional.ofNullable(agent).map(a -> a.length() > 300 ? a.substring(0, 300) : a);
		}
		return Optional.empty();
	}

	private static Optional<String> attribute(String name) {
		var attributes = RequestContextHolder.getRequestAttributes();
		return attributes == null ? Optional.empty()
				: Optional.ofNullable((String) attributes.getAttribute(name, RequestAttributes.SCOPE_REQUEST));
	}
}
