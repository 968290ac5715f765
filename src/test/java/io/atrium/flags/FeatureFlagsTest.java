package io.atrium.flags;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.atrium.access.OrganisationRole;
import io.atrium.test.Api;
import io.atrium.test.AtriumTest;
import io.atrium.test.Fixtures;
import io.atrium.test.TestDatabase;

@AtriumTest
class FeatureFlagsTest {

	static final String FLAGS = "/api/v1/admin/feature-flags";

	@LocalServerPort
	int port;

	@Autowired
	Fixtures.Factory factory;

	@Autowired
	ScheduledFlagChanges schedules;

	@Autowired
	EvaluationCounts counts;

	@Value("${atrium.db.url}")
	String databaseUrl;

	Fixtures fixtures;
	Api admin;

	@BeforeEach
	void setUp() {
		fixtures = factory.at(port);
		admin = fixtures.superAdmin();
	}

	private String newFlag(Map<String, Object> definition) {
		return TestFlags.define(admin, "flag", definition);
	}

	private static Map<String, Object> rule(String attribute, String value, String variant) {
		return TestFlags.rule(attribute, value, variant);
	}

	private static String feature(String key, UUID organisation) {
		return "/api/v1/features/" + key + "?organisation=" + organisation;
	}

	@Test
	void aBooleanFlagGetsOnAndOffVariantsAndStartsDisabled() {
		var key = Fixtures.unique("flag");
		var created = admin.post(FLAGS, Map.of("key", key, "kind", "BOOLEAN", "description", "New checkout"));
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		assertThat(created.header("Location")).isEqualTo(FLAGS + "/" + key);
		assertThat(created.header("ETag")).isEqualTo("\"0\"");
		var flag = created.json();
		assertThat(flag.get("variants").get("on").asBoolean()).isTrue();
		assertThat(flag.get("variants").get("off").asBoolean()).isFalse();
		assertThat(flag.get("defaultVariant").asString()).isEqualTo("off");
		assertThat(flag.get("enabled").asBoolean()).isFalse();
		assertThat(flag.get("stale").asBoolean()).isFalse();
		assertThat(admin.get(FLAGS + "/" + key).json().get("description").asString()).isEqualTo("New checkout");
	}

	@Test
	void aMemberGetsTheVariantTheirOrganisationIsTargetedWith() {
		var organisation = fixtures.organisation("Targeted");
		var key = newFlag(Map.of("enabled", true, "rules", List.of(rule("ORGANISATION", organisation.toString(), "on"))));
		var member = fixtures.signIn(fixtures.member(organisation, OrganisationRole.MEMBER, Map.of()));

		var evaluated = member.get(feature(key, organisation));
		assertThat(evaluated.status()).as(evaluated.toString()).isEqualTo(200);
		assertThat(evaluated.json().get("value").asBoolean()).isTrue();
		assertThat(evaluated.json().get("variant").asString()).isEqualTo("on");
		assertThat(evaluated.json().get("reason").asString()).isEqualTo("TARGETING_MATCH");

		var elsewhere = fixtures.organisation("Untargeted");
		var other = fixtures.signIn(fixtures.member(elsewhere, OrganisationRole.MEMBER, Map.of()));
		var untargeted = other.get(feature(key, elsewhere)).json();
		assertThat(untargeted.get("value").asBoolean()).isFalse();
		assertThat(untargeted.get("reason").asString()).isEqualTo("DEFAULT");
	}

	@Test
	void anOverrideBeatsTargetingForItsOrganisation() {
		var organisation = fixtures.organisation("Overridden");
		var key = newFlag(Map.of("enabled", true, "overrides", List.of(Map.of("organisationId", organisation.toString(), "variant", "off")),
				"rules", List.of(rule("ROLE", "OWNER", "on"))));
		var owner = fixtures.signIn(fixtures.member(organisation, OrganisationRole.OWNER, Map.of()));
		assertThat(owner.get(feature(key, organisation)).json().get("value").asBoolean()).isFalse();
		assertThat(owner.get("/api/v1/features/" + key).json().get("value").asBoolean()).as("no organisation context: the role is unknown").isFalse();
	}

	@Test
	void thePlanSetInEntitlementsIsTargeted() {
		var organisation = fixtures.organisation("Enterprise");
		var key = newFlag(Map.of("enabled", true, "rules", List.of(rule("PLAN", "ENTERPRISE", "on"))));
		var member = fixtures.signIn(fixtures.member(organisation, OrganisationRole.MEMBER, Map.of()));
		assertThat(member.get(feature(key, organisation)).json().get("value").asBoolean()).isFalse();

		var planned = admin.patch("/api/v1/admin/organisations/" + organisation + "/entitlements", Map.of("plan", "ENTERPRISE"));
		assertThat(planned.status()).isEqualTo(200);
		assertThat(member.get(feature(key, organisation)).json().get("value").asBoolean()).isTrue();
	}

	@Test
	void theIndustryAndSicCodeOfTheOrganisationAreTargeted() {
		var organisation = fixtures.organisation("Retailer");
		admin.patch("/api/v1/organisations/" + organisation, Map.of("sicCode", "47110"));
		var key = newFlag(Map.of("enabled", true, "rules", List.of(
				Map.of("conditions", List.of(Map.of("attribute", "INDUSTRY", "operator", "IN", "values", List.of("RETAIL")),
						Map.of("attribute", "SIC_CODE", "operator", "STARTS_WITH", "values", List.of("47"))), "variant", "on"))));
		var member = fixtures.signIn(fixtures.member(organisation, OrganisationRole.MEMBER, Map.of()));
		assertThat(member.get(feature(key, organisation)).json().get("value").asBoolean()).isTrue();
	}

	@Test
	void allFlagsAreEvaluatedTogetherForTheCaller() {
		var organisation = fixtures.organisation("Bulk");
		var on = newFlag(Map.of("enabled", true, "rules", List.of(rule("ROLE", "ADMIN", "on"))));
		var off = newFlag(Map.of("enabled", false));
		var admin = fixtures.signIn(fixtures.member(organisation, OrganisationRole.ADMIN, Map.of()));

		var all = admin.get("/api/v1/features/enabled?organisation=" + organisation);
		assertThat(all.status()).isEqualTo(200);
		assertThat(all.json().get("organisationId").asString()).isEqualTo(organisation.toString());
		var flags = all.json().get("flags");
		assertThat(flags).filteredOn(f -> f.get("key").asString().equals(on)).singleElement()
			.satisfies(f -> assertThat(f.get("value").asBoolean()).isTrue());
		assertThat(flags).filteredOn(f -> f.get("key").asString().equals(off)).singleElement()
			.satisfies(f -> assertThat(f.get("reason").asString()).isEqualTo("DISABLED"));
	}

	@Test
	void outsidersCannotEvaluateInAnotherOrganisation() {
		var organisation = fixtures.organisation("Private");
		var key = newFlag(Map.of("enabled", true));
		var outsider = fixtures.signIn(fixtures.member(fixtures.organisation("Outside"), OrganisationRole.OWNER, Map.of()));
		assertThat(outsider.get(feature(key, organisation)).status()).isEqualTo(404);
		assertThat(outsider.get("/api/v1/features/no-such-flag").status()).isEqualTo(404);
	}

	@Test
	void onlySuperAdminsDefineFlags() {
		var organisation = fixtures.organisation("NotAdmins");
		var owner = fixtures.signIn(fixtures.member(organisation, OrganisationRole.OWNER, Map.of()));
		var refused = owner.post(FLAGS, Map.of("key", Fixtures.unique("flag"), "kind", "BOOLEAN"));
		assertThat(refused.status()).isEqualTo(403);
		assertThat(owner.get(FLAGS).status()).isEqualTo(403);
	}

	@Test
	void anInvalidDefinitionNamesEveryProblem() {
		var response = admin.post(FLAGS, Map.of("key", Fixtures.unique("flag"), "kind", "STRING",
				"variants", Map.of("blue", "#00f", "bad name", 3), "defaultVariant", "red",
				"rules", List.of(Map.of("conditions", List.of(Map.of("attribute", "PLAN", "operator", "IN", "values", List.of("GOLD"))),
						"rollout", Map.of("percentage", 120, "stickiness", "USER"), "variant", "blue")),
				"prerequisites", List.of(Map.of("flag", "no-such-flag", "variant", "on"))));
		assertThat(response.status()).isEqualTo(400);
		assertThat(response.json().get("errors")).extracting(e -> e.get("field").asString()).contains(
				"variants.bad name", "defaultVariant", "rules[0].conditions[0].values[0]", "rules[0].rollout.percentage",
				"prerequisites[0].flag");
	}

	@Test
	void prerequisitesMayNotFormACycle() {
		var first = newFlag(Map.of("enabled", true));
		var second = newFlag(Map.of("enabled", true, "prerequisites", List.of(Map.of("flag", first, "variant", "on"))));
		var cycle = admin.patch(FLAGS + "/" + first, Map.of("prerequisites", List.of(Map.of("flag", second, "variant", "on"))));
		assertThat(cycle.status()).isEqualTo(400);
		assertThat(cycle.json().get("errors").get(0).get("message").asString()).contains("cycle");
	}

	@Test
	void aFlagIsOffWhileItsPrerequisiteIsOff() {
		var organisation = fixtures.organisation("Prerequisite");
		var base = newFlag(Map.of("enabled", false, "rules", List.of(rule("ROLE", "MEMBER", "on"))));
		var dependent = newFlag(Map.of("enabled", true, "rules", List.of(rule("ROLE", "MEMBER", "on")),
				"prerequisites", List.of(Map.of("flag", base, "variant", "on"))));
		var member = fixtures.signIn(fixtures.member(organisation, OrganisationRole.MEMBER, Map.of()));

		var blocked = member.get(feature(dependent, organisation)).json();
		assertThat(blocked.get("value").asBoolean()).isFalse();
		assertThat(blocked.get("reason").asString()).isEqualTo("DISABLED");
		assertThat(blocked.get("failedPrerequisite").asString()).isEqualTo(base);

		admin.patch(FLAGS + "/" + base, Map.of("enabled", true));
		assertThat(member.get(feature(dependent, organisation)).json().get("value").asBoolean()).isTrue();
		var inUse = admin.delete(FLAGS + "/" + base);
		assertThat(inUse.status()).isEqualTo(409);
		assertThat(inUse.json().get("detail").asString()).contains(dependent);
	}

	@Test
	void everyChangeIsAuditedOnThePlatformChain() {
		var key = newFlag(Map.of());
		var changed = admin.withHeader("If-Match", "\"0\"").patch(FLAGS + "/" + key, Map.of("enabled", true));
		assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
		assertThat(changed.header("ETag")).isEqualTo("\"1\"");
		assertThat(admin.delete(FLAGS + "/" + key).status()).isEqualTo(204);

		var entries = superuser().sql("""
				select action, changes::text from atrium.audit_events
				where organisation_id is null and entity_type = 'feature_flag' and entity_id = ? order by occurred_at, id
				""").param(key).query((rs, n) -> rs.getString(1) + " " + rs.getString(2)).list();
		assertThat(entries).hasSize(3);
		assertThat(entries.get(0)).startsWith("feature_flag.created");
		assertThat(entries.get(1)).startsWith("feature_flag.changed").contains("\"enabled\": {\"after\": true, \"before\": false}");
		assertThat(entries.get(2)).startsWith("feature_flag.deleted");
	}

	@Test
	void aStaleIfMatchIsRefused() {
		var key = newFlag(Map.of());
		admin.patch(FLAGS + "/" + key, Map.of("description", "first"));
		var stale = admin.withHeader("If-Match", "\"0\"").patch(FLAGS + "/" + key, Map.of("description", "second"));
		assertThat(stale.status()).isEqualTo(412);
		assertThat(admin.get(FLAGS + "/" + key).json().get("description").asString()).isEqualTo("first");
	}

	@Test
	void flagsAreListedByPageFilteredAndSorted() {
		var marker = Fixtures.unique("listed");
		for (var suffix : List.of("c", "a", "b")) {
			var created = admin.post(FLAGS, Map.of("key", marker + "-" + suffix, "kind", "BOOLEAN", "enabled", !suffix.equals("b")));
			assertThat(created.status()).isEqualTo(201);
		}
		var page = admin.get(FLAGS + "?q=" + marker + "&size=2&sort=key,desc");
		assertThat(page.json().get("totalItems").asLong()).isEqualTo(3);
		assertThat(page.json().get("totalPages").asLong()).isEqualTo(2);
		assertThat(page.json().get("items")).extracting(f -> f.get("key").asString()).containsExactly(marker + "-c", marker + "-b");
		var enabled = admin.get(FLAGS + "?q=" + marker + "&enabled=true");
		assertThat(enabled.json().get("items")).extracting(f -> f.get("key").asString()).containsExactly(marker + "-a", marker + "-c");
		assertThat(admin.get(FLAGS + "?sort=colour").status()).isEqualTo(400);
	}

	@Test
	void aScheduledChangeIsAppliedWhenItIsDue() {
		var organisation = fixtures.organisation("Launch");
		var key = newFlag(Map.of("rules", List.of(rule("ROLE", "MEMBER", "on"))));
		var member = fixtures.signIn(fixtures.member(organisation, OrganisationRole.MEMBER, Map.of()));
		var launch = Instant.now().plus(1, ChronoUnit.HOURS);
		var scheduled = admin.post(FLAGS + "/" + key + "/scheduled-changes",
				Map.of("applyAt", launch.toString(), "changes", Map.of("enabled", true)));
		assertThat(scheduled.status()).as(scheduled.toString()).isEqualTo(201);
		assertThat(scheduled.json().get("status").asString()).isEqualTo("PENDING");

		schedules.applyDue(Instant.now());
		assertThat(member.get(feature(key, organisation)).json().get("value").asBoolean()).as("not due yet").isFalse();

		schedules.applyDue(launch.plusSeconds(1));
		assertThat(member.get(feature(key, organisation)).json().get("value").asBoolean()).isTrue();
		var listed = admin.get(FLAGS + "/" + key + "/scheduled-changes").json().get("items").get(0);
		assertThat(listed.get("status").asString()).isEqualTo("APPLIED");
		var audited = superuser().sql("""
				select details->>'scheduledChangeId' from atrium.audit_events
				where entity_id = ? and action = 'feature_flag.changed'
				""").param(key).query(String.class).single();
		assertThat(audited).isEqualTo(scheduled.json().get("id").asString());
	}

	@Test
	void aScheduledChangeThatNoLongerFitsFailsWithTheReason() {
		var base = newFlag(Map.of("enabled", true));
		var key = newFlag(Map.of());
		var launch = Instant.now().plus(1, ChronoUnit.HOURS);
		admin.post(FLAGS + "/" + key + "/scheduled-changes", Map.of("applyAt", launch.toString(),
				"changes", Map.of("enabled", true, "prerequisites", List.of(Map.of("flag", base, "variant", "on")))));
		assertThat(admin.delete(FLAGS + "/" + base).status()).isEqualTo(204);

		schedules.applyDue(launch.plusSeconds(1));
		var listed = admin.get(FLAGS + "/" + key + "/scheduled-changes").json().get("items").get(0);
		assertThat(listed.get("status").asString()).isEqualTo("FAILED");
		assertThat(listed.get("failure").asString()).contains(base);
		assertThat(admin.get(FLAGS + "/" + key).json().get("enabled").asBoolean()).isFalse();
	}

	@Test
	void aScheduledChangeCanBeCancelledAndMustLieInTheFuture() {
		var key = newFlag(Map.of());
		var past = admin.post(FLAGS + "/" + key + "/scheduled-changes",
				Map.of("applyAt", "2020-01-01T00:00:00Z", "changes", Map.of("enabled", true)));
		assertThat(past.status()).isEqualTo(400);
		var launch = Instant.now().plus(1, ChronoUnit.HOURS);
		var scheduled = admin.post(FLAGS + "/" + key + "/scheduled-changes",
				Map.of("applyAt", launch.toString(), "changes", Map.of("enabled", true))).json();
		var cancelled = admin.delete(FLAGS + "/" + key + "/scheduled-changes/" + scheduled.get("id").asString());
		assertThat(cancelled.json().get("status").asString()).isEqualTo("CANCELLED");
		schedules.applyDue(launch.plusSeconds(1));
		assertThat(admin.get(FLAGS + "/" + key).json().get("enabled").asBoolean()).isFalse();
	}

	@Test
	void evaluationsAreCountedPerVariantAndDay() {
		var organisation = fixtures.organisation("Counted");
		var key = newFlag(Map.of("enabled", true, "rules", List.of(rule("ROLE", "OWNER", "on"))));
		var owner = fixtures.signIn(fixtures.member(organisation, OrganisationRole.OWNER, Map.of()));
		var member = fixtures.signIn(fixtures.member(organisation, OrganisationRole.MEMBER, Map.of()));
		owner.get(feature(key, organisation));
		owner.get(feature(key, organisation));
		member.get(feature(key, organisation));
		counts.flush();

		var analytics = admin.get(FLAGS + "/" + key + "/analytics");
		assertThat(analytics.status()).as(analytics.toString()).isEqualTo(200);
		assertThat(analytics.json().get("totals").get("on").asLong()).isEqualTo(2);
		assertThat(analytics.json().get("totals").get("off").asLong()).isEqualTo(1);
		assertThat(analytics.json().get("days")).hasSize(2);
		assertThat(analytics.json().get("lastEvaluatedAt").isNull()).isFalse();
		assertThat(analytics.json().get("stale").asBoolean()).isFalse();
	}

	@Test
	void theOperatorDashboardCountsFlagEvaluations() {
		counts.flush();
		var before = admin.get("/api/v1/admin/dashboard/stats").json().get("sections").get("flagEvaluations");
		var organisation = fixtures.organisation("Dashboard");
		var key = newFlag(Map.of("enabled", true));
		var owner = fixtures.signIn(fixtures.member(organisation, OrganisationRole.OWNER, Map.of()));
		owner.get(feature(key, organisation));
		owner.get(feature(key, organisation));
		owner.get(feature(key, organisation));
		counts.flush();

		var after = admin.get("/api/v1/admin/dashboard/stats").json().get("sections").get("flagEvaluations");
		assertThat(after.get("flags").asLong()).isEqualTo(before.get("flags").asLong() + 1);
		assertThat(after.get("evaluationsToday").asLong()).isEqualTo(before.get("evaluationsToday").asLong() + 3);
		assertThat(after.get("evaluationsLast7Days").asLong()).isEqualTo(before.get("evaluationsLast7Days").asLong() + 3);
	}

	@Test
	void aFlagNotEvaluatedForThirtyDaysIsStale() {
		var key = newFlag(Map.of());
		var fresh = newFlag(Map.of());
		superuser().sql("update atrium.feature_flags set created_at = now() - interval '45 days', last_evaluated_at = now() - interval '31 days' where key = ?")
			.param(key).update();

		var stale = admin.get(FLAGS + "?stale=true&size=200").json().get("items");
		assertThat(stale).extracting(f -> f.get("key").asString()).contains(key).doesNotContain(fresh);
		assertThat(admin.get(FLAGS + "/" + key).json().get("stale").asBoolean()).isTrue();
		assertThat(admin.get(FLAGS + "/" + key + "/analytics").json().get("stale").asBoolean()).isTrue();
		assertThat(admin.get(FLAGS + "/" + fresh).json().get("stale").asBoolean()).isFalse();
	}

	@Test
	void theApiDocumentDescribesTheFlagEndpoints() {
		var document = fixtures.anonymous().get("/api/v1/openapi.json");
		assertThat(document.status()).isEqualTo(200);
		assertThat(document.json().get("paths").propertyNames()).contains(FLAGS, FLAGS + "/{key}",
				FLAGS + "/{key}/analytics", FLAGS + "/{key}/scheduled-changes", "/api/v1/features/enabled",
				"/api/v1/features/{key}", "/ofrep/v1/evaluate/flags", "/ofrep/v1/evaluate/flags/{key}",
				"/api/v1/organisations/{organisationId}/feature-flag-keys",
				"/api/v1/organisations/{organisationId}/entitlements",
				"/api/v1/admin/organisations/{organisationId}/entitlements");
	}

	private JdbcClient superuser() {
		return TestDatabase.superuserAt(databaseUrl);
	}
}
