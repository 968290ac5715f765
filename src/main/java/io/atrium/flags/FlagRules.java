package io.atrium.flags;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import io.atrium.access.OrganisationRole;
import io.atrium.api.ApiException.FieldProblem;
import io.atrium.entitlements.Plan;
import io.atrium.tenancy.Industry;

/**
 * What makes a flag definition valid, checked against the other flags it may depend on. Every
 * problem is reported at once, with the JSON path of the offending field.
 */
final class FlagRules {

	static final String KEY = "^[a-z0-9][a-z0-9._-]{0,99}$";
	static final Pattern VARIANT = Pattern.compile("^[A-Za-z0-9][A-Za-z0-9._-]{0,49}$");
	static final Pattern GROUP = Pattern.compile("^[A-Za-z0-9][A-Za-z0-9._:-]{0,99}$");
	static final int MAX_VARIANTS = 20;
	static final int MAX_OVERRIDES = 1000;
	static final int MAX_RULES = 50;
	static final int MAX_CONDITIONS = 20;
	static final int MAX_VALUES = 1000;
	static final int MAX_PREREQUISITES = 10;

	private FlagRules() {
	}

	static List<FieldProblem> problems(FeatureFlag flag, Map<String, FeatureFlag> others) {
		var problems = new ArrayList<FieldProblem>();
		variants(flag, problems);
		if (flag.description() != null && flag.description().length() > 1000) {
			problems.add(new FieldProblem("description", "must be at most 1000 characters"));
		}
		if (!flag.variants().containsKey(flag.defaultVariant())) {
			problems.add(new FieldProblem("defaultVariant", "must name one of the variants"));
		}
		overrides(flag, problems);
		rules(flag, problems);
		prerequisites(flag, others, problems);
		return problems;
	}

	private static void variants(FeatureFlag flag, List<FieldProblem> problems) {
		if (flag.variants().isEmpty() || flag.variants().size() > MAX_VARIANTS) {
			problems.add(new FieldProblem("variants", "must have between 1 and " + MAX_VARIANTS + " variants"));
		}
		flag.variants().forEach((name, value) -> {
			if (!VARIANT.matcher(name).matches()) {
				problems.add(new FieldProblem("variants." + name,
						"name must be 1 to 50 letters, digits, dots, underscores or hyphens"));
			}
			if (flag.kind() == FeatureFlag.Kind.BOOLEAN && !(value instanceof Boolean)) {
				problems.add(new FieldProblem("variants." + name, "must be true or false in a BOOLEAN flag"));
			}
			if (flag.kind() == FeatureFlag.Kind.STRING && !(value instanceof String text && text.length() <= 1000)) {
				problems.add(new FieldProblem("variants." + name, "must be a string of at most 1000 characters in a STRING flag"));
			}
		});
	}

	private static void overrides(FeatureFlag flag, List<FieldProblem> problems) {
		if (flag.overrides().size() > MAX_OVERRIDES) {
			problems.add(new FieldProblem("overrides", "may have at most " + MAX_OVERRIDES + " entries"));
		}
		var seen = new HashSet<UUID>();
		for (int i = 0; i < flag.overrides().size(); i++) {
			var override = flag.overrides().get(i);
			var path = "overrides[" + i + "]";
			if (override == null || override.organisationId() == null) {
				problems.add(new FieldProblem(path + ".organisationId", "must not be null"));
				continue;
			}
			if (!seen.add(override.organisationId())) {
				problems.add(new FieldProblem(path + ".organisationId", "is overridden more than once"));
			}
			variant(flag, override.variant(), path + ".variant", problems);
		}
	}

	private static void rules(FeatureFlag flag, List<FieldProblem> problems) {
		if (flag.rules().size() > MAX_RULES) {
			problems.add(new FieldProblem("rules", "may have at most " + MAX_RULES + " rules"));
		}
		for (int i = 0; i < flag.rules().size(); i++) {
			var rule = flag.rules().get(i);
			var path = "rules[" + i + "]";
			if (rule == null) {
				problems.add(new FieldProblem(path, "must not be null"));
				continue;
			}
			if (rule.name() != null && rule.name().length() > 100) {
				problems.add(new FieldProblem(path + ".name", "must be at most 100 characters"));
			}
			if (rule.conditions().isEmpty() && rule.rollout() == null) {
				problems.add(new FieldProblem(path, "needs conditions, a rollout or both"));
			}
			if (rule.conditions().size() > MAX_CONDITIONS) {
				problems.add(new FieldProblem(path + ".conditions", "may have at most " + MAX_CONDITIONS + " conditions"));
			}
			for (int c = 0; c < rule.conditions().size(); c++) {
				condition(rule.conditions().get(c), path + ".conditions[" + c + "]", problems);
			}
			if (rule.rollout() != null) {
				rollout(rule.rollout(), path + ".rollout", problems);
			}
			variant(flag, rule.variant(), path + ".variant", problems);
		}
	}

	private static void condition(FeatureFlag.Condition condition, String path, List<FieldProblem> problems) {
		if (condition == null) {
			problems.add(new FieldProblem(path, "must not be null"));
			return;
		}
		if (condition.attribute() == null) {
			problems.add(new FieldProblem(path + ".attribute", "must be one of: " + Arrays.toString(FeatureFlag.Attribute.values())));
		}
		if (condition.operator() == null) {
			problems.add(new FieldProblem(path + ".operator", "must be one of: " + Arrays.toString(FeatureFlag.Operator.values())));
		}
		if (condition.values().isEmpty() || condition.values().size() > MAX_VALUES) {
			problems.add(new FieldProblem(path + ".values", "must have between 1 and " + MAX_VALUES + " values"));
		}
		if (condition.attribute() == null || condition.operator() == null) {
			return;
		}
		if (condition.operator() == FeatureFlag.Operator.STARTS_WITH && condition.attribute() != FeatureFlag.Attribute.SIC_CODE) {
			problems.add(new FieldProblem(path + ".operator", "STARTS_WITH applies to SIC_CODE only"));
			return;
		}
		for (int v = 0; v < condition.values().size(); v++) {
			var value = condition.values().get(v);
			var problem = value == null ? "must not be null" : valueProblem(condition.attribute(), condition.operator(), value);
			if (problem != null) {
				problems.add(new FieldProblem(path + ".values[" + v + "]", problem));
			}
		}
	}

	private static String valueProblem(FeatureFlag.Attribute attribute, FeatureFlag.Operator operator, String value) {
		return switch (attribute) {
			case ORGANISATION -> isUuid(value) ? null : "must be an organisation id (UUID)";
			case INDUSTRY -> oneOf(value, names(Industry.values()));
			case ROLE -> oneOf(value, names(OrganisationRole.values()));
			case PLAN -> oneOf(value, names(Plan.values()));
			case SIC_CODE -> operator == FeatureFlag.Operator.STARTS_WITH
					? (value.matches("^\\d{1,5}$") ? null : "must be 1 to 5 digits (a SIC code prefix)")
					: (value.matches("^\\d{5}$") ? null : "must be a five-digit UK SIC 2007 code");
		};
	}

	private static void rollout(FeatureFlag.Rollout rollout, String path, List<FieldProblem> problems) {
		if (rollout.percentage() < 0 || rollout.percentage() > 100) {
			problems.add(new FieldProblem(path + ".percentage", "must be between 0 and 100"));
		}
		if (rollout.stickiness() == null) {
			problems.add(new FieldProblem(path + ".stickiness", "must be USER or ORGANISATION"));
		}
		if (rollout.groupId() != null && !GROUP.matcher(rollout.groupId()).matches()) {
			problems.add(new FieldProblem(path + ".groupId", "must be 1 to 100 letters, digits, dots, colons, underscores or hyphens"));
		}
	}

	private static void prerequisites(FeatureFlag flag, Map<String, FeatureFlag> others, List<FieldProblem> problems) {
		if (flag.prerequisites().size() > MAX_PREREQUISITES) {
			problems.add(new FieldProblem("prerequisites", "may have at most " + MAX_PREREQUISITES + " entries"));
		}
		for (int i = 0; i < flag.prerequisites().size(); i++) {
			var prerequisite = flag.prerequisites().get(i);
			var path = "prerequisites[" + i + "]";
			if (prerequisite == null || prerequisite.flag() == null) {
				problems.add(new FieldProblem(path + ".flag", "must name a flag"));
				continue;
			}
			if (prerequisite.flag().equals(flag.key())) {
				problems.add(new FieldProblem(path + ".flag", "a flag cannot depend on itself"));
				continue;
			}
			var required = others.get(prerequisite.flag());
			if (required == null) {
				problems.add(new FieldProblem(path + ".flag", "no flag '" + prerequisite.flag() + "' exists"));
				continue;
			}
			if (prerequisite.variant() == null || !required.variants().containsKey(prerequisite.variant())) {
				problems.add(new FieldProblem(path + ".variant", "must name one of the variants of '" + prerequisite.flag()
						+ "': " + String.join(", ", required.variants().keySet())));
			}
			if (dependsOn(required, flag.key(), others, new HashSet<>())) {
				problems.add(new FieldProblem(path + ".flag",
						"'" + prerequisite.flag() + "' already depends on '" + flag.key() + "'; prerequisites may not form a cycle"));
			}
		}
	}

	/** Whether {@code flag} needs {@code key}, directly or through its own prerequisites. */
	private static boolean dependsOn(FeatureFlag flag, String key, Map<String, FeatureFlag> others, Set<String> visited) {
		if (!visited.add(flag.key())) {
			return false;
		}
		for (var prerequisite : flag.prerequisites()) {
			if (prerequisite.flag().equals(key)) {
				return true;
			}
			var next = others.get(prerequisite.flag());
			if (next != null && dependsOn(next, key, others, visited)) {
				return true;
			}
		}
		return false;
	}

	private static void variant(FeatureFlag flag, String variant, String path, List<FieldProblem> problems) {
		if (variant == null || !flag.variants().containsKey(variant)) {
			problems.add(new FieldProblem(path, "must name one of the variants: " + String.join(", ", flag.variants().keySet())));
		}
	}

	private static boolean isUuid(String value) {
		try {
			UUID.fromString(value);
			return value.length() == 36;
		}
		catch (IllegalArgumentException e) {
			return false;
		}
	}

	private static String oneOf(String value, List<String> allowed) {
		return allowed.contains(value) ? null : "must be one of: " + String.join(", ", allowed);
	}

	private static List<String> names(Enum<?>[] values) {
		return Arrays.stream(values).map(Enum::name).toList();
	}
}
