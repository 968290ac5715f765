package io.atrium.api;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;

/**
 * Failures that never reach a controller still answer problem+json: the servlet container's
 * error page (a filter threw, or the container refused the request) replaces Boot's default
 * error JSON, and URLs the security firewall rejects (encoded slashes, {@code ..}, {@code ;})
 * are explained rather than answered with a bare 400.
 */
@RestController
class ContainerErrors implements ErrorController {

	private static final Logger log = LoggerFactory.getLogger(ContainerErrors.class);

	private final RequestMetadata metadata;

	ContainerErrors(RequestMetadata metadata) {
		this.metadata = metadata;
	}

	@RequestMapping("${server.error.path:/error}")
	ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
		var status = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE) instanceof Integer code
				? HttpStatus.resolve(code) : null;
		if (status == null) {
			// asked for directly, not as an error page
			return respond(new ApiException(HttpStatus.NOT_FOUND, "http-404", "Not found",
					"Nothing is served at " + request.getRequestURI() + ". The API's paths are listed at /api/v1/docs.", null));
		}
		if (status.is5xxServerError()) {
			log.error("Unexpected failure outside the API's handlers",
					(Throwable) request.getAttribute(RequestDispatcher.ERROR_EXCEPTION));
			return respond(ProblemResponses.internalError(metadata));
		}
		var detail = status == HttpStatus.BAD_REQUEST ? "The request is malformed: check its URL, headers and body."
				: "The request could not be served (" + status.value() + " " + status.getReasonPhrase() + ").";
		return respond(new ApiException(status, "http-" + status.value(), status.getReasonPhrase(), detail, null));
	}

	private static ResponseEntity<ProblemDetail> respond(ApiException e) {
		var problem = ProblemResponses.problem(e.status(), e.type(), e.title(), e.getMessage());
		e.properties().forEach(problem::setProperty);
		return ResponseEntity.status(e.status()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
	}

	@Bean
	static RequestRejectedHandler rejectedRequests(ProblemWriter problems) {
		return (request, response, e) -> problems.write(response, HttpStatus.BAD_REQUEST, "rejected-url", "Bad request",
				"The URL is not accepted: it contains an encoded slash, '//', '..', ';' or another sequence the API refuses. "
						+ "Send the plain path.");
	}
}
