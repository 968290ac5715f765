package io.atrium.flags;

import java.util.Map;

/**
 * Evaluates flags for a subject against one snapshot of all flags (so prerequisites are read
 * from the same snapshot). Pure: no I/O, no clock.
 */
final class Evaluator {

	/** Prerequisite chains are checked for cycles when saved; this only stops a runaway. */
	private static final int MAX_DEPTH = 16;

	private final Map<String, FeatureFlag> flags;

	Evaluator(Map<String, FeatureFlag> flags) {
		this.flags = flags;
	}

	/** The subject lacks the id a user-sticky rollout needs (OpenFeature's TARGETING_KEY_MISSING). */
	static final class TargetingKeyMissing extends RuntimeException {

		TargetingKeyMissing(String key) {
			super("Flag '" + key + "' rolls out by user; the evaluation context needs a targetingKey.");
		}
	}

	Evaluation evaluate(FeatureFlag flag, Subject subject) {
		return evaluate(flag, subject, 0);
	}

	private Evaluation evaluate(FeatureFlag flag, Subject subject, int depth) {
		if (!flag.enabled()) {
			return result(flag, flag.defaultVariant(), Evaluation.Reason.DISABLED, null, null);
		}
		for (var prerequisite : flag.prerequisites()) {
			var required = flags.get(prerequisite.flag());
			if (required == null || depth >= MAX_DEPTH
					|| !prerequisite.variant().equals(evaluate(required, subject, depth + 1).variant())) {
				return result(flag, flag.defaultVariant(), Evaluation.Reason.DISABLED, null, prerequisite.flag());
			}
		}
		for (var override : flag.overrides()) {
			if (override.organisationId().equals(subject.organisationId())) {
				return result(flag, override.variant(), Evaluation.Reason.TARGETING_MATCH, "override", null);
			}
		}
		var rules = flag.rules();
		for (int i = 0; i < rules.size(); i++) {
			var rule = rules.get(i);
			if (!rule.conditions().stream().allMatch(condition -> condition.holdsFor(subject))) {
				continue;
			}
			var label = rule.name() == null || rule.name().isBlank() ? Integer.toString(i) : rule.name();
			var rollout = rule.rollout();
			if (rollout == null) {
				return result(flag, rule.variant(), Evaluation.Reason.TARGETING_MATCH, label, null);
			}
			var sticky = switch (rollout.stickiness()) {
				case USER -> subject.targetingKey();
				case ORGANISATION -> subject.organisationId() == null ? null : subject.organisationId().toString();
			};
			if (sticky == null || sticky.isEmpty()) {
				if (rollout.stickiness() == FeatureFlag.Stickiness.USER) {
					throw new TargetingKeyMissing(flag.key());
				}
				continue;
			}
			if (Bucketing.inRollout(rollout.percentage(), flag.groupOf(rollout), sticky)) {
				return result(flag, rule.variant(), Evaluation.Reason.SPLIT, label, null);
			}
		}
		return result(flag, flag.defaultVariant(),
				flag.hasTargeting() ? Evaluation.Reason.DEFAULT : Evaluation.Reason.STATIC, null, null);
	}

	private static Evaluation result(FeatureFlag flag, String variant, Evaluation.Reason reason, String rule,
			String failedPrerequisite) {
		return new Evaluation(flag.key(), flag.variants().get(variant), variant, reason, rule, failedPrerequisite);
	}
}
