package io.atrium.flags;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A feature flag: named variants (boolean or string values), the default variant, and how a
 * subject is given another one. When the flag is enabled and its prerequisites hold, the first of
 * these that applies wins: an override for the subject's organisation, then the rules in order
 * (all of a rule's conditions must hold, and if it has a rollout the subject's bucket must be in).
 *
 * @param variants variant name to value, in the order they were defined
 * @param lastEvaluatedAt when any node last evaluated it (flushed periodically), null if never
 */
record FeatureFlag(UUID id, String key, String description, Kind kind, Map<String, Object> variants,
		String defaultVariant, boolean enabled, List<OrganisationOverride> overrides, List<Rule> rules,
		List<Prerequisite> prerequisites, Instant createdAt, Instant updatedAt, Instant lastEvaluatedAt, int version) {

	FeatureFlag {
		variants = java.util.Collections.unmodifiableMap(variants == null ? new java.util.LinkedHashMap<>() : new java.util.LinkedHashMap<>(variants));
		overrides = listOf(overrides);
		rules = listOf(rules);
		prerequisites = listOf(prerequisites);
	}

	/** An unmodifiable copy that keeps nulls, so validation can point at them instead of failing to read. */
	static <T> List<T> listOf(List<T> list) {
		return list == null ? List.of() : java.util.Collections.unmodifiableList(new java.util.ArrayList<>(list));
	}

	enum Kind {
		BOOLEAN, STRING
	}

	/** What a targeting condition looks at. */
	enum Attribute {
		ORGANISATION, INDUSTRY, SIC_CODE, ROLE, PLAN
	}

	enum Operator {
		IN, NOT_IN, STARTS_WITH
	}

	/** Whose id keeps a subject in the same rollout bucket. */
	enum Stickiness {
		USER, ORGANISATION
	}

	/** The given organisation always gets this variant. */
	record OrganisationOverride(UUID organisationId, String variant) {
	}

	/** Holds when the subject's attribute is (not) one of the values, or starts with one of them. */
	record Condition(Attribute attribute, Operator operator, List<String> values) {

		Condition {
			values = listOf(values);
		}

		boolean holdsFor(Subject subject) {
			var actual = subject.attribute(attribute);
			return switch (operator) {
				case IN -> actual != null && values.contains(actual);
				case NOT_IN -> actual == null || !values.contains(actual);
				case STARTS_WITH -> actual != null && values.stream().anyMatch(actual::startsWith);
			};
		}
	}

	/**
	 * @param percentage 0 to 100
	 * @param groupId the bucketing group; null for the flag key, so buckets stay put when the percentage changes
	 */
	record Rollout(int percentage, Stickiness stickiness, String groupId) {
	}

	/** @param name optional label shown in admin tools and evaluation metadata */
	record Rule(String name, List<Condition> conditions, Rollout rollout, String variant) {

		Rule {
			conditions = listOf(conditions);
		}
	}

	/** This flag is only evaluated when the other flag gives the subject this variant. */
	record Prerequisite(String flag, String variant) {
	}

	boolean hasTargeting() {
		return !overrides.isEmpty() || !rules.isEmpty();
	}

	/** The group a rollout buckets in: its own group id or the flag key. */
	String groupOf(Rollout rollout) {
		return rollout.groupId() == null || rollout.groupId().isBlank() ? key : rollout.groupId();
	}
}
