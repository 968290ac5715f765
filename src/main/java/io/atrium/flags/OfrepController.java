package io.atrium.flags;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.apache.commons.codec.digest.DigestUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import io.atrium.access.Access;
import io.atrium.access.Caller;
import io.atrium.access.OrganisationRole;
import io.atrium.access.Permission;
import io.atrium.api.ApiException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The OpenFeature Remote Evaluation Protocol (https://github.com/open-feature/protocol,
 * service/openapi.yaml): single and bulk evaluation, with OFREP's own response and error shapes
 * (not problem+json) because its clients are OpenFeature providers.
 * <p>
 * Evaluation context: {@code targetingKey} (the sticky id of the person), {@code organisationId}
 * and, for API key callers, {@code role}. With an API key the organisation is the key's (another
 * one in the context is INVALID_CONTEXT); with a bearer token the person is the signed-in user,
 * the organisation is the context's (they must belong to it) and their role is Atrium's. Industry,
 * SIC code and plan always come from Atrium.
 */
@RestController
@Tag(name = "OFREP")
class OfrepController {

	private static final Logger log = LoggerFactory.getLogger(OfrepController.class);

	private final FeatureFlags flags;
	private final FlagSubjects subjects;
	private final Access access;
	private final JsonMapper json;

	OfrepController(FeatureFlags flags, FlagSubjects subjects, Access access, JsonMapper json) {
		this.flags = flags;
		this.subjects = subjects;
		this.access = access;
		this.json = json;
	}

	/** An OFREP error answer; {@code key} is null for bulk and general errors. */
	static final class OfrepFailure extends RuntimeException {

		final HttpStatus status;
		final String key;
		final String errorCode;

		OfrepFailure(HttpStatus status, String key, String errorCode, String details) {
			super(details);
			this.status = status;
			this.key = key;
			this.errorCode = errorCode;
		}
	}

	private record Context(String targetingKey, UUID organisationId, String role) {
	}

	@PostMapping(path = "/ofrep/v1/evaluate/flags/{key}", headers = OfrepSecurity.API_KEY_HEADER)
	@Operation(summary = "Evaluate one flag with an organisation API key (X-API-Key)")
	ResponseEntity<Map<String, Object>> evaluateWithKey(@PathVariable String key,
			@RequestBody(required = false) String body) {
		return single(key, keySubject(parse(body, key), key));
	}

	@PostMapping("/ofrep/v1/evaluate/flags/{key}")
	@Operation(summary = "Evaluate one flag as the signed-in user")
	ResponseEntity<Map<String, Object>> evaluateAsCaller(Caller caller, @AuthenticationPrincipal Jwt jwt,
			@PathVariable String key, @RequestBody(required = false) String body) {
		return single(key, callerSubject(caller, jwt, parse(body, key), key));
	}

	@PostMapping(path = "/ofrep/v1/evaluate/flags", headers = OfrepSecurity.API_KEY_HEADER)
	@Operation(summary = "Evaluate every flag with an organisation API key; 304 when If-None-Match has the current ETag")
	ResponseEntity<Map<String, Object>> evaluateAllWithKey(@RequestBody(required = false) String body,
			@RequestHeader(name = HttpHeaders.IF_NONE_MATCH, required = false) String ifNoneMatch) {
		return bulk(keySubject(parse(body, null), null), ifNoneMatch);
	}

	@PostMapping("/ofrep/v1/evaluate/flags")
	@Operation(summary = "Evaluate every flag as the signed-in user; 304 when If-None-Match has the current ETag")
	ResponseEntity<Map<String, Object>> evaluateAllAsCaller(Caller caller, @AuthenticationPrincipal Jwt jwt,
			@RequestBody(required = false) String body,
			@RequestHeader(name = HttpHeaders.IF_NONE_MATCH, required = false) String ifNoneMatch) {
		return bulk(callerSubject(caller, jwt, parse(body, null), null), ifNoneMatch);
	}

	private ResponseEntity<Map<String, Object>> single(String key, Subject subject) {
		try {
			var evaluation = flags.evaluate(key, subject).orElseThrow(() -> new OfrepFailure(HttpStatus.NOT_FOUND, key,
					"FLAG_NOT_FOUND", "No flag '" + key + "' exists."));
			return ResponseEntity.ok(success(evaluation));
		}
		catch (Evaluator.TargetingKeyMissing e) {
			throw new OfrepFailure(HttpStatus.BAD_REQUEST, key, "TARGETING_KEY_MISSING", e.getMessage());
		}
	}

	private ResponseEntity<Map<String, Object>> bulk(Subject subject, String ifNoneMatch) {
		var items = flags.evaluateAll(subject).outcomes().stream().map(outcome -> outcome.evaluation() != null
				? success(outcome.evaluation()) : failure(outcome.key(), "TARGETING_KEY_MISSING", outcome.targetingKeyMissing()))
			.toList();
		var body = new LinkedHashMap<String, Object>();
		body.put("flags", items);
		var etag = etag(body);
		if (ifNoneMatch != null && matches(ifNoneMatch, etag)) {
			return ResponseEntity.status(HttpStatus.NOT_MODIFIED).eTag(etag).build();
		}
		return ResponseEntity.ok().eTag(etag).body(body);
	}

	private Subject keySubject(Context context, String key) {
		if (!(SecurityContextHolder.getContext().getAuthentication() instanceof OfrepSecurity.OrganisationKey apiKey)) {
			throw new OfrepFailure(HttpStatus.UNAUTHORIZED, null, null, "Send a valid API key as 'X-API-Key'.");
		}
		if (context.organisationId() != null && !context.organisationId().equals(apiKey.organisationId())) {
			throw new OfrepFailure(HttpStatus.BAD_REQUEST, key, "INVALID_CONTEXT",
					"organisationId must be the API key's own organisation or left out.");
		}
		return subjects.of(apiKey.organisationId(), context.targetingKey(), context.role());
	}

	private Subject callerSubject(Caller caller, Jwt jwt, Context context, String key) {
		if (Boolean.TRUE.equals(jwt.getClaimAsBoolean("pcr"))) {
			throw new OfrepFailure(HttpStatus.FORBIDDEN, null, null,
					"Your password is temporary. Change it with POST /api/v1/auth/password/change first.");
		}
		var organisationId = context.organisationId();
		if (organisationId != null) {
			if (!caller.superAdmin() && !caller.memberships().containsKey(organisationId)) {
				throw new OfrepFailure(HttpStatus.FORBIDDEN, null, null, "You do not belong to organisation " + organisationId + ".");
			}
			access.organisation(caller, organisationId, Permission.ORGANISATION_READ);
		}
		return subjects.of(caller, organisationId);
	}

	private Context parse(String body, String key) {
		if (body == null || body.isBlank()) {
			return new Context(null, null, null);
		}
		JsonNode root;
		try {
			root = json.readTree(body);
		}
		catch (JacksonException e) {
			throw new OfrepFailure(HttpStatus.BAD_REQUEST, key, "PARSE_ERROR", "The request body is not valid JSON.");
		}
		if (!root.isObject()) {
			throw new OfrepFailure(HttpStatus.BAD_REQUEST, key, "PARSE_ERROR", "The request body must be a JSON object with a 'context'.");
		}
		var context = root.get("context");
		if (context == null || context.isNull()) {
			return new Context(null, null, null);
		}
		if (!context.isObject()) {
			throw new OfrepFailure(HttpStatus.BAD_REQUEST, key, "INVALID_CONTEXT", "context must be an object.");
		}
		var targetingKey = text(context, "targetingKey", key);
		if (targetingKey != null && (targetingKey.isEmpty() || targetingKey.length() > 256)) {
			throw new OfrepFailure(HttpStatus.BAD_REQUEST, key, "INVALID_CONTEXT", "targetingKey must be 1 to 256 characters.");
		}
		var organisation = text(context, "organisationId", key);
		UUID organisationId = null;
		if (organisation != null) {
			try {
				organisationId = UUID.fromString(organisation);
			}
			catch (IllegalArgumentException e) {
				throw new OfrepFailure(HttpStatus.BAD_REQUEST, key, "INVALID_CONTEXT", "organisationId must be a UUID.");
			}
		}
		var role = text(context, "role", key);
		if (role != null && Arrays.stream(OrganisationRole.values()).noneMatch(r -> r.name().equals(role))) {
			throw new OfrepFailure(HttpStatus.BAD_REQUEST, key, "INVALID_CONTEXT",
					"role must be one of: " + Arrays.toString(OrganisationRole.values()));
		}
		return new Context(targetingKey, organisationId, role);
	}

	private static String text(JsonNode context, String field, String key) {
		var value = context.get(field);
		if (value == null || value.isNull()) {
			return null;
		}
		if (!value.isString()) {
			throw new OfrepFailure(HttpStatus.BAD_REQUEST, key, "INVALID_CONTEXT", field + " must be a string.");
		}
		return value.asString();
	}

	private static Map<String, Object> success(Evaluation evaluation) {
		var metadata = new LinkedHashMap<String, Object>();
		if (evaluation.rule() != null) {
			metadata.put("rule", evaluation.rule());
		}
		if (evaluation.failedPrerequisite() != null) {
			metadata.put("failedPrerequisite", evaluation.failedPrerequisite());
		}
		var result = new LinkedHashMap<String, Object>();
		result.put("key", evaluation.key());
		result.put("value", evaluation.value());
		result.put("reason", evaluation.reason().name());
		result.put("variant", evaluation.variant());
		result.put("metadata", metadata);
		return result;
	}

	private static Map<String, Object> failure(String key, String errorCode, String details) {
		var result = new LinkedHashMap<String, Object>();
		if (key != null) {
			result.put("key", key);
		}
		if (errorCode != null) {
			result.put("errorCode", errorCode);
		}
		result.put("errorDetails", details);
		// not in every error schema, but OpenFeature's Java provider reads it unconditionally
		result.put("metadata", Map.of());
		return result;
	}

	private String etag(Object body) {
		return "\"" + DigestUtils.sha256Hex(json.writeValueAsString(body)).substring(0, 32) + "\"";
	}

	/** If-None-Match (RFC 9110 §13.1.2): a list of entity tags compared weakly, or {@code *}. */
	private static boolean matches(String ifNoneMatch, String etag) {
		return List.of(ifNoneMatch.split(",")).stream().map(String::strip)
			.map(tag -> tag.startsWith("W/") ? tag.substring(2) : tag)
			.anyMatch(tag -> tag.equals("*") || tag.equals(etag));
	}

	@ExceptionHandler(OfrepFailure.class)
	ResponseEntity<Map<String, Object>> failed(OfrepFailure e) {
		return ResponseEntity.status(e.status).body(failure(e.key, e.errorCode, e.getMessage()));
	}

	/** Access decisions (session ended, MFA required, ...) in OFREP's general error shape. */
	@ExceptionHandler(ApiException.class)
	ResponseEntity<Map<String, Object>> refused(ApiException e) {
		var status = e.status() == HttpStatus.NOT_FOUND ? HttpStatus.FORBIDDEN : e.status();
		return ResponseEntity.status(status).body(failure(null, status.is5xxServerError() ? "GENERAL" : null, e.getMessage()));
	}

	@ExceptionHandler(Exception.class)
	ResponseEntity<Map<String, Object>> unexpected(Exception e) {
		log.error("OFREP evaluation failed", e);
		return ResponseEntity.status(HttpStatus.INTERNAL_SERVER_ERROR).body(failure(null, "GENERAL",
				"Something went wrong on our side. Quote the X-Request-Id header of this response when reporting it."));
	}
}
