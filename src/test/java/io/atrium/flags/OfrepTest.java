package io.atrium.flags;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;

import dev.openfeature.contrib.providers.ofrep.OfrepProvider;
import dev.openfeature.contrib.providers.ofrep.OfrepProviderOptions;
import dev.openfeature.sdk.Client;
import dev.openfeature.sdk.ErrorCode;
import dev.openfeature.sdk.ImmutableContext;
import dev.openfeature.sdk.OpenFeatureAPI;
import dev.openfeature.sdk.Value;
import io.atrium.access.OrganisationRole;
import io.atrium.test.Api;
import io.atrium.test.AtriumTest;
import io.atrium.test.Fixtures;

/** OFREP, checked with OpenFeature's own Java SDK and OFREP provider as the client. */
@AtriumTest
class OfrepTest {

	static final String FLAGS = "/api/v1/admin/feature-flags";
	static final String BULK = "/ofrep/v1/evaluate/flags";

	@LocalServerPort
	int port;

	@Autowired
	Fixtures.Factory factory;

	Fixtures fixtures;
	Api admin;

	@BeforeEach
	void setUp() {
		fixtures = factory.at(port);
		admin = fixtures.superAdmin();
	}

	private String flag(Map<String, Object> definition) {
		var enabled = new java.util.HashMap<String, Object>(definition);
		enabled.putIfAbsent("enabled", true);
		return TestFlags.define(admin, "ofrep", enabled);
	}

	private static Map<String, Object> rule(String attribute, String value, String variant) {
		return TestFlags.rule(attribute, value, variant);
	}

	/** An organisation with an admin who created an OFREP key; returns the key. */
	private String apiKey(UUID organisation) {
		var owner = fixtures.signIn(fixtures.member(organisation, OrganisationRole.ADMIN, Map.of()));
		var created = owner.post("/api/v1/organisations/" + organisation + "/feature-flag-keys", Map.of("name", "checkout service"));
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		return created.json().get("key").asString();
	}

	private Client sdk(String header, String value) {
		var api = OpenFeatureAPI.getInstance();
		var domain = Fixtures.unique("client");
		api.setProviderAndWait(domain, OfrepProvider.constructProvider(OfrepProviderOptions.builder()
			.baseUrl("http://localhost:" + port)
			.headers(ImmutableMap.of(header, ImmutableList.of(value)))
			.build()));
		return api.getClient(domain);
	}

	private Api.Response post(String header, String value, String path, String body) {
		return new Api(port).withHeader(header, value).raw("POST", path, "application/json", body);
	}

	@Test
	void theSdkEvaluatesAFlagWithAnOrganisationsApiKey() {
		var organisation = fixtures.organisation("Sdk");
		var key = flag(Map.of("rules", List.of(rule("ORGANISATION", organisation.toString(), "on"))));
		var client = sdk("X-API-Key", apiKey(organisation));

		var details = client.getBooleanDetails(key, false, new ImmutableContext("customer-42"));
		assertThat(details.getErrorCode()).isNull();
		assertThat(details.getValue()).isTrue();
		assertThat(details.getVariant()).isEqualTo("on");
		assertThat(details.getReason()).isEqualTo("TARGETING_MATCH");
	}

	@Test
	void theSdkEvaluatesAStringFlagForTheRoleInTheContext() {
		var organisation = fixtures.organisation("Roles");
		var key = flag(Map.of("kind", "STRING", "variants", Map.of("classic", "classic", "compact", "compact"),
				"defaultVariant", "classic", "rules", List.of(rule("ROLE", "ADMIN", "compact"))));
		var client = sdk("X-API-Key", apiKey(organisation));

		var admin = client.getStringDetails(key, "fallback", new ImmutableContext("customer-1", Map.of("role", new Value("ADMIN"))));
		assertThat(admin.getValue()).isEqualTo("compact");
		var member = client.getStringDetails(key, "fallback", new ImmutableContext("customer-2", Map.of("role", new Value("MEMBER"))));
		assertThat(member.getValue()).isEqualTo("classic");
		assertThat(member.getReason()).isEqualTo("DEFAULT");
	}

	@Test
	void theSdkEvaluatesARolloutStickyPerTargetingKey() {
		var organisation = fixtures.organisation("Rollout");
		var key = flag(Map.of("rules", List.of(Map.of("rollout", Map.of("percentage", 50, "stickiness", "USER", "groupId", "dark-mode"),
				"variant", "on"))));
		var client = sdk("X-API-Key", apiKey(organisation));
		// buckets in group "dark-mode" (docs/feature-flags.md): alice 96, bob 21
		assertThat(client.getBooleanValue(key, false, new ImmutableContext("alice"))).isFalse();
		assertThat(client.getBooleanValue(key, false, new ImmutableContext("bob"))).isTrue();
		assertThat(client.getBooleanDetails(key, false, new ImmutableContext("bob")).getReason()).isEqualTo("SPLIT");
	}

	@Test
	void theSdkEvaluatesAsTheSignedInUserWithABearerToken() {
		var organisation = fixtures.organisation("Bearer");
		var key = flag(Map.of("rules", List.of(rule("ROLE", "OWNER", "on"))));
		var owner = fixtures.member(organisation, OrganisationRole.OWNER, Map.of());
		var client = sdk("Authorization", "Bearer " + signInToken(owner));

		var details = client.getBooleanDetails(key, false,
				new ImmutableContext("ignored", Map.of("organisationId", new Value(organisation.toString()))));
		assertThat(details.getValue()).isTrue();
		assertThat(details.getReason()).isEqualTo("TARGETING_MATCH");
	}

	private String signInToken(Fixtures.User user) {
		var response = fixtures.anonymous().post("/api/v1/auth/login", Map.of("email", user.email(), "password", user.password()));
		return response.json().get("accessToken").asString();
	}

	@Test
	void theSdkReportsAnUnknownFlagAsFlagNotFound() {
		var client = sdk("X-API-Key", apiKey(fixtures.organisation("Unknown")));
		var details = client.getBooleanDetails("no-such-flag", true, new ImmutableContext("customer-1"));
		assertThat(details.getValue()).isTrue();
		assertThat(details.getErrorCode()).isEqualTo(ErrorCode.FLAG_NOT_FOUND);
	}

	@Test
	void theSdkReportsAnotherOrganisationInTheContextAsInvalidContext() {
		var key = flag(Map.of());
		var client = sdk("X-API-Key", apiKey(fixtures.organisation("Mine")));
		var details = client.getBooleanDetails(key, true,
				new ImmutableContext("customer-1", Map.of("organisationId", new Value(fixtures.organisation("Theirs").toString()))));
		assertThat(details.getValue()).isTrue();
		assertThat(details.getErrorCode()).isEqualTo(ErrorCode.INVALID_CONTEXT);
	}

	@Test
	void aRevokedKeyStopsWorking() {
		var organisation = fixtures.organisation("Revoked");
		var key = flag(Map.of("rules", List.of(rule("ORGANISATION", organisation.toString(), "on"))));
		var owner = fixtures.signIn(fixtures.member(organisation, OrganisationRole.OWNER, Map.of()));
		var created = owner.post("/api/v1/organisations/" + organisation + "/feature-flag-keys", Map.of("name", "mobile")).json();
		var client = sdk("X-API-Key", created.get("key").asString());
		assertThat(client.getBooleanValue(key, false, new ImmutableContext("c"))).isTrue();

		var listed = owner.get("/api/v1/organisations/" + organisation + "/feature-flag-keys").json().get("items").get(0);
		assertThat(listed.get("hint").asString()).isEqualTo(created.get("key").asString().substring(created.get("key").asString().length() - 4));
		assertThat(listed.has("key")).isFalse();
		assertThat(owner.delete("/api/v1/organisations/" + organisation + "/feature-flag-keys/" + created.get("id").asString()).status())
			.isEqualTo(204);

		var details = client.getBooleanDetails(key, false, new ImmutableContext("c"));
		assertThat(details.getValue()).isFalse();
		assertThat(details.getErrorCode()).isEqualTo(ErrorCode.GENERAL);
		assertThat(post("X-API-Key", created.get("key").asString(), BULK, "{}").status()).isEqualTo(401);
	}

	@Test
	void onlyOrganisationAdminsManageKeys() {
		var organisation = fixtures.organisation("KeyAdmins");
		var member = fixtures.signIn(fixtures.member(organisation, OrganisationRole.MEMBER, Map.of()));
		assertThat(member.post("/api/v1/organisations/" + organisation + "/feature-flag-keys", Map.of("name", "x")).status()).isEqualTo(403);
		assertThat(member.get("/api/v1/organisations/" + organisation + "/feature-flag-keys").status()).isEqualTo(403);
	}

	@Test
	void errorsCarryTheOfrepErrorCodes() {
		var organisation = fixtures.organisation("Errors");
		var apiKey = apiKey(organisation);
		var byUser = flag(Map.of("rules", List.of(Map.of("rollout", Map.of("percentage", 50, "stickiness", "USER"), "variant", "on"))));
		var single = "/ofrep/v1/evaluate/flags/" + byUser;

		var parse = post("X-API-Key", apiKey, single, "{not json");
		assertThat(parse.status()).isEqualTo(400);
		assertThat(parse.json().get("key").asString()).isEqualTo(byUser);
		assertThat(parse.json().get("errorCode").asString()).isEqualTo("PARSE_ERROR");

		var missing = post("X-API-Key", apiKey, single, "{\"context\":{}}");
		assertThat(missing.status()).isEqualTo(400);
		assertThat(missing.json().get("errorCode").asString()).isEqualTo("TARGETING_KEY_MISSING");

		var invalid = post("X-API-Key", apiKey, single, "{\"context\":{\"targetingKey\":\"a\",\"role\":\"KING\"}}");
		assertThat(invalid.status()).isEqualTo(400);
		assertThat(invalid.json().get("errorCode").asString()).isEqualTo("INVALID_CONTEXT");
		assertThat(post("X-API-Key", apiKey, single, "{\"context\":\"everyone\"}").json().get("errorCode").asString())
			.isEqualTo("INVALID_CONTEXT");

		var notFound = post("X-API-Key", apiKey, "/ofrep/v1/evaluate/flags/no-such-flag", "{\"context\":{\"targetingKey\":\"a\"}}");
		assertThat(notFound.status()).isEqualTo(404);
		assertThat(notFound.json().get("key").asString()).isEqualTo("no-such-flag");
		assertThat(notFound.json().get("errorCode").asString()).isEqualTo("FLAG_NOT_FOUND");
		assertThat(notFound.json().get("errorDetails").asString()).isNotBlank();

		var bulkParse = post("X-API-Key", apiKey, BULK, "[1,2");
		assertThat(bulkParse.status()).isEqualTo(400);
		assertThat(bulkParse.json().get("errorCode").asString()).isEqualTo("PARSE_ERROR");
		assertThat(bulkParse.json().has("key")).isFalse();

		var bulk = post("X-API-Key", apiKey, BULK, "{\"context\":{}}").json().get("flags");
		assertThat(bulk).filteredOn(f -> f.get("key").asString().equals(byUser)).singleElement()
			.satisfies(f -> assertThat(f.get("errorCode").asString()).isEqualTo("TARGETING_KEY_MISSING"));

		var unauthenticated = new Api(port).raw("POST", BULK, "application/json", "{}");
		assertThat(unauthenticated.status()).isEqualTo(401);
		assertThat(unauthenticated.json().get("errorDetails").asString()).contains("X-API-Key");
	}

	@Test
	void aSuccessfulEvaluationHasTheOfrepShape() {
		var organisation = fixtures.organisation("Shape");
		var key = flag(Map.of("rules", List.of(rule("PLAN", "FREE", "on"))));
		var response = post("X-API-Key", apiKey(organisation), "/ofrep/v1/evaluate/flags/" + key,
				"{\"context\":{\"targetingKey\":\"someone\"}}");
		assertThat(response.status()).isEqualTo(200);
		var body = response.json();
		assertThat(body.get("key").asString()).isEqualTo(key);
		assertThat(body.get("value").asBoolean()).isTrue();
		assertThat(body.get("variant").asString()).isEqualTo("on");
		assertThat(body.get("reason").asString()).isEqualTo("TARGETING_MATCH");
		assertThat(body.get("metadata").get("rule").asString()).isEqualTo("0");
	}

	@Test
	void bulkEvaluationAnswersNotModifiedUntilAFlagChanges() {
		var organisation = fixtures.organisation("Bulk");
		var key = flag(Map.of("rules", List.of(rule("ORGANISATION", organisation.toString(), "on"))));
		var apiKey = apiKey(organisation);
		var context = "{\"context\":{\"targetingKey\":\"device-1\"}}";

		var first = post("X-API-Key", apiKey, BULK, context);
		assertThat(first.status()).isEqualTo(200);
		var etag = first.header("ETag");
		assertThat(etag).isNotBlank();
		assertThat(first.json().get("flags")).filteredOn(f -> f.get("key").asString().equals(key)).singleElement()
			.satisfies(f -> assertThat(f.get("value").asBoolean()).isTrue());

		var unchanged = new Api(port).withHeader("X-API-Key", apiKey).withHeader("If-None-Match", etag)
			.raw("POST", BULK, "application/json", context);
		assertThat(unchanged.status()).isEqualTo(304);
		assertThat(unchanged.header("ETag")).isEqualTo(etag);
		assertThat(unchanged.body()).isEmpty();

		admin.patch(FLAGS + "/" + key, Map.of("enabled", false));
		var changed = new Api(port).withHeader("X-API-Key", apiKey).withHeader("If-None-Match", etag)
			.raw("POST", BULK, "application/json", context);
		assertThat(changed.status()).isEqualTo(200);
		assertThat(changed.header("ETag")).isNotEqualTo(etag);
		assertThat(changed.json().get("flags")).filteredOn(f -> f.get("key").asString().equals(key)).singleElement()
			.satisfies(f -> assertThat(f.get("reason").asString()).isEqualTo("DISABLED"));
	}

	@Test
	void aSignedInUserOutsideTheOrganisationIsRefused() {
		var organisation = fixtures.organisation("Closed");
		var outsider = fixtures.member(fixtures.organisation("Elsewhere"), OrganisationRole.OWNER, Map.of());
		var response = post("Authorization", "Bearer " + signInToken(outsider), BULK,
				"{\"context\":{\"organisationId\":\"" + organisation + "\"}}");
		assertThat(response.status()).isEqualTo(403);
		assertThat(response.json().get("errorDetails").asString()).contains(organisation.toString());
	}
}
