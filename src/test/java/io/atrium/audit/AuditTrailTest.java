package io.atrium.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.URLEncoder;
import java.time.Instant;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.atrium.access.OrganisationRole;
import io.atrium.test.Api;
import io.atrium.test.AtriumTest;
import io.atrium.test.Fixtures;
import tools.jackson.databind.JsonNode;

/** What the audit trail records, who may read it, and how it is filtered and paged. */
@AtriumTest
class AuditTrailTest {

	@LocalServerPort
	int port;

	@Autowired
	Fixtures.Factory factory;

	Fixtures fixtures;

	@BeforeEach
	void setUp() {
		fixtures = factory.at(port);
	}

	@Test
	void recordsSignInsAndFailedSignInsOnThePlatformChain() throws Exception {
		var user = fixtures.loneUser();
		var succeeded = "signin-" + UUID.randomUUID();
		var failed = "signin-failed-" + UUID.randomUUID();
		var anonymous = fixtures.anonymous();
		assertThat(anonymous.withHeader("X-Request-Id", succeeded)
			.post("/api/v1/auth/login", Map.of("email", user.email(), "password", user.password())).status()).isEqualTo(200);
		assertThat(anonymous.withHeader("X-Request-Id", failed)
			.post("/api/v1/auth/login", Map.of("email", user.email(), "password", "not the password")).status()).isEqualTo(401);

		var entries = items(fixtures.superAdmin().get("/api/v1/admin/audit-events?action=auth.&entityId=" + user.id()));

		assertThat(entries).extracting(e -> e.get("action").asString()).containsExactly("auth.sign_in_failed", "auth.signed_in");
		var failure = entries.get(0);
		assertThat(failure.get("actorId").asString()).isEqualTo(user.id().toString());
		assertThat(failure.get("details").get("reason").asString()).isEqualTo("wrong password");
		assertThat(failure.get("requestId").asString()).isEqualTo(failed);
		assertThat(InetAddress.getByName(failure.get("clientAddress").asString()).isLoopbackAddress()).isTrue();
		var success = entries.get(1);
		assertThat(success.get("actorId").asString()).isEqualTo(user.id().toString());
		assertThat(success.get("requestId").asString()).isEqualTo(succeeded);
		assertThat(success.get("details").get("mfa").asBoolean()).isFalse();
		assertThat(failure.get("seq").asLong()).isGreaterThan(success.get("seq").asLong());
	}

	@Test
	void recordsAFailedSignInForAnUnknownEmail() {
		var email = Fixtures.unique("nobody") + "@example.test";
		fixtures.anonymous().post("/api/v1/auth/login", Map.of("email", email, "password", "whatever it is"));

		var entries = items(fixtures.superAdmin().get("/api/v1/admin/audit-events?size=200&action=auth.sign_in_failed"));

		assertThat(entries).filteredOn(e -> e.get("details").get("email").asString().equals(email)).singleElement()
			.satisfies(e -> {
				assertThat(e.get("entityId").isNull()).isTrue();
				assertThat(e.get("details").get("reason").asString()).isEqualTo("unknown email");
			});
	}

	@Test
	void recordsSiteCreationAndChangesWithBeforeAndAfter() {
		var organisation = fixtures.organisation("Audited");
		var owner = fixtures.member(organisation, OrganisationRole.OWNER, Map.of());
		var requestId = "site-change-" + UUID.randomUUID();
		var api = fixtures.signIn(owner).withHeader("X-Request-Id", requestId);
		var site = api.post(sites(organisation), Map.of("name", "Leeds", "timezone", "Europe/London")).json().get("id").asString();
		assertThat(api.patch(sites(organisation) + "/" + site, Map.of("name", "York", "timezone", "Europe/Paris")).status())
			.isEqualTo(200);

		var entries = items(api.get(trail(organisation) + "?entityType=site&entityId=" + site));

		assertThat(entries).extracting(e -> e.get("action").asString()).containsExactly("site.updated", "site.created");
		var updated = entries.get(0);
		assertThat(updated.get("changes").get("name").get("before").asString()).isEqualTo("Leeds");
		assertThat(updated.get("changes").get("name").get("after").asString()).isEqualTo("York");
		assertThat(updated.get("changes").get("timezone").get("before").asString()).isEqualTo("Europe/London");
		assertThat(updated.get("changes").get("timezone").get("after").asString()).isEqualTo("Europe/Paris");
		assertThat(updated.get("changes").has("description")).as("unchanged fields are not listed").isFalse();
		var created = entries.get(1);
		assertThat(created.get("changes").get("name").get("before").isNull()).isTrue();
		assertThat(created.get("changes").get("name").get("after").asString()).isEqualTo("Leeds");
		for (var entry : entries) {
			assertThat(entry.get("actorId").asString()).isEqualTo(owner.id().toString());
			assertThat(entry.get("siteId").asString()).isEqualTo(site);
			assertThat(entry.get("requestId").asString()).isEqualTo(requestId);
		}
		assertThat(updated.get("prevHash").asString()).isEqualTo(created.get("hash").asString());
		assertThat(updated.get("seq").asLong()).isEqualTo(created.get("seq").asLong() + 1);
	}

	@Test
	void recordsAnOrganisationChange() {
		var organisation = fixtures.organisation("Renamed");
		var owner = fixtures.member(organisation, OrganisationRole.OWNER, Map.of());
		var api = fixtures.signIn(owner);
		var before = api.get("/api/v1/organisations/" + organisation).json().get("name").asString();
		assertThat(api.patch("/api/v1/organisations/" + organisation, Map.of("name", "Renamed Ltd")).status()).isEqualTo(200);

		var entries = items(api.get(trail(organisation) + "?action=organisation.updated"));

		assertThat(entries).singleElement().satisfies(entry -> {
			assertThat(entry.get("entityType").asString()).isEqualTo("organisation");
			assertThat(entry.get("entityId").asString()).isEqualTo(organisation.toString());
			assertThat(entry.get("actorId").asString()).isEqualTo(owner.id().toString());
			assertThat(entry.get("changes").get("name").get("before").asString()).isEqualTo(before);
			assertThat(entry.get("changes").get("name").get("after").asString()).isEqualTo("Renamed Ltd");
		});
	}

	@Test
	void aMemberOfAnotherOrganisationCannotReadItsTrail() {
		var mine = fixtures.organisation("Mine");
		var theirs = fixtures.organisation("Theirs");
		var api = fixtures.signIn(fixtures.member(mine, OrganisationRole.OWNER, Map.of()));

		var list = api.get(trail(theirs));
		var verify = api.get(trail(theirs) + "/verify");

		assertThat(list.status()).isEqualTo(404);
		assertThat(list.contentType()).startsWith("application/problem+json");
		assertThat(list.body()).doesNotContain("organisation.created");
		assertThat(verify.status()).isEqualTo(404);
		assertThat(api.get(trail(mine)).status()).isEqualTo(200);
	}

	@Test
	void aMemberWithoutAuditPermissionIsForbidden() {
		var organisation = fixtures.organisation("Plain");
		var api = fixtures.signIn(fixtures.member(organisation, OrganisationRole.MEMBER, Map.of()));

		var response = api.get(trail(organisation));

		assertThat(response.status()).isEqualTo(403);
		assertThat(response.json().get("detail").asString()).contains("audit read");
	}

	@Test
	void onlySuperAdminsReadThePlatformTrail() {
		var organisation = fixtures.organisation("Owned");
		var api = fixtures.signIn(fixtures.member(organisation, OrganisationRole.OWNER, Map.of()));

		assertThat(api.get("/api/v1/admin/audit-events").status()).isEqualTo(403);
		assertThat(api.get("/api/v1/admin/audit-events/verify").status()).isEqualTo(403);
	}

	@Test
	void anOrganisationsTrailHoldsOnlyItsOwnEntries() {
		var organisation = fixtures.organisation("Own");
		var owner = fixtures.member(organisation, OrganisationRole.OWNER, Map.of());
		fixtures.signIn(owner);

		var entries = items(fixtures.superAdmin().get(trail(organisation) + "?size=200"));

		assertThat(entries).extracting(e -> e.get("action").asString())
			.containsExactly("member.added", "organisation.created");
	}

	@Test
	void filtersByActionPrefixActorSiteAndTime() {
		var organisation = fixtures.organisation("Filtered");
		var owner = fixtures.member(organisation, OrganisationRole.OWNER, Map.of());
		var api = fixtures.signIn(owner);
		var leeds = api.post(sites(organisation), Map.of("name", "Leeds", "timezone", "Europe/London")).json().get("id").asString();
		var york = api.post(sites(organisation), Map.of("name", "York", "timezone", "Europe/London")).json().get("id").asString();
		api.patch(sites(organisation) + "/" + leeds, Map.of("description", "The first one"));

		assertThat(actions(api.get(trail(organisation) + "?action=site."))).containsExactly("site.updated", "site.created", "site.created");
		assertThat(actions(api.get(trail(organisation) + "?action=site.created"))).containsExactly("site.created", "site.created");
		assertThat(actions(api.get(trail(organisation) + "?action=site"))).as("exact unless it ends with a dot").isEmpty();
		assertThat(actions(api.get(trail(organisation) + "?actorId=" + owner.id()))).containsExactly("site.updated", "site.created", "site.created");
		assertThat(actions(api.get(trail(organisation) + "?siteId=" + leeds))).containsExactly("site.updated", "site.created");

		var all = items(api.get(trail(organisation)));
		var yorkCreated = all.stream().filter(e -> e.get("entityId").asString().equals(york)).findFirst().orElseThrow();
		var at = Instant.parse(yorkCreated.get("occurredAt").asString());
		var from = times(api.get(trail(organisation) + "?from=" + encode(at.toString())));
		var to = times(api.get(trail(organisation) + "?to=" + encode(at.toString())));
		assertThat(from).contains(at).allSatisfy(time -> assertThat(time).isAfterOrEqualTo(at));
		assertThat(to).isNotEmpty().allSatisfy(time -> assertThat(time).isBefore(at));
		assertThat(from.size() + to.size()).isEqualTo(all.size());
	}

	@Test
	void pagesNewestFirstWithACursorUntilTheEnd() {
		var organisation = fixtures.organisation("Paged");
		for (var i = 0; i < 6; i++) {
			fixtures.site(organisation, "Site");
		}
		var api = fixtures.superAdmin();
		var everything = items(api.get(trail(organisation) + "?size=200"));

		var pages = new ArrayList<List<JsonNode>>();
		var path = trail(organisation) + "?size=3";
		while (path != null) {
			var page = api.get(path).json();
			pages.add(list(page.get("items")));
			path = page.get("nextCursor").isNull() ? null
					: trail(organisation) + "?size=3&cursor=" + encode(page.get("nextCursor").asString());
		}

		assertThat(everything).hasSize(7);
		assertThat(pages).extracting(List::size).containsExactly(3, 3, 1);
		assertThat(pages.stream().flatMap(List::stream).map(e -> e.get("seq").asLong()).toList())
			.containsExactly(7L, 6L, 5L, 4L, 3L, 2L, 1L);
	}

	@Test
	void aCursorThatIsNotOursIsAFieldError() {
		var organisation = fixtures.organisation("Cursor");

		var response = fixtures.superAdmin().get(trail(organisation) + "?cursor=bm90LWEtY3Vyc29y");

		assertThat(response.status()).isEqualTo(400);
		assertThat(response.json().get("errors").get(0).get("field").asString()).isEqualTo("cursor");
		assertThat(response.json().get("errors").get(0).get("message").asString()).contains("start again without it");
	}

	@Test
	void aPageSizeOutsideOneTo200IsAFieldError() {
		var organisation = fixtures.organisation("Sized");
		var api = fixtures.superAdmin();

		for (var size : List.of("0", "201", "-1")) {
			var response = api.get(trail(organisation) + "?size=" + size);
			assertThat(response.status()).isEqualTo(400);
			assertThat(response.json().get("errors").get(0).get("field").asString()).isEqualTo("size");
		}
		assertThat(items(api.get(trail(organisation) + "?size=200"))).hasSize(1);
	}

	@Test
	void aTimeRangeThatEndsBeforeItStartsIsAFieldError() {
		var organisation = fixtures.organisation("Timed");

		var response = fixtures.superAdmin().get(trail(organisation) + "?from=2026-02-01T00:00:00Z&to=2026-01-01T00:00:00Z");

		assertThat(response.status()).isEqualTo(400);
		assertThat(response.json().get("errors").get(0).get("field").asString()).isEqualTo("to");
	}

	@Test
	void aTimeBeyondWhatTheDatabaseStoresIsAFieldError() {
		var organisation = fixtures.organisation("Far");

		var response = fixtures.superAdmin().get(trail(organisation) + "?from=%2B100000-01-01T00:00:00Z");

		assertThat(response.status()).as(response.toString()).isEqualTo(400);
		assertThat(response.json().get("errors").get(0).get("field").asString()).isEqualTo("from");
	}

	@Test
	void aTimeThatIsNotIso8601IsAFieldError() {
		var organisation = fixtures.organisation("Garbled");

		var response = fixtures.superAdmin().get(trail(organisation) + "?to=yesterday");

		assertThat(response.status()).isEqualTo(400);
		assertThat(response.json().get("errors").get(0).get("field").asString()).isEqualTo("to");
		assertThat(response.json().get("errors").get(0).get("message").asString()).isEqualTo("must be a valid ISO-8601 date-time");
	}

	static String trail(UUID organisation) {
		return "/api/v1/organisations/" + organisation + "/audit-events";
	}

	private static String sites(UUID organisation) {
		return "/api/v1/organisations/" + organisation + "/sites";
	}

	static List<JsonNode> items(Api.Response response) {
		assertThat(response.status()).as(response.toString()).isEqualTo(200);
		return list(response.json().get("items"));
	}

	private static List<String> actions(Api.Response response) {
		return items(response).stream().map(e -> e.get("action").asString()).toList();
	}

	private static List<Instant> times(Api.Response response) {
		return items(response).stream().map(e -> Instant.parse(e.get("occurredAt").asString())).toList();
	}

	private static List<JsonNode> list(JsonNode array) {
		var list = new ArrayList<JsonNode>();
		array.forEach(list::add);
		return list;
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}
}
