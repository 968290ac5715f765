package io.atrium.flags;

import java.util.List;
import java.util.Map;

import jakarta.validation.constraints.Size;

/**
 * A change to a flag, applied now (PATCH) or at a scheduled time. Null fields are left as they
 * are; lists given replace the whole list.
 */
record FlagChanges(
		@Size(max = 1000) String description,
		Map<String, Object> variants,
		String defaultVariant,
		Boolean enabled,
		List<FeatureFlag.OrganisationOverride> overrides,
		List<FeatureFlag.Rule> rules,
		List<FeatureFlag.Prerequisite> prerequisites) {

	boolean isEmpty() {
		return description == null && variants == null && defaultVariant == null && enabled == null && overrides == null
				&& rules == null && prerequisites == null;
	}

	FeatureFlag applyTo(FeatureFlag flag) {
		return new FeatureFlag(flag.id(), flag.key(), description != null ? description : flag.description(), flag.kind(),
				variants != null ? variants : flag.variants(),
				defaultVariant != null ? defaultVariant : flag.defaultVariant(),
				enabled != null ? enabled : flag.enabled(), overrides != null ? overrides : flag.overrides(),
				rules != null ? rules : flag.rules(), prerequisites != null ? prerequisites : flag.prerequisites(),
				flag.createdAt(), flag.updatedAt(), flag.lastEvaluatedAt(), flag.version());
	}
}
