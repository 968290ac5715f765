package io.atrium.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

import io.atrium.access.Memberships;
import io.atrium.access.OrganisationRole;
import io.atrium.access.SiteRole;
import io.atrium.database.Scope;
import io.atrium.identity.UserAccounts;
import io.atrium.test.Api;
import io.atrium.test.AtriumTest;
import io.atrium.test.Fixtures;
import io.atrium.test.TestDatabase;

/** Demo mode on: the organisation was seeded when this context started. */
@AtriumTest
@TestPropertySource(properties = "atrium.demo.enabled=true")
@ExtendWith(OutputCaptureExtension.class)
class DemoOrganisationTest {

	static final String PASSWORD = DemoProperties.DEFAULT_PASSWORD;

	@LocalServerPort
	int port;

	@Value("${atrium.db.url}")
	String databaseUrl;

	@Autowired
	Fixtures.Factory factory;

	@Autowired
	DemoOrganisation demo;

	@Autowired
	Memberships memberships;

	@Autowired
	UserAccounts accounts;

	Fixtures fixtures;

	@BeforeEach
	void setUp() {
		fixtures = factory.at(port);
	}

	@Test
	void theOwnerSeesTheDemoOrganisationWithItsThreeSites() {
		var owner = fixtures.signIn("owner@demo.atrium.local", PASSWORD);
		var organisations = owner.get("/api/v1/organisations").json().get("items");
		assertThat(organisations).hasSize(1);
		var organisation = organisations.get(0);
		assertThat(organisation.get("name").asString()).isEqualTo("Demo Organisation");
		assertThat(organisation.get("slug").asString()).isEqualTo("demo");
		assertThat(organisation.get("industry").asString()).isEqualTo("RETAIL");
		assertThat(organisation.get("sicCode").asString()).isEqualTo("47190");
		assertThat(organisation.get("sicVersion").asString()).isEqualTo("SIC2007");

		var sites = new LinkedHashMap<String, String>();
		owner.get("/api/v1/organisations/" + organisation.get("id").asString() + "/sites?sort=name").json().get("items")
			.forEach(site -> sites.put(site.get("name").asString(), site.get("timezone").asString()));
		assertThat(sites).containsExactly(Map.entry("London", "Europe/London"), Map.entry("Mumbai", "Asia/Kolkata"),
				Map.entry("New York", "America/New_York"));
	}

	@Test
	void eachDemoUserSignsInAndSeesWhatTheirRoleAllows() {
		var organisation = demoOrganisationId();
		assertThat(view("owner@demo.atrium.local", organisation)).isEqualTo(new View(412, List.of("London", "Mumbai", "New York")));
		assertThat(view("admin@demo.atrium.local", organisation)).isEqualTo(new View(412, List.of("London", "Mumbai", "New York")));
		assertThat(view("site-admin@demo.atrium.local", organisation)).isEqualTo(new View(403, List.of("London")));
		assertThat(view("editor@demo.atrium.local", organisation)).isEqualTo(new View(403, List.of("London", "New York")));
		assertThat(view("viewer@demo.atrium.local", organisation)).isEqualTo(new View(403, List.of("Mumbai", "New York")));
	}

	@Test
	void eachDemoUserHoldsTheRoleTheDemoPromises() {
		var organisation = demoOrganisationId();
		var siteNames = siteNames(organisation);
		assertThat(roles("owner@demo.atrium.local", organisation, siteNames)).isEqualTo(new Roles(OrganisationRole.OWNER, Map.of()));
		assertThat(roles("admin@demo.atrium.local", organisation, siteNames)).isEqualTo(new Roles(OrganisationRole.ADMIN, Map.of()));
		assertThat(roles("site-admin@demo.atrium.local", organisation, siteNames))
			.isEqualTo(new Roles(OrganisationRole.MEMBER, Map.of("London", SiteRole.ADMINISTRATOR)));
		assertThat(roles("editor@demo.atrium.local", organisation, siteNames))
			.isEqualTo(new Roles(OrganisationRole.MEMBER, Map.of("London", SiteRole.EDITOR, "New York", SiteRole.EDITOR)));
		assertThat(roles("viewer@demo.atrium.local", organisation, siteNames))
			.isEqualTo(new Roles(OrganisationRole.MEMBER, Map.of("New York", SiteRole.VIEWER, "Mumbai", SiteRole.VIEWER)));
	}

	@Test
	void seedingAgainChangesNothing() {
		var before = snapshot();
		var seeded = demo.seed();
		var after = snapshot();
		assertThat(seeded.created()).isEmpty();
		assertThat(after).isEqualTo(before);
		assertThat(seeded.organisation().id()).isEqualTo(demoOrganisationId());
	}

	@Test
	void theSeedingWasAuditedThroughThePublicServices() {
		var organisation = demoOrganisationId();
		var actions = superuser().sql("select action, count(*) from atrium.audit_events where organisation_id = ? group by action")
			.param(organisation).query((rs, n) -> Map.entry(rs.getString(1), rs.getLong(2))).list();
		assertThat(actions).contains(Map.entry("organisation.created", 1L), Map.entry("site.created", 3L),
				Map.entry("member.added", 5L));
	}

	@Test
	void startingInDemoModePrintsTheSignIns(CapturedOutput output) throws Exception {
		demo.run(null);
		assertThat(output.getOut()).contains("Atrium demo organisation ready (already there)", "password: " + PASSWORD,
				"owner@demo.atrium.local", "admin@demo.atrium.local", "site-admin@demo.atrium.local",
				"administrator at London", "editor@demo.atrium.local", "editor at London, New York",
				"viewer@demo.atrium.local", "viewer at New York, Mumbai");
	}

	/** What a user sees: the answer to changing the organisation (412 = allowed but stale, 403 = not allowed), and the sites listed. */
	record View(int changeOrganisation, List<String> sites) {
	}

	private View view(String email, UUID organisation) {
		var api = fixtures.signIn(email, PASSWORD);
		// a stale If-Match gets past the permission check without changing anything
		var change = api.withHeader("If-Match", "\"999999\"").patch("/api/v1/organisations/" + organisation,
				Map.of("name", "Renamed"));
		assertThat(api.get("/api/v1/organisations/" + organisation).status()).isEqualTo(200);
		var sites = new ArrayList<String>();
		api.get("/api/v1/organisations/" + organisation + "/sites?sort=name").json().get("items")
			.forEach(site -> sites.add(site.get("name").asString()));
		return new View(change.status(), sites);
	}

	record Roles(OrganisationRole role, Map<String, SiteRole> sites) {
	}

	private Roles roles(String email, UUID organisation, Map<UUID, String> siteNames) {
		var user = accounts.findByEmail(email).orElseThrow();
		var member = memberships.get(Scope.system(organisation), organisation, user.id()).orElseThrow();
		var sites = new LinkedHashMap<String, SiteRole>();
		member.sites().forEach((site, role) -> sites.put(siteNames.get(site), role));
		return new Roles(member.role(), Map.copyOf(sites));
	}

	private UUID demoOrganisationId() {
		var owner = fixtures.signIn("owner@demo.atrium.local", PASSWORD);
		return UUID.fromString(owner.get("/api/v1/organisations").json().get("items").get(0).get("id").asString());
	}

	private Map<UUID, String> siteNames(UUID organisation) {
		var names = new LinkedHashMap<UUID, String>();
		fixtures.superAdmin().get("/api/v1/organisations/" + organisation + "/sites").json().get("items")
			.forEach(site -> names.put(UUID.fromString(site.get("id").asString()), site.get("name").asString()));
		return names;
	}

	/** Every row of the tables the seeding writes, hashed, read past row-level security. */
	private Map<String, String> snapshot() {
		// audit entries without their chain columns: the sealer fills those in just after each commit,
		// whoever made the change
		var rows = new LinkedHashMap<String, String>();
		for (var table : List.of("organisations", "sites", "users", "organisation_members", "site_members")) {
			rows.put(table, "t");
		}
		rows.put("audit_events", "(t.id, t.organisation_id, t.occurred_at, t.actor_id, t.site_id, t.action, t.entity_type, "
				+ "t.entity_id, t.changes, t.details, t.request_id, t.client_address)");
		var hashes = new LinkedHashMap<String, String>();
		rows.forEach((table, row) -> hashes.put(table, superuser()
			.sql("select count(*) || ':' || coalesce(md5(string_agg(" + row + "::text, '|' order by " + row + "::text)), '') from atrium."
					+ table + " t")
			.query(String.class).single()));
		return hashes;
	}

	private JdbcClient superuser() {
		var database = databaseUrl.substring(databaseUrl.lastIndexOf('/') + 1);
		return JdbcClient.create(TestDatabase.superuser(database));
	}
}
