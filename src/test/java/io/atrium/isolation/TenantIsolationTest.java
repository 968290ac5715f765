package io.atrium.isolation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.atrium.access.OrganisationRole;
import io.atrium.access.SiteRole;
import io.atrium.test.Api;
import io.atrium.test.AtriumTest;
import io.atrium.test.Fixtures;
import io.atrium.test.TestDatabase;
import tools.jackson.databind.JsonNode;

/**
 * Tenant isolation, end to end: two organisations, A and B, each with sites and members of every
 * role. Every tenant-scoped endpoint in {@link #ENDPOINTS} is called by each of A's members with
 * B's ids and must answer exactly as for ids that do not exist (404 problem+json with the same
 * body), must leave B's data untouched, and, if it lists, must never show B's rows. Then the
 * database itself is checked as the request role, without the application in between.
 *
 * <h2>Adding an endpoint: one line in {@link #ENDPOINTS}</h2>
 * <pre>{@code
 * one("PATCH", "/api/v1/organisations/{org}/members/{member}", Map.of("role", "ADMIN")),
 * adminList("/api/v1/organisations/{org}/members", false),
 * adminList("/api/v1/organisations/{org}/audit-events", false),
 * one("GET", "/api/v1/organisations/{org}/sites/{site}/interactions/{interaction}", null),
 * }</pre>
 * {@code one(method, path, body)} addresses a single thing; {@code list(path)} also reads a list.
 * Placeholders: {@code {org}} the organisation, {@code {site}} its site "Main", {@code {member}} the
 * user id of one of its members. An endpoint that needs an id of a new kind (an interaction)
 * creates one per organisation in {@link #tenant} and adds it to {@link Tenant#ids()} under its
 * placeholder's name. Each endpoint is then checked with all of B's ids, and with A's organisation
 * but B's other ids (A's owner asking for B's site through A's URL), both against random ids.
 */
@AtriumTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TenantIsolationTest {

	static final List<Endpoint> ENDPOINTS = List.of(
			one("GET", "/api/v1/organisations/{org}", null),
			one("PATCH", "/api/v1/organisations/{org}", Map.of("name", "Renamed by an outsider")),
			list("/api/v1/organisations/{org}/sites"),
			one("POST", "/api/v1/organisations/{org}/sites", Map.of("name", "Planted by an outsider", "timezone", "Europe/London")),
			one("GET", "/api/v1/organisations/{org}/sites/{site}", null),
			one("PATCH", "/api/v1/organisations/{org}/sites/{site}", Map.of("name", "Renamed by an outsider")),
			list("/api/v1/organisations"),
			adminList("/api/v1/organisations/{org}/members", false),
			one("GET", "/api/v1/organisations/{org}/members/{member}", null),
			one("POST", "/api/v1/organisations/{org}/members", Map.of("email", "planted@example.test", "displayName", "Planted",
					"role", "ADMIN", "onboarding", "TEMPORARY_PASSWORD")),
			one("PATCH", "/api/v1/organisations/{org}/members/{member}", Map.of("role", "ADMIN")),
			one("POST", "/api/v1/organisations/{org}/members/{member}/deactivate", null),
			one("POST", "/api/v1/organisations/{org}/members/{member}/unlock", null),
			one("GET", "/api/v1/organisations/{org}/security-policy", null),
			one("PUT", "/api/v1/organisations/{org}/security-policy", Map.of("adminMfaRequired", true)),
			adminList("/api/v1/organisations/{org}/audit-events", false),
			one("GET", "/api/v1/organisations/{org}/audit-events/verify", null),
			adminList("/api/v1/organisations/{org}/webhooks/endpoints", true),
			one("POST", "/api/v1/organisations/{org}/webhooks/endpoints", Map.of("url", "https://example.test/hook",
					"eventTypes", List.of("*"))),
			adminList("/api/v1/organisations/{org}/webhooks/deliveries", true),
			one("GET", "/api/v1/organisations/{org}/entitlements", null),
			adminList("/api/v1/organisations/{org}/feature-flag-keys", true));

	/** A's members, one per role. */
	enum Role {
		OWNER, ADMIN, SITE_ADMINISTRATOR, SITE_EDITOR, SITE_VIEWER
	}

	/** An endpoint to check; {@code list} when it answers a list of rows. */
	/**
	 * @param list whether it answers a list of rows
	 * @param adminOnly a list only organisation admins may read (others get 403 and see nothing)
	 * @param mayBeEmpty a list A may have nothing in (e.g. webhook endpoints), so only B's absence is checked
	 */
	record Endpoint(String method, String path, Object body, boolean list, boolean adminOnly, boolean mayBeEmpty) {

		boolean addressesATenant() {
			return path.contains("{");
		}

		String at(Map<String, UUID> ids) {
			var resolved = path;
			for (var id : ids.entrySet()) {
				resolved = resolved.replace("{" + id.getKey() + "}", id.getValue().toString());
			}
			assertThat(resolved).as("every placeholder of %s has an id", path).doesNotContain("{");
			return resolved;
		}

		@Override
		public String toString() {
			return method + " " + path;
		}
	}

	static Endpoint one(String method, String path, Object body) {
		return new Endpoint(method, path, body, false, false, false);
	}

	static Endpoint list(String path) {
		return new Endpoint("GET", path, null, true, false, false);
	}

	/** A list that only organisation owners and admins may read. */
	static Endpoint adminList(String path, boolean mayBeEmpty) {
		return new Endpoint("GET", path, null, true, true, mayBeEmpty);
	}

	/** An organisation of the test world: its ids by placeholder name, and every id it owns. */
	record Tenant(UUID organisationId, Map<String, UUID> ids, Set<UUID> allIds) {
	}

	@LocalServerPort
	int port;

	@Value("${atrium.db.url}")
	String databaseUrl;

	@Autowired
	Fixtures.Factory factory;

	Fixtures fixtures;
	Tenant a;
	Tenant b;
	final Map<Role, Api> membersOfA = new EnumMap<>(Role.class);

	@BeforeAll
	void buildTwoOrganisations() {
		fixtures = factory.at(port);
		a = tenant("Alpha");
		b = tenant("Bravo");
	}

	/** An organisation with a site "Main", a second site, and a member of every role (site roles at "Main"). */
	private Tenant tenant(String name) {
		var organisation = fixtures.organisation(name);
		var main = createSite(organisation, "Main");
		var second = fixtures.site(organisation, "Second");
		var all = new TreeSet<UUID>(List.of(organisation, main, second));
		var members = new EnumMap<Role, Fixtures.User>(Role.class);
		members.put(Role.OWNER, fixtures.member(organisation, OrganisationRole.OWNER, Map.of()));
		members.put(Role.ADMIN, fixtures.member(organisation, OrganisationRole.ADMIN, Map.of()));
		members.put(Role.SITE_ADMINISTRATOR, fixtures.member(organisation, OrganisationRole.MEMBER, Map.of(main, SiteRole.ADMINISTRATOR)));
		members.put(Role.SITE_EDITOR, fixtures.member(organisation, OrganisationRole.MEMBER, Map.of(main, SiteRole.EDITOR)));
		members.put(Role.SITE_VIEWER, fixtures.member(organisation, OrganisationRole.MEMBER, Map.of(main, SiteRole.VIEWER)));
		members.values().forEach(member -> all.add(member.id()));
		if (membersOfA.isEmpty()) {
			members.forEach((role, member) -> membersOfA.put(role, fixtures.signIn(member)));
		}
		var ids = Map.of("org", organisation, "site", main, "member", members.get(Role.SITE_VIEWER).id());
		return new Tenant(organisation, ids, Set.copyOf(all));
	}

	private UUID createSite(UUID organisation, String name) {
		var response = fixtures.superAdmin().post("/api/v1/organisations/" + organisation + "/sites",
				Map.of("name", name, "timezone", "Europe/London"));
		assertThat(response.status()).as(response.toString()).isEqualTo(201);
		return UUID.fromString(response.json().get("id").asString());
	}

	static Stream<Arguments> addressedEndpointsByRole() {
		return ENDPOINTS.stream().filter(Endpoint::addressesATenant)
			.flatMap(endpoint -> Stream.of(Role.values()).map(role -> Arguments.of(endpoint, role)));
	}

	static Stream<Arguments> listsByRole() {
		return ENDPOINTS.stream().filter(Endpoint::list)
			.flatMap(endpoint -> Stream.of(Role.values()).map(role -> Arguments.of(endpoint, role)));
	}

	@ParameterizedTest(name = "{1}: {0}")
	@MethodSource("addressedEndpointsByRole")
	void aMemberOfAAddressingBsIdsGetsTheSameNotFoundAsForIdsThatDoNotExist(Endpoint endpoint, Role role) {
		var api = membersOfA.get(role);
		var before = snapshotOf(b);

		var toB = call(api, endpoint, b.ids());
		var toNowhere = call(api, endpoint, randomIds(b.ids()));
		assertThat(toB.response().status()).as("%s", toB).isEqualTo(404);
		assertSameAnswer(toB, toNowhere);

		// A's own organisation in the URL, but B's site (or member, ...): still nothing to see
		for (var placeholder : b.ids().keySet()) {
			if (placeholder.equals("org") || !endpoint.path().contains("{" + placeholder + "}")) {
				continue;
			}
			var mixed = new LinkedHashMap<>(a.ids());
			mixed.put(placeholder, b.ids().get(placeholder));
			var mixedRandom = new LinkedHashMap<>(a.ids());
			mixedRandom.put(placeholder, UUID.randomUUID());
			assertSameAnswer(call(api, endpoint, mixed), call(api, endpoint, mixedRandom));
		}

		assertThat(snapshotOf(b)).as("B's data after %s", endpoint).isEqualTo(before);
	}

	@ParameterizedTest(name = "{1}: {0}")
	@MethodSource("listsByRole")
	void listsShowAMemberOfANoneOfBsRows(Endpoint endpoint, Role role) {
		var response = membersOfA.get(role).get(endpoint.at(a.ids()) + "?size=200");
		if (endpoint.adminOnly() && role != Role.OWNER && role != Role.ADMIN) {
			assertThat(response.status()).as(response.toString()).isEqualTo(403);
			assertThat(uuidsIn(response.json())).doesNotContainAnyElementsOf(b.allIds());
			return;
		}
		assertThat(response.status()).as(response.toString()).isEqualTo(200);
		var mentioned = uuidsIn(response.json());
		assertThat(mentioned).as("ids in %s", response).doesNotContainAnyElementsOf(b.allIds());
		if (!endpoint.mayBeEmpty()) {
			assertThat(mentioned).as("ids in %s", response).containsAnyElementsOf(a.allIds());
		}
	}

	@Test
	void theRequestRoleSeesOnlyTheScopedOrganisationsRows() throws SQLException {
		try (var connection = requestRole()) {
			scope(connection, a.organisationId());
			assertThat(organisationIds(connection, "select organisation_id from sites"))
				.hasSize(countAsSuperuser("sites", a.organisationId())).containsOnly(a.organisationId());
			assertThat(organisationIds(connection, "select organisation_id from organisation_members"))
				.hasSize(countAsSuperuser("organisation_members", a.organisationId())).containsOnly(a.organisationId());
			connection.rollback();
		}
	}

	@Test
	void withoutAScopeTheRequestRoleSeesNoRows() throws SQLException {
		assertThat(countAsSuperuser("sites", b.organisationId())).isPositive();
		try (var connection = requestRole()) {
			assertThat(organisationIds(connection, "select organisation_id from sites")).isEmpty();
			assertThat(organisationIds(connection, "select organisation_id from organisation_members")).isEmpty();
			assertThat(organisationIds(connection, "select id from organisations")).isEmpty();
			connection.rollback();
		}
	}

	@Test
	void insertingASiteForAnotherOrganisationIsRefusedByRowLevelSecurity() throws SQLException {
		try (var connection = requestRole()) {
			scope(connection, a.organisationId());
			assertThatThrownBy(() -> insertSite(connection, b.organisationId(), "Planted"))
				.isInstanceOfSatisfying(SQLException.class, e -> {
					assertThat(e.getSQLState()).isEqualTo("42501");
					assertThat(e.getMessage()).contains("row-level security");
				});
			connection.rollback();
		}
		assertThat(countAsSuperuser("sites", b.organisationId())).isEqualTo(2);
	}

	@Test
	void siteNamesAreUniqueWithinAnOrganisationNotAcrossOrganisations() throws SQLException {
		var mains = superuser().sql("select count(*) from atrium.sites where name = 'Main' and organisation_id in (?, ?)")
			.params(a.organisationId(), b.organisationId()).query(Long.class).single();
		assertThat(mains).as("both organisations have a site called Main").isEqualTo(2);

		var again = fixtures.superAdmin().post("/api/v1/organisations/" + a.organisationId() + "/sites",
				Map.of("name", "main", "timezone", "Europe/London"));
		assertThat(again.status()).isEqualTo(400);
		assertThat(again.json().get("errors").get(0).get("field").asString()).isEqualTo("name");

		try (var connection = requestRole()) {
			scope(connection, a.organisationId());
			assertThatThrownBy(() -> insertSite(connection, a.organisationId(), "MAIN"))
				.isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("23505"));
			connection.rollback();
		}
	}

	private record Call(String path, Api.Response response) {
	}

	private static Call call(Api api, Endpoint endpoint, Map<String, UUID> ids) {
		var path = endpoint.at(ids);
		return new Call(path, api.send(endpoint.method(), path, endpoint.body()));
	}

	/** Same status, same problem+json fields with the same values; only {@code instance} names the path asked for. */
	private static void assertSameAnswer(Call actual, Call expected) {
		assertThat(actual.response().status()).as("%s vs %s", actual, expected).isEqualTo(expected.response().status());
		assertThat(actual.response().contentType()).startsWith("application/problem+json");
		assertThat(expected.response().contentType()).startsWith("application/problem+json");
		var body = fields(actual.response().json());
		var expectedBody = fields(expected.response().json());
		assertThat(body.remove("instance")).isEqualTo(actual.path());
		assertThat(expectedBody.remove("instance")).isEqualTo(expected.path());
		assertThat(body).isEqualTo(expectedBody);
	}

	private static Map<String, String> fields(JsonNode json) {
		var fields = new LinkedHashMap<String, String>();
		json.properties().forEach(field -> fields.put(field.getKey(), field.getValue().toString()));
		fields.computeIfPresent("instance", (key, value) -> json.get("instance").asString());
		return fields;
	}

	private static Map<String, UUID> randomIds(Map<String, UUID> ids) {
		var random = new LinkedHashMap<String, UUID>();
		ids.keySet().forEach(key -> random.put(key, UUID.randomUUID()));
		return random;
	}

	private static Set<UUID> uuidsIn(JsonNode json) {
		var found = new TreeSet<UUID>();
		var matcher = java.util.regex.Pattern
			.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}").matcher(json.toString());
		while (matcher.find()) {
			found.add(UUID.fromString(matcher.group()));
		}
		return found;
	}

	/** Every row of B in the tables these endpoints could touch, read past row-level security. */
	private Map<String, String> snapshotOf(Tenant tenant) {
		var snapshot = new LinkedHashMap<String, String>();
		for (var table : List.of("organisations", "sites", "organisation_members", "site_members", "audit_events")) {
			var column = table.equals("organisations") ? "id" : "organisation_id";
			snapshot.put(table, superuser().sql("select count(*) || ':' || coalesce(md5(string_agg(t::text, '|' order by t::text)), '') from atrium."
					+ table + " t where " + column + " = ?").param(tenant.organisationId()).query(String.class).single());
		}
		return snapshot;
	}

	private int countAsSuperuser(String table, UUID organisation) {
		return superuser().sql("select count(*) from atrium." + table + " where organisation_id = ?").param(organisation)
			.query(Integer.class).single();
	}

	private JdbcClient superuser() {
		return TestDatabase.superuserAt(databaseUrl);
	}

	/** A connection as the role every request runs as, in a transaction of its own. */
	private Connection requestRole() throws SQLException {
		var connection = DriverManager.getConnection(databaseUrl, TestDatabase.APP, "atrium_app");
		connection.setAutoCommit(false);
		try (var statement = connection.createStatement()) {
			statement.execute("set search_path to atrium");
		}
		return connection;
	}

	/** The scope TenantTransactions sets for an organisation's admin: transaction-local, all sites. */
	private static void scope(Connection connection, UUID organisation) throws SQLException {
		try (var statement = connection.prepareStatement(
				"select set_config('atrium.org_id', ?, true), set_config('atrium.site_ids', '*', true)")) {
			statement.setString(1, organisation.toString());
			statement.executeQuery().close();
		}
	}

	private static List<UUID> organisationIds(Connection connection, String sql) throws SQLException {
		var ids = new ArrayList<UUID>();
		try (var statement = connection.createStatement(); var rows = statement.executeQuery(sql)) {
			while (rows.next()) {
				ids.add(rows.getObject(1, UUID.class));
			}
		}
		return ids;
	}

	private static void insertSite(Connection connection, UUID organisation, String name) throws SQLException {
		try (var statement = connection.prepareStatement("""
				insert into sites (id, organisation_id, name, timezone, active, created_at, updated_at)
				values (?, ?, ?, 'Europe/London', true, now(), now())
				""")) {
			statement.setObject(1, UUID.randomUUID());
			statement.setObject(2, organisation);
			statement.setString(3, name);
			statement.executeUpdate();
		}
	}
}
