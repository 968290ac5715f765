package io.atrium.api;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.method.ParameterValidationResult;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * The one place that turns failures into RFC 9457 problem+json. Never exposes a stack trace;
 * an unexpected failure answers 500 with the request id to quote.
 */
@RestControllerAdvice
class ProblemResponses extends ResponseEntityExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(ProblemResponses.class);

	static final String TYPE_BASE = "https://atrium.dev/problems/";

	private final RequestMetadata metadata;

	ProblemResponses(RequestMetadata metadata) {
		this.metadata = metadata;
	}

	static ProblemDetail problem(HttpStatusCode status, String type, String title, String detail) {
		var problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setType(URI.create(TYPE_BASE + type));
		problem.setTitle(title);
		return problem;
	}

	@ExceptionHandler(ApiException.class)
	ResponseEntity<ProblemDetail> api(ApiException e) {
		var problem = problem(e.status(), e.type(), e.title(), e.getMessage());
		e.properties().forEach(problem::setProperty);
		var response = ResponseEntity.status(e.status());
		if (e.properties().get("retryAfterSeconds") instanceof Long seconds) {
			response.header(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
		}
		return response.body(problem);
	}

	@ExceptionHandler(MethodArgumentTypeMismatchException.class)
	ResponseEntity<ProblemDetail> typeMismatch(MethodArgumentTypeMismatchException e) {
		var expected = e.getRequiredType() == null ? "value" : readableType(e.getRequiredType());
		var message = "UUID".equals(expected) ? "must be a UUID" : "must be a valid " + expected;
		return api(ApiException.invalid(e.getName(), message));
	}

	@ExceptionHandler(DataIntegrityViolationException.class)
	ResponseEntity<ProblemDetail> integrity(DataIntegrityViolationException e) {
		log.info("Rejected a write that broke a database constraint: {}", e.getMostSpecificCause().getMessage());
		return api(ApiException.conflict("constraint", "The change conflicts with existing data."));
	}

	@ExceptionHandler(Exception.class)
	ResponseEntity<ProblemDetail> unexpected(Exception e) {
		log.error("Unexpected failure", e);
		return api(internalError(metadata));
	}

	/** What a client learns of a failure on our side: nothing but the request id to quote. */
	static ApiException internalError(RequestMetadata metadata) {
		var requestId = metadata.requestId();
		return new ApiException(HttpStatus.INTERNAL_SERVER_ERROR, "internal", "Internal error",
				"Something went wrong on our side. Quote the request id " + requestId.map(id -> "'" + id + "' ").orElse("")
						+ "(the X-Request-Id header of this response) when reporting it.",
				requestId.<java.util.Map<String, Object>>map(id -> java.util.Map.of("requestId", id)).orElse(null));
	}

	@Override
	protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e, HttpHeaders headers,
			HttpStatusCode status, WebRequest request) {
		var errors = new ArrayList<ApiException.FieldProblem>();
		e.getBindingResult().getFieldErrors()
			.forEach(error -> errors.add(new ApiException.FieldProblem(error.getField(), error.getDefaultMessage())));
		e.getBindingResult().getGlobalErrors()
			.forEach(error -> errors.add(new ApiException.FieldProblem(error.getObjectName(), error.getDefaultMessage())));
		return asObject(api(ApiException.invalid(sorted(errors))));
	}

	@Override
	protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException e,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		var errors = new ArrayList<ApiException.FieldProblem>();
		for (ParameterValidationResult result : e.getParameterValidationResults()) {
			var name = result.getMethodParameter().getParameterName();
			result.getResolvableErrors()
				.forEach(error -> errors.add(new ApiException.FieldProblem(name, error.getDefaultMessage())));
		}
		return asObject(api(ApiException.invalid(sorted(errors))));
	}

	@Override
	protected ResponseEntity<Object> handleNoResourceFoundException(NoResourceFoundException e, HttpHeaders headers,
			HttpStatusCode status, WebRequest request) {
		return asObject(api(new ApiException(HttpStatus.NOT_FOUND, "http-404", "Not found", "Nothing is served at "
				+ e.getHttpMethod() + " /" + e.getResourcePath() + ". The API's paths are listed at /api/v1/docs.", null)));
	}

	@Override
	protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e, HttpHeaders headers,
			HttpStatusCode status, WebRequest request) {
		return asObject(api(unreadable(e)));
	}

	@Override
	protected ResponseEntity<Object> createResponseEntity(Object body, HttpHeaders headers, HttpStatusCode statusCode,
			WebRequest request) {
		// Spring's own problems (404, 405, 415, ...) carry no type, or about:blank: give them ours
		if (body instanceof ProblemDetail problem
				&& (problem.getType() == null || "about:blank".equals(problem.getType().toString()))) {
			problem.setType(URI.create(TYPE_BASE + "http-" + statusCode.value()));
		}
		return super.createResponseEntity(body, headers, statusCode, request);
	}

	private static ApiException unreadable(HttpMessageNotReadableException e) {
		var cause = e.getMostSpecificCause();
		if (cause instanceof RequestBodyTooLarge tooLarge) {
			return new ApiException(HttpStatus.CONTENT_TOO_LARGE, "body-too-large", "Request body too large",
					tooLarge.getMessage(), null);
		}
		if (cause instanceof UnrecognizedPropertyException unknown) {
			return ApiException.invalid(path(unknown), "is not a known field");
		}
		if (cause instanceof InvalidFormatException format) {
			var target = format.getTargetType();
			if (target == String.class) {
				return ApiException.invalid(path(format), "must not contain control characters");
			}
			if (target != null && target.isEnum()) {
				var allowed = java.util.Arrays.stream(target.getEnumConstants()).map(Object::toString)
					.collect(Collectors.joining(", "));
				return ApiException.invalid(path(format), "must be one of: " + allowed);
			}
			return ApiException.invalid(path(format),
					"must be a valid " + (target == null ? "value" : readableType(target)));
		}
		if (cause instanceof MismatchedInputException mismatch && !mismatch.getPath().isEmpty()) {
			var target = mismatch.getTargetType();
			return ApiException.invalid(path(mismatch),
					"has the wrong type" + (target == null ? "" : "; expected " + readableType(target)));
		}
		if (cause instanceof JacksonException json && json.getCause() instanceof ApiException api) {
			return api;
		}
		if (cause instanceof ApiException api) {
			return api;
		}
		if (cause instanceof JacksonException json) {
			var location = json.getLocation() == null ? ""
					: " at line " + json.getLocation().getLineNr() + ", column " + json.getLocation().getColumnNr();
			return ApiException.badRequest("malformed-json", "The request body is not valid JSON" + location + ".");
		}
		return ApiException.badRequest("malformed-json", "The request body is missing or not valid JSON.");
	}

	private static String readableType(Class<?> type) {
		return switch (type.getSimpleName()) {
			case "UUID" -> "UUID";
			case "Integer", "int", "Long", "long" -> "whole number";
			case "Boolean", "boolean" -> "boolean";
			case "String" -> "string";
			case "LocalDateTime" -> "ISO-8601 local date-time";
			case "Instant", "OffsetDateTime" -> "ISO-8601 date-time";
			default -> type.getSimpleName();
		};
	}

	private static String path(JacksonException e) {
		var parts = new StringBuilder();
		for (var reference : e.getPath()) {
			if (reference.getPropertyName() != null) {
				if (!parts.isEmpty()) {
					parts.append('.');
				}
				parts.append(reference.getPropertyName());
			}
			else if (reference.getIndex() >= 0) {
				parts.append('[').append(reference.getIndex()).append(']');
			}
		}
		return parts.isEmpty() ? "body" : parts.toString();
	}

	private static List<ApiException.FieldProblem> sorted(List<ApiException.FieldProblem> errors) {
		return errors.stream()
			.sorted(java.util.Comparator.comparing(ApiException.FieldProblem::field)
				.thenComparing(ApiException.FieldProblem::message))
			.toList();
	}

	@SuppressWarnings("unchecked")
	private static ResponseEntity<Object> asObject(ResponseEntity<?> response) {
		return (ResponseEntity<Object>) response;
	}
}
