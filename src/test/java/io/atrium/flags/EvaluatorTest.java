package io.atrium.flags;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.atrium.flags.FeatureFlag.Attribute;
import io.atrium.flags.FeatureFlag.Condition;
import io.atrium.flags.FeatureFlag.Operator;
import io.atrium.flags.FeatureFlag.OrganisationOverride;
import io.atrium.flags.FeatureFlag.Prerequisite;
import io.atrium.flags.FeatureFlag.Rollout;
import io.atrium.flags.FeatureFlag.Rule;
import io.atrium.flags.FeatureFlag.Stickiness;

class EvaluatorTest {

	static final UUID ACME = UUID.fromString("01938c1e-2f00-7000-8000-000000000001");
	static final UUID GLOBEX = UUID.fromString("01938c1e-2f00-7000-8000-000000000002");

	static final Subject ACME_OWNER = new Subject("alice", ACME, "RETAIL", "47110", "OWNER", "STANDARD");
	static final Subject GLOBEX_MEMBER = new Subject("bob", GLOBEX, "HOTEL", "55100", "MEMBER", "FREE");

	static FeatureFlag flag(String key, boolean enabled, List<OrganisationOverride> overrides, List<Rule> rules,
			List<Prerequisite> prerequisites) {
		var variants = new LinkedHashMap<String, Object>();
		variants.put("on", true);
		variants.put("off", false);
		return new FeatureFlag(UUID.randomUUID(), key, "", FeatureFlag.Kind.BOOLEAN, variants, "off", enabled, overrides,
				rules, prerequisites, Instant.EPOCH, Instant.EPOCH, null, 0);
	}

	static Rule when(Attribute attribute, String value, String variant) {
		return new Rule(null, List.of(new Condition(attribute, Operator.IN, List.of(value))), null, variant);
	}

	static Evaluation evaluate(FeatureFlag flag, Subject subject, FeatureFlag... others) {
		var flags = new LinkedHashMap<String, FeatureFlag>();
		flags.put(flag.key(), flag);
		for (var other : others) {
			flags.put(other.key(), other);
		}
		return new Evaluator(flags).evaluate(flag, subject);
	}

	@Test
	void aDisabledFlagGivesItsDefault() {
		var flag = flag("off-flag", false, List.of(), List.of(when(Attribute.PLAN, "STANDARD", "on")), List.of());
		var evaluation = evaluate(flag, ACME_OWNER);
		assertThat(evaluation.variant()).isEqualTo("off");
		assertThat(evaluation.value()).isEqualTo(false);
		assertThat(evaluation.reason()).isEqualTo(Evaluation.Reason.DISABLED);
	}

	@Test
	void aFlagWithoutTargetingIsStatic() {
		var evaluation = evaluate(flag("plain", true, List.of(), List.of(), List.of()), ACME_OWNER);
		assertThat(evaluation.reason()).isEqualTo(Evaluation.Reason.STATIC);
		assertThat(evaluation.variant()).isEqualTo("off");
	}

	@Test
	void anOrganisationOverrideComesBeforeEveryRule() {
		var flag = flag("overridden", true, List.of(new OrganisationOverride(ACME, "off")),
				List.of(when(Attribute.ROLE, "OWNER", "on")), List.of());
		var evaluation = evaluate(flag, ACME_OWNER);
		assertThat(evaluation.variant()).isEqualTo("off");
		assertThat(evaluation.reason()).isEqualTo(Evaluation.Reason.TARGETING_MATCH);
		assertThat(evaluation.rule()).isEqualTo("override");
	}

	@Test
	void theFirstMatchingRuleWins() {
		var flag = flag("ordered", true, List.of(),
				List.of(when(Attribute.INDUSTRY, "RETAIL", "off"), when(Attribute.ROLE, "OWNER", "on")), List.of());
		assertThat(evaluate(flag, ACME_OWNER).variant()).isEqualTo("off");
		assertThat(evaluate(flag, ACME_OWNER).rule()).isEqualTo("0");

		var reversed = flag("ordered", true, List.of(),
				List.of(when(Attribute.ROLE, "OWNER", "on"), when(Attribute.INDUSTRY, "RETAIL", "off")), List.of());
		assertThat(evaluate(reversed, ACME_OWNER).variant()).isEqualTo("on");
	}

	@Test
	void noMatchingRuleGivesTheDefault() {
		var flag = flag("unmatched", true, List.of(), List.of(when(Attribute.PLAN, "ENTERPRISE", "on")), List.of());
		var evaluation = evaluate(flag, ACME_OWNER);
		assertThat(evaluation.variant()).isEqualTo("off");
		assertThat(evaluation.reason()).isEqualTo(Evaluation.Reason.DEFAULT);
	}

	@Test
	void targetsEachAttribute() {
		assertThat(evaluate(flag("o", true, List.of(), List.of(when(Attribute.ORGANISATION, ACME.toString(), "on")), List.of()), ACME_OWNER).variant()).isEqualTo("on");
		assertThat(evaluate(flag("i", true, List.of(), List.of(when(Attribute.INDUSTRY, "HOTEL", "on")), List.of()), GLOBEX_MEMBER).variant()).isEqualTo("on");
		assertThat(evaluate(flag("s", true, List.of(), List.of(when(Attribute.SIC_CODE, "47110", "on")), List.of()), ACME_OWNER).variant()).isEqualTo("on");
		assertThat(evaluate(flag("r", true, List.of(), List.of(when(Attribute.ROLE, "MEMBER", "on")), List.of()), GLOBEX_MEMBER).variant()).isEqualTo("on");
		assertThat(evaluate(flag("p", true, List.of(), List.of(when(Attribute.PLAN, "FREE", "on")), List.of()), ACME_OWNER).variant()).isEqualTo("off");
	}

	@Test
	void aSicCodePrefixMatchesItsDivision() {
		var rule = new Rule(null, List.of(new Condition(Attribute.SIC_CODE, Operator.STARTS_WITH, List.of("47"))), null, "on");
		var flag = flag("retail-division", true, List.of(), List.of(rule), List.of());
		assertThat(evaluate(flag, ACME_OWNER).variant()).isEqualTo("on");
		assertThat(evaluate(flag, GLOBEX_MEMBER).variant()).isEqualTo("off");
	}

	@Test
	void notInMatchesSubjectsWithoutTheAttribute() {
		var rule = new Rule(null, List.of(new Condition(Attribute.PLAN, Operator.NOT_IN, List.of("FREE"))), null, "on");
		var flag = flag("paying", true, List.of(), List.of(rule), List.of());
		assertThat(evaluate(flag, ACME_OWNER).variant()).isEqualTo("on");
		assertThat(evaluate(flag, GLOBEX_MEMBER).variant()).isEqualTo("off");
		assertThat(evaluate(flag, new Subject("carol", null, null, null, null, null)).variant()).isEqualTo("on");
	}

	@Test
	void aRolloutBucketsByUserOrOrganisation() {
		// "dark-mode" buckets: alice 96, bob 21
		var byUser = flag("dark-mode", true, List.of(),
				List.of(new Rule(null, List.of(), new Rollout(50, Stickiness.USER, null), "on")), List.of());
		assertThat(evaluate(byUser, ACME_OWNER).variant()).isEqualTo("off");
		assertThat(evaluate(byUser, GLOBEX_MEMBER).variant()).isEqualTo("on");
		assertThat(evaluate(byUser, GLOBEX_MEMBER).reason()).isEqualTo(Evaluation.Reason.SPLIT);

		var byOrganisation = flag("org-rollout", true, List.of(),
				List.of(new Rule(null, List.of(), new Rollout(Bucketing.bucket("org-rollout", ACME.toString()), Stickiness.ORGANISATION, null), "on")),
				List.of());
		assertThat(evaluate(byOrganisation, ACME_OWNER).variant()).isEqualTo("on");
		assertThat(evaluate(byOrganisation, new Subject("someone-else", ACME, null, null, null, null)).variant()).isEqualTo("on");
	}

	@Test
	void aRolloutOutsideItsPercentageFallsThroughToTheNextRule() {
		var flag = flag("dark-mode", true, List.of(), List.of(
				new Rule("half", List.of(), new Rollout(50, Stickiness.USER, null), "on"),
				when(Attribute.ROLE, "OWNER", "on")), List.of());
		var evaluation = evaluate(flag, ACME_OWNER);
		assertThat(evaluation.variant()).isEqualTo("on");
		assertThat(evaluation.reason()).isEqualTo(Evaluation.Reason.TARGETING_MATCH);
		assertThat(evaluation.rule()).isEqualTo("1");
	}

	@Test
	void aUserRolloutNeedsATargetingKey() {
		var flag = flag("needs-key", true, List.of(),
				List.of(new Rule(null, List.of(), new Rollout(50, Stickiness.USER, null), "on")), List.of());
		assertThatThrownBy(() -> evaluate(flag, new Subject(null, ACME, null, null, null, null)))
			.isInstanceOf(Evaluator.TargetingKeyMissing.class);
	}

	@Test
	void aFlagIsOffUnlessItsPrerequisiteGivesTheRequiredVariant() {
		var base = flag("base", true, List.of(), List.of(when(Attribute.PLAN, "STANDARD", "on")), List.of());
		var dependent = flag("dependent", true, List.of(), List.of(when(Attribute.ROLE, "OWNER", "on"), when(Attribute.ROLE, "MEMBER", "on")),
				List.of(new Prerequisite("base", "on")));

		assertThat(evaluate(dependent, ACME_OWNER, base).variant()).isEqualTo("on");
		var blocked = evaluate(dependent, GLOBEX_MEMBER, base);
		assertThat(blocked.variant()).isEqualTo("off");
		assertThat(blocked.reason()).isEqualTo(Evaluation.Reason.DISABLED);
		assertThat(blocked.failedPrerequisite()).isEqualTo("base");
	}

	@Test
	void aMissingPrerequisiteKeepsTheFlagOff() {
		var dependent = flag("orphan", true, List.of(), List.of(), List.of(new Prerequisite("gone", "on")));
		assertThat(evaluate(dependent, ACME_OWNER).failedPrerequisite()).isEqualTo("gone");
	}

	@Test
	void aStringFlagGivesTheVariantsValue() {
		var variants = new LinkedHashMap<String, Object>(Map.of("blue", "#0000ff"));
		variants.put("green", "#00ff00");
		var flag = new FeatureFlag(UUID.randomUUID(), "theme", "", FeatureFlag.Kind.STRING, variants, "blue", true, List.of(),
				List.of(when(Attribute.INDUSTRY, "HOTEL", "green")), List.of(), Instant.EPOCH, Instant.EPOCH, null, 0);
		assertThat(evaluate(flag, GLOBEX_MEMBER).value()).isEqualTo("#00ff00");
		assertThat(evaluate(flag, ACME_OWNER).value()).isEqualTo("#0000ff");
	}
}
