package io.atrium.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipInputStream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.atrium.access.OrganisationRole;
import io.atrium.test.Api;
import io.atrium.test.AtriumTest;
import io.atrium.test.Fixtures;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Suspending, resuming and exporting organisations. */
@AtriumTest
class OrganisationLifecycleTest {

	static final JsonMapper json = JsonMapper.builder().build();

	@LocalServerPort
	int port;

	@Autowired
	Fixtures.Factory factory;

	@Autowired
	io.atrium.access.Memberships memberships;

	Fixtures fixtures;
	Api admin;

	@BeforeEach
	void setUp() {
		fixtures = factory.at(port);
		admin = fixtures.superAdmin();
	}

	@Test
	void aSuspendedOrganisationsMembersAreRefusedAndItsDataIsBackWhenResumed() {
		var organisation = fixtures.organisation("Paused");
		var site = fixtures.site(organisation, "Leeds");
		var member = fixtures.signIn(fixtures.member(organisation, OrganisationRole.ADMIN, Map.of()));
		var sites = "/api/v1/organisations/" + organisation + "/sites";
		assertThat(member.get(sites).status()).isEqualTo(200);

		var suspended = admin.post("/api/v1/admin/organisations/" + organisation + "/suspend", Map.of("reason", "unpaid invoices"));

		assertThat(suspended.status()).as(suspended.toString()).isEqualTo(200);
		assertThat(suspended.json().get("status").asString()).isEqualTo("SUSPENDED");
		var refused = member.get(sites);
		assertThat(refused.status()).isEqualTo(403);
		assertThat(refused.json().get("type").asString()).endsWith("/organisation-suspended");
		assertThat(refused.json().get("detail").asString()).contains("suspended").contains("data is kept");
		assertThat(member.get("/api/v1/organisations/" + organisation).status()).isEqualTo(403);
		assertThat(admin.get(sites).json().get("items")).extracting(n -> n.get("id").asString()).containsExactly(site.toString());

		var resumed = admin.post("/api/v1/admin/organisations/" + organisation + "/resume", null);

		assertThat(resumed.json().get("status").asString()).isEqualTo("ACTIVE");
		var again = member.get(sites);
		assertThat(again.status()).isEqualTo(200);
		assertThat(again.json().get("items")).extracting(n -> n.get("id").asString()).containsExactly(site.toString());
	}

	@Test
	void membersOfOnlySuspendedOrganisationsCannotSignInUntilItIsResumed() {
		var organisation = fixtures.organisation("Frozen");
		var member = fixtures.member(organisation, OrganisationRole.MEMBER, Map.of());
		var alsoElsewhere = fixtures.member(organisation, OrganisationRole.MEMBER, Map.of());
		var elsewhere = fixtures.organisation("Elsewhere");
		memberships.add(io.atrium.database.Scope.system(elsewhere), elsewhere, alsoElsewhere.id(), OrganisationRole.MEMBER, Map.of());
		admin.post("/api/v1/admin/organisations/" + organisation + "/suspend", null);
		var credentials = Map.of("email", member.email(), "password", member.password());

		var refused = fixtures.anonymous().post("/api/v1/auth/login", credentials);

		assertThat(refused.status()).as(refused.toString()).isEqualTo(403);
		assertThat(refused.json().get("type").asString()).endsWith("/organisation-suspended");
		assertThat(fixtures.anonymous().post("/api/v1/auth/login", Map.of("email", member.email(), "password", "not the password at all")).status())
			.as("a wrong password still answers 401, so the refusal reveals nothing to a stranger").isEqualTo(401);
		fixtures.signIn(alsoElsewhere);
		admin.post("/api/v1/admin/organisations/" + organisation + "/resume", null);
		assertThat(fixtures.anonymous().post("/api/v1/auth/login", credentials).status()).isEqualTo(200);
	}

	@Test
	void outsidersOfASuspendedOrganisationStillFindNothing() {
		var organisation = fixtures.organisation("Hidden");
		var outsider = fixtures.signIn(fixtures.member(fixtures.organisation("Other"), OrganisationRole.OWNER, Map.of()));
		admin.post("/api/v1/admin/organisations/" + organisation + "/suspend", null);

		assertThat(outsider.get("/api/v1/organisations/" + organisation + "/sites").status()).isEqualTo(404);
	}

	@Test
	void suspendingASuspendedOrganisationIsAConflict() {
		var organisation = fixtures.organisation("Twice");
		admin.post("/api/v1/admin/organisations/" + organisation + "/suspend", null);

		var again = admin.post("/api/v1/admin/organisations/" + organisation + "/suspend", null);

		assertThat(again.status()).isEqualTo(409);
		assertThat(again.json().get("detail").asString()).contains("/resume");
	}

	@Test
	void onlySuperAdminsChangeAnOrganisationsLifecycleOrExportIt() {
		var organisation = fixtures.organisation("Mine");
		var owner = fixtures.signIn(fixtures.member(organisation, OrganisationRole.OWNER, Map.of()));

		assertThat(owner.post("/api/v1/admin/organisations/" + organisation + "/suspend", null).status()).isEqualTo(403);
		assertThat(owner.get("/api/v1/admin/organisations/" + organisation + "/export").status()).isEqualTo(403);
		assertThat(admin.get("/api/v1/organisations/" + organisation).json().get("status").asString()).isEqualTo("ACTIVE");
	}

	@Test
	void anExportHoldsAllOfTheOrganisationsDataAndNothingOfOthersOrTheirSecrets() throws Exception {
		var organisation = fixtures.organisation("Export");
		var site = fixtures.site(organisation, "Leeds");
		var member = fixtures.member(organisation, OrganisationRole.ADMIN, Map.of());
		var endpoint = fixtures.signIn(member).post("/api/v1/organisations/" + organisation + "/webhooks/endpoints",
				Map.of("url", "https://hooks.example.invalid/in", "eventTypes", List.of("member.*"), "enabled", false));
		assertThat(endpoint.status()).as(endpoint.toString()).isEqualTo(201);
		var other = fixtures.organisation("Elsewhere");
		var otherSite = fixtures.site(other, "Paris");

		var response = download("/api/v1/admin/organisations/" + organisation + "/export");

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/zip");
		assertThat(response.headers().firstValue("Content-Disposition").orElseThrow()).contains("attachment").contains(".zip");
		var files = unzip(response.body());
		assertThat(files).containsKeys("manifest.json", "organisations.json", "users.json", "sites.json",
				"organisation_members.json", "audit_events.json", "webhook_endpoints.json");
		assertThat(ids(files.get("organisations.json"))).containsExactly(organisation.toString());
		assertThat(ids(files.get("sites.json"))).containsExactly(site.toString()).doesNotContain(otherSite.toString());
		assertThat(files.get("organisation_members.json").valueStream().map(m -> m.get("user_id").asString()))
			.containsExactly(member.id().toString());
		assertThat(files.get("users.json").valueStream().map(u -> u.get("email").asString())).containsExactly(member.email());
		var exportedEndpoint = files.get("webhook_endpoints.json").get(0);
		assertThat(exportedEndpoint.get("url").asString()).isEqualTo("https://hooks.example.invalid/in");
		assertThat(exportedEndpoint.has("secret")).isFalse();
		assertThat(exportedEndpoint.has("previous_secret")).isFalse();
		assertThat(files.get("audit_events.json").valueStream().map(e -> e.get("action").asString()))
			.contains("organisation.created", "site.created", "member.added", "organisation.exported")
			.allSatisfy(action -> assertThat(action).isNotNull());
		assertThat(files.get("audit_events.json").valueStream().map(e -> e.get("organisation_id").asString()))
			.containsOnly(organisation.toString());
		var manifest = files.get("manifest.json");
		assertThat(manifest.get("rows").get("sites").asLong()).isEqualTo(1);
		assertThat(manifest.get("omittedColumns").get("webhook_endpoints").valueStream().map(JsonNode::asString))
			.contains("secret", "previous_secret");
	}

	private HttpResponse<byte[]> download(String path) throws IOException, InterruptedException {
		var token = fixtures.anonymous().post("/api/v1/auth/login",
				Map.of("email", Fixtures.ADMIN_EMAIL, "password", Fixtures.ADMIN_PASSWORD)).json().get("accessToken").asString();
		var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
			.header("Authorization", "Bearer " + token).GET().build();
		return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofByteArray());
	}

	private static Map<String, JsonNode> unzip(byte[] archive) throws IOException {
		var files = new HashMap<String, JsonNode>();
		try (var zip = new ZipInputStream(new ByteArrayInputStream(archive), StandardCharsets.UTF_8)) {
			for (var entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
				files.put(entry.getName(), json.readTree(zip.readAllBytes()));
			}
		}
		return files;
	}

	private static List<String> ids(JsonNode rows) {
		return rows.valueStream().map(row -> row.get("id").asString()).toList();
	}
}
