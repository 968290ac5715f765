package io.atrium.api;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;

/**
 * A failure the client can act on, answered as RFC 9457 problem+json by {@link ProblemResponses}.
 * Use the factory methods; the problem type names the kind of failure.
 */
public class ApiException extends RuntimeException {

	private final HttpStatus status;
	private final String type;
	private final String title;
	private final Map<String, Object> properties;

	public ApiException(HttpStatus status, String type, String title, String detail, Map<String, Object> properties) {
		super(detail);
		this.status = status;
		this.type = type;
		this.title = title;
		this.properties = properties == null ? Map.of() : Map.copyOf(properties);
	}

	/** The same answer for a missing id and for another organisation's id. */
	public static ApiException notFound(String what) {
		return new ApiException(HttpStatus.NOT_FOUND, "not-found", "Not found",
				"No " + what + " with that id exists, or you may not see it.", null);
	}

	public static ApiException forbidden(String detail) {
		return new ApiException(HttpStatus.FORBIDDEN, "forbidden", "Forbidden", detail, null);
	}

	public static ApiException conflict(String type, String detail) {
		return new ApiException(HttpStatus.CONFLICT, type, "Conflict", detail, null);
	}

	public static ApiException unauthorized(String type, String detail) {
		return new ApiException(HttpStatus.UNAUTHORIZED, type, "Unauthorized", detail, null);
	}

	public static ApiException preconditionFailed(String detail) {
		return new ApiException(HttpStatus.PRECONDITION_FAILED, "stale-version", "Precondition failed", detail, null);
	}

	public static ApiException badRequest(String type, String detail) {
		return new ApiException(HttpStatus.BAD_REQUEST, type, "Bad request", detail, null);
	}

	public static ApiException invalid(String field, String message) {
		return invalid(List.of(new FieldProblem(field, message)));
	}

	public static ApiException invalid(List<FieldProblem> errors) {
		var properties = new LinkedHashMap<String, Object>();
		properties.put("errors", errors);
		return new ApiException(HttpStatus.BAD_REQUEST, "validation", "Invalid input",
				errors.size() == 1 ? errors.get(0).field() + ": " + errors.get(0).message()
						: errors.size() + " fields are invalid; see errors.",
				properties);
	}

	public static ApiException tooManyRequests(String detail, long retryAfterSeconds) {
		return new ApiException(HttpStatus.TOO_MANY_REQUESTS, "rate-limited", "Too many requests", detail,
				Map.of("retryAfterSeconds", retryAfterSeconds));
	}

	public HttpStatus status() {
		return status;
	}

	public String type() {
		return type;
	}

	public String title() {
		return title;
	}

	public Map<String, Object> properties() {
		return properties;
	}

	/** One invalid field: its JSON path and what is wrong with it. */
	public record FieldProblem(String field, String message) {
	}
}
