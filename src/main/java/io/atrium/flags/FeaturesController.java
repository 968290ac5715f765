package io.atrium.flags;

import java.util.List;
import java.util.UUID;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.atrium.access.Access;
import io.atrium.access.Caller;
import io.atrium.access.Permission;
import io.atrium.api.ApiException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * Flags as the signed-in caller gets them. The organisation context is the {@code organisation}
 * query parameter; the caller must belong to it (404 otherwise, as for any organisation they
 * cannot see). Without it, flags are evaluated for the caller alone: organisation overrides,
 * organisation targeting and organisation-sticky rollouts do not apply.
 */
@RestController
@RequestMapping("/api/v1/features")
@Tag(name = "Feature flags")
class FeaturesController {

	private final FeatureFlags flags;
	private final FlagSubjects subjects;
	private final Access access;

	FeaturesController(FeatureFlags flags, FlagSubjects subjects, Access access) {
		this.flags = flags;
		this.subjects = subjects;
		this.access = access;
	}

	/**
	 * @param reason STATIC, DEFAULT, TARGETING_MATCH, SPLIT or DISABLED
	 * @param failedPrerequisite the prerequisite flag that kept this one off, if any
	 */
	record FlagValue(String key, Object value, String variant, Evaluation.Reason reason, String failedPrerequisite) {

		static FlagValue of(Evaluation evaluation) {
			return new FlagValue(evaluation.key(), evaluation.value(), evaluation.variant(), evaluation.reason(),
					evaluation.failedPrerequisite());
		}
	}

	record FlagValues(UUID organisationId, List<FlagValue> flags) {
	}

	@GetMapping("/enabled")
	@Operation(summary = "Every flag evaluated for you, in an organisation you belong to (?organisation=)")
	FlagValues all(Caller caller, @RequestParam(name = "organisation", required = false) UUID organisationId) {
		var subject = subjects.of(caller, checked(caller, organisationId));
		var values = flags.evaluateAll(subject).outcomes().stream()
			.filter(outcome -> outcome.evaluation() != null)
			.map(outcome -> FlagValue.of(outcome.evaluation())).toList();
		return new FlagValues(organisationId, values);
	}

	@GetMapping("/{key}")
	@Operation(summary = "One flag evaluated for you: value, variant and reason")
	FlagValue one(Caller caller, @PathVariable String key,
			@RequestParam(name = "organisation", required = false) UUID organisationId) {
		var subject = subjects.of(caller, checked(caller, organisationId));
		return flags.evaluate(key, subject).map(FlagValue::of).orElseThrow(() -> ApiException.notFound("feature flag"));
	}

	private UUID checked(Caller caller, UUID organisationId) {
		if (organisationId != null) {
			access.organisation(caller, organisationId, Permission.ORGANISATION_READ);
		}
		return organisationId;
	}
}
