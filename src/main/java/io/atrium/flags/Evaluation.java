package io.atrium.flags;

/**
 * The outcome of evaluating one flag for one subject.
 *
 * @param reason an OpenFeature resolution reason
 * @param rule the matching rule's position (0-based) or name, "override" for an organisation override, else null
 * @param failedPrerequisite the prerequisite flag that did not give the required variant, else null
 */
public record Evaluation(String key, Object value, String variant, Reason reason, String rule, String failedPrerequisite) {

	/**
	 * OpenFeature resolution reasons: STATIC (the flag has no targeting), DEFAULT (targeting
	 * matched nothing), TARGETING_MATCH (an override or a rule without rollout), SPLIT (a
	 * percentage rollout), DISABLED (the flag is off or a prerequisite failed).
	 */
	public enum Reason {
		STATIC, DEFAULT, TARGETING_MATCH, SPLIT, DISABLED
	}
}
