package io.atrium.entitlements;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import io.atrium.access.Access;
import io.atrium.access.Caller;
import io.atrium.access.OrganisationRole;
import io.atrium.access.Permission;
import io.atrium.test.Api;
import io.atrium.test.AtriumTest;
import io.atrium.test.Fixtures;
import io.atrium.test.TestDatabase;

@AtriumTest
class EntitlementsTest {

	@LocalServerPort
	int port;

	@Autowired
	Fixtures.Factory factory;

	@Autowired
	Entitlements entitlements;

	@Autowired
	ModuleUsage usage;

	@Value("${atrium.db.url}")
	String databaseUrl;

	Fixtures fixtures;
	Api admin;

	/** Stands in for an application module's API: it checks the caller, then the entitlement. */
	@TestConfiguration
	static class MarketApi {

		@Bean
		MarketProbe marketProbe(Access access, Entitlements entitlements) {
			return new MarketProbe(access, entitlements);
		}
	}

	@RestController
	static class MarketProbe {

		private final Access access;
		private final Entitlements entitlements;

		MarketProbe(Access access, Entitlements entitlements) {
			this.access = access;
			this.entitlements = entitlements;
		}

		@GetMapping("/api/v1/organisations/{organisationId}/market-probe")
		Map<String, Object> probe(Caller caller, @PathVariable UUID organisationId) {
			access.organisation(caller, organisationId, Permission.ORGANISATION_READ);
			entitlements.require(organisationId, Module.MARKET);
			return Map.of("served", true);
		}
	}

	@BeforeEach
	void setUp() {
		fixtures = factory.at(port);
		admin = fixtures.superAdmin();
	}

	private String entitlementsOf(UUID organisation) {
		return "/api/v1/admin/organisations/" + organisation + "/entitlements";
	}

	@Test
	void aNewOrganisationHasTheDefaultPlanAndEveryModule() {
		var organisation = fixtures.organisation("Defaults");
		var response = admin.get(entitlementsOf(organisation));
		assertThat(response.status()).as(response.toString()).isEqualTo(200);
		assertThat(response.json().get("plan").asString()).isEqualTo("FREE");
		assertThat(response.json().get("modules")).extracting(m -> m.get("module").asString())
			.containsExactly("INTERACTIONS", "INTEGRATIONS", "ISP", "MARKET");
		assertThat(response.json().get("modules")).allSatisfy(m -> assertThat(m.get("active").asBoolean()).isTrue());
		assertThat(response.header("ETag")).isEqualTo("\"0\"");
	}

	@Test
	void aDisabledModuleAnswersModuleDisabledNamingWhoCanEnableIt() {
		var organisation = fixtures.organisation("Disabled");
		var member = fixtures.signIn(fixtures.member(organisation, OrganisationRole.OWNER, Map.of()));
		assertThat(member.get("/api/v1/organisations/" + organisation + "/market-probe").status()).isEqualTo(200);

		var disabled = admin.patch(entitlementsOf(organisation), Map.of("modules", Map.of("MARKET", Map.of("enabled", false))));
		assertThat(disabled.status()).as(disabled.toString()).isEqualTo(200);

		var refused = member.get("/api/v1/organisations/" + organisation + "/market-probe");
		assertThat(refused.status()).isEqualTo(403);
		assertThat(refused.contentType()).startsWith("application/problem+json");
		assertThat(refused.json().get("type").asString()).isEqualTo("https://atrium.dev/problems/module-disabled");
		assertThat(refused.json().get("module").asString()).isEqualTo("MARKET");
		assertThat(refused.json().get("enabledBy").asString()).isEqualTo("SUPER_ADMIN");
		assertThat(refused.json().get("detail").asString()).contains("Market", "super admin", entitlementsOf(organisation));
	}

	@Test
	void reEnablingAModuleServesItAgain() {
		var organisation = fixtures.organisation("Reenabled");
		admin.patch(entitlementsOf(organisation), Map.of("modules", Map.of("MARKET", Map.of("enabled", false))));
		assertThat(entitlements.allows(organisation, Module.MARKET)).isFalse();

		admin.patch(entitlementsOf(organisation), Map.of("modules", Map.of("MARKET", Map.of("enabled", true))));
		assertThat(entitlements.allows(organisation, Module.MARKET)).isTrue();
		assertThat(entitlements.allows(organisation, Module.ISP)).isTrue();
	}

	@Test
	void aModulePastItsExpiryIsDisabled() {
		var organisation = fixtures.organisation("Expiring");
		var expiry = Instant.now().plus(30, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
		var enabled = admin.patch(entitlementsOf(organisation),
				Map.of("modules", Map.of("MARKET", Map.of("enabled", true, "expiresAt", expiry.toString()))));
		var market = enabled.json().get("modules").get(3);
		assertThat(market.get("expiresAt").asString()).isEqualTo(expiry.toString());
		assertThat(market.get("active").asBoolean()).isTrue();
		assertThat(entitlements.allows(organisation, Module.MARKET)).isTrue();

		// time passes: the expiry is now behind us
		superuser().sql("update atrium.organisation_modules set expires_at = now() - interval '1 minute' where organisation_id = ?")
			.param(organisation).update();
		superuser().sql("update atrium.entitlements_version set version = version + 1").update();
		entitlements.refresh();

		assertThat(entitlements.allows(organisation, Module.MARKET)).isFalse();
		var member = fixtures.signIn(fixtures.member(organisation, OrganisationRole.MEMBER, Map.of()));
		var refused = member.get("/api/v1/organisations/" + organisation + "/market-probe");
		assertThat(refused.status()).isEqualTo(403);
		assertThat(refused.json().get("detail").asString()).contains("expired");
		var view = member.get("/api/v1/organisations/" + organisation + "/entitlements").json().get("modules").get(3);
		assertThat(view.get("enabled").asBoolean()).isTrue();
		assertThat(view.get("active").asBoolean()).isFalse();
	}

	@Test
	void anExpiryMustLieInTheFutureAndOnlyOnAnEnabledModule() {
		var organisation = fixtures.organisation("Invalid");
		var response = admin.patch(entitlementsOf(organisation), Map.of("modules", Map.of(
				"MARKET", Map.of("enabled", true, "expiresAt", "2020-01-01T00:00:00Z"),
				"ISP", Map.of("enabled", false, "expiresAt", Instant.now().plus(1, ChronoUnit.DAYS).toString()))));
		assertThat(response.status()).isEqualTo(400);
		assertThat(response.json().get("errors")).extracting(e -> e.get("field").asString())
			.containsExactlyInAnyOrder("modules.MARKET.expiresAt", "modules.ISP.expiresAt");
		assertThat(entitlements.allows(organisation, Module.ISP)).isTrue();
	}

	@Test
	void superAdminSetsThePlanAndItIsAudited() {
		var organisation = fixtures.organisation("Planned");
		var changed = admin.patch(entitlementsOf(organisation), Map.of("plan", "ENTERPRISE"));
		assertThat(changed.status()).isEqualTo(200);
		assertThat(changed.json().get("plan").asString()).isEqualTo("ENTERPRISE");
		assertThat(changed.header("ETag")).isEqualTo("\"1\"");
		assertThat(entitlements.plan(organisation)).isEqualTo(Plan.ENTERPRISE);

		var entry = superuser().sql("""
				select action, changes::text from atrium.audit_events where organisation_id = ? and action = 'entitlements.changed'
				""").param(organisation).query((rs, n) -> rs.getString(2)).single();
		assertThat(entry).contains("\"plan\"", "FREE", "ENTERPRISE");
	}

	@Test
	void aStaleIfMatchIsRefused() {
		var organisation = fixtures.organisation("Stale");
		admin.patch(entitlementsOf(organisation), Map.of("plan", "STANDARD"));
		var stale = admin.withHeader("If-Match", "\"0\"").patch(entitlementsOf(organisation), Map.of("plan", "FREE"));
		assertThat(stale.status()).isEqualTo(412);
		assertThat(entitlements.plan(organisation)).isEqualTo(Plan.STANDARD);
	}

	@Test
	void membersSeeTheirOrganisationsEntitlementsButMayNotChangeThem() {
		var organisation = fixtures.organisation("Seen");
		admin.patch(entitlementsOf(organisation), Map.of("plan", "STANDARD", "modules", Map.of("ISP", Map.of("enabled", false))));
		var member = fixtures.signIn(fixtures.member(organisation, OrganisationRole.MEMBER, Map.of()));

		var mine = member.get("/api/v1/organisations/" + organisation + "/entitlements");
		assertThat(mine.status()).isEqualTo(200);
		assertThat(mine.json().get("plan").asString()).isEqualTo("STANDARD");
		assertThat(mine.json().get("modules")).filteredOn(m -> !m.get("active").asBoolean())
			.extracting(m -> m.get("module").asString()).containsExactly("ISP");

		assertThat(member.patch(entitlementsOf(organisation), Map.of("plan", "ENTERPRISE")).status()).isEqualTo(403);
		var outsider = fixtures.signIn(fixtures.member(fixtures.organisation("Other"), OrganisationRole.OWNER, Map.of()));
		assertThat(outsider.get("/api/v1/organisations/" + organisation + "/entitlements").status()).isEqualTo(404);
	}

	@Test
	void requestsToAModuleAreCountedPerDay() {
		var organisation = fixtures.organisation("Counted");
		var member = fixtures.signIn(fixtures.member(organisation, OrganisationRole.MEMBER, Map.of()));
		for (int i = 0; i < 3; i++) {
			assertThat(member.get("/api/v1/organisations/" + organisation + "/market-probe").status()).isEqualTo(200);
		}
		usage.flush();
		member.get("/api/v1/organisations/" + organisation + "/market-probe");
		usage.flush();

		var report = admin.get(entitlementsOf(organisation) + "/usage");
		assertThat(report.status()).as(report.toString()).isEqualTo(200);
		assertThat(report.json().get("items")).hasSize(1);
		assertThat(report.json().get("items").get(0).get("module").asString()).isEqualTo("MARKET");
		assertThat(report.json().get("items").get(0).get("requests").asLong()).isEqualTo(4);
	}

	@Test
	void anUnknownOrganisationIsNotFound() {
		var response = admin.get(entitlementsOf(UUID.randomUUID()));
		assertThat(response.status()).isEqualTo(404);
	}

	private JdbcClient superuser() {
		return TestDatabase.superuserAt(databaseUrl);
	}
}
