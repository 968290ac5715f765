package io.atrium.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import org.springframework.test.context.TestContextManager;

import io.atrium.test.Api;
import io.atrium.test.AtriumTest;
import io.atrium.test.Fixtures;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Validation rules hold for generated input, over real HTTP: a value is accepted exactly when the
 * rule says so, and refused with an error naming the field otherwise; no input makes the server
 * fail. Each rule is restated here in its own words as the oracle.
 * <p>
 * jqwik does not run JUnit Jupiter extensions, so the running Atrium is taken from Spring's test
 * context cache through {@link TestContextManager}: this class carries {@link AtriumTest} like
 * the other API tests and so shares their application context instead of starting another.
 */
@AtriumTest
class ValidationProperties {

	private static final Set<String> SORTABLE_SITE_FIELDS = Set.of("name", "timezone", "createdAt", "active");

	private static Api admin;
	/** Where the name and timezone rules are tried, so no other property takes their names. */
	private static UUID organisation;
	/** Where arbitrary bodies are sent. */
	private static UUID fuzzed;
	private static UUID site;
	private static final Set<String> siteNamesTaken = new HashSet<>();
	private static final Set<String> slugsTaken = new HashSet<>();

	@BeforeContainer
	static void connectToTheRunningAtrium() {
		var context = new TestContextManager(ValidationProperties.class).getTestContext().getApplicationContext();
		var port = context.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
		var fixtures = context.getBean(Fixtures.Factory.class).at(port);
		admin = fixtures.superAdmin();
		organisation = fixtures.organisation("Properties");
		fuzzed = fixtures.organisation("Fuzzed");
		site = fixtures.site(fuzzed, "Fixed");
	}

	@Property(tries = 100)
	void aSiteNameIsAcceptedExactlyWhenItFollowsTheRules(@ForAll("names") String name) {
		var before = siteCount();

		var response = admin.post(sites(), Map.of("name", name, "timezone", "Europe/London"));

		var valid = !name.isBlank() && name.length() <= 200 && name.chars().noneMatch(c -> c == '\r' || c == '\n' || c == '\t')
				&& name.chars().noneMatch(ValidationProperties::isControl);
		var taken = siteNamesTaken.contains(name.strip().toLowerCase(Locale.ROOT));
		if (valid && !taken) {
			assertThat(response.status()).as(response.toString()).isEqualTo(201);
			assertThat(response.json().get("name").asString()).isEqualTo(name.strip());
			siteNamesTaken.add(name.strip().toLowerCase(Locale.ROOT));
			assertThat(siteCount()).isEqualTo(before + 1);
		}
		else {
			assertFieldErrors(response, "name");
			assertThat(siteCount()).isEqualTo(before);
		}
	}

	@Property(tries = 100)
	void aTimezoneIsAcceptedExactlyWhenItIsAnIanaZone(@ForAll("timezones") String timezone) {
		var before = siteCount();

		var response = admin.post(sites(), Map.of("name", Fixtures.unique("Zone"), "timezone", timezone));

		if (ZoneId.getAvailableZoneIds().contains(timezone)) {
			assertThat(response.status()).as(response.toString()).isEqualTo(201);
			assertThat(response.json().get("timezone").asString()).isEqualTo(timezone);
			assertThat(siteCount()).isEqualTo(before + 1);
		}
		else {
			assertFieldErrors(response, "timezone");
			assertThat(siteCount()).isEqualTo(before);
		}
	}

	@Property(tries = 100)
	void aSlugIsAcceptedExactlyWhenItIsLowerCaseLettersDigitsAndInnerHyphens(@ForAll("slugs") String slug) {
		var response = admin.post("/api/v1/organisations", Map.of("name", Fixtures.unique("Slugged"), "slug", slug));

		var valid = slug.length() >= 1 && slug.length() <= 63
				&& slug.chars().allMatch(c -> (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-')
				&& !slug.startsWith("-") && !slug.endsWith("-");
		if (valid && !slugsTaken.contains(slug)) {
			assertThat(response.status()).as(response.toString()).isEqualTo(201);
			assertThat(response.json().get("slug").asString()).isEqualTo(slug);
			slugsTaken.add(slug);
		}
		else {
			assertFieldErrors(response, "slug");
		}
	}

	@Property(tries = 100)
	void listParametersAreAcceptedExactlyWhenValid(@ForAll("sorts") String sort, @ForAll("sizes") Integer size,
			@ForAll("pages") Integer page) {
		var query = new StringBuilder("?");
		if (sort != null) {
			query.append("sort=").append(URLEncoder.encode(sort, StandardCharsets.UTF_8)).append('&');
		}
		if (size != null) {
			query.append("size=").append(size).append('&');
		}
		if (page != null) {
			query.append("page=").append(page);
		}

		var response = admin.get(sites() + query);

		var wrong = new TreeSet<String>();
		var s = size == null ? 20 : size;
		if (s < 1 || s > 200) {
			wrong.add("size");
		}
		if (page != null && (page < 0 || (!wrong.contains("size") && (long) page * s > Integer.MAX_VALUE))) {
			wrong.add("page");
		}
		if (sort != null && !sort.isBlank() && !validSort(sort)) {
			wrong.add("sort");
		}
		if (wrong.isEmpty()) {
			assertThat(response.status()).as(response.toString()).isEqualTo(200);
			assertThat(response.json().get("size").asInt()).isEqualTo(s);
		}
		else {
			assertFieldErrors(response, wrong.toArray(String[]::new));
		}
	}

	@Property(tries = 100)
	void noJsonBodyMakesTheServerFailOrStoreWhatItRefused(@ForAll("jsonBodies") String body,
			@ForAll("writeEndpoints") Tuple.Tuple2<String, String> endpoint) {
		var before = siteCount(fuzzed);

		var response = admin.raw(endpoint.get1(), endpoint.get2().replace("{org}", fuzzed.toString())
			.replace("{site}", site.toString()), "application/json", body);

		assertThat(response.status()).as(response.toString()).isLessThan(500);
		assertThat(response.body()).doesNotContain("Exception").doesNotContain("\tat ");
		if (response.status() >= 400) {
			assertThat(response.contentType()).as(response.toString()).startsWith("application/problem+json");
		}
		assertThat(siteCount(fuzzed)).isEqualTo(response.status() == 201 && endpoint.get2().endsWith("/sites") ? before + 1 : before);
	}

	@Provide
	Arbitrary<String> names() {
		var piece = Arbitraries.frequency(Tuple.of(30, "a"), Tuple.of(10, "Z"), Tuple.of(8, "7"), Tuple.of(8, " "),
				Tuple.of(3, "-"), Tuple.of(3, "é"), Tuple.of(3, "日"), Tuple.of(2, "\uD83D\uDE00"), Tuple.of(2, "\u2003"),
				Tuple.of(2, "\u00A0"), Tuple.of(1, "\t"), Tuple.of(1, "\n"), Tuple.of(1, "\r"), Tuple.of(1, "\u0000"),
				Tuple.of(1, "\u0007"), Tuple.of(1, "\u001B"), Tuple.of(1, "\u007F"));
		return Arbitraries.oneOf(piece.list().ofMaxSize(12), piece.list().ofMinSize(190).ofMaxSize(205))
			.map(pieces -> String.join("", pieces))
			.edgeCases(edges -> edges.add(" ").add("x".repeat(200)).add("x".repeat(201)));
	}

	@Provide
	Arbitrary<String> timezones() {
		var zones = new ArrayList<>(ZoneId.getAvailableZoneIds());
		var real = Arbitraries.of(zones);
		var mangled = real.map(zone -> zone.toLowerCase(Locale.ROOT));
		var spaced = real.map(zone -> zone.replace('_', ' '));
		var made = Arbitraries.strings().withChars("AEUrlopnd/_+-0123456789 ").ofMaxLength(70);
		return Arbitraries.oneOf(real, real, mangled, spaced, made, Arbitraries.of("", " ", "UTC", "Z", "GMT+1", "+01:00",
				"Europe/Atlantis", "x".repeat(65)));
	}

	@Provide
	Arbitrary<String> slugs() {
		var piece = Arbitraries.frequency(Tuple.of(30, "a"), Tuple.of(20, "q"), Tuple.of(10, "4"), Tuple.of(8, "-"),
				Tuple.of(2, "A"), Tuple.of(2, "_"), Tuple.of(2, " "), Tuple.of(1, "."), Tuple.of(1, "é"));
		return Arbitraries.oneOf(piece.list().ofMaxSize(10), piece.list().ofMinSize(58).ofMaxSize(68))
			.map(pieces -> String.join("", pieces))
			.edgeCases(edges -> edges.add("").add("-").add("a".repeat(63)).add("a".repeat(64)));
	}

	@Provide
	Arbitrary<String> sorts() {
		var field = Arbitraries.of("name", "timezone", "createdAt", "active", "id", "Name", "created_at", "", " name ", "name;drop");
		var direction = Arbitraries.of("", ",asc", ",desc", ",DESC", ", asc ", ",up", ",", ",asc,desc", ",,");
		return Arbitraries.oneOf(field.flatMap(f -> direction.map(d -> f + d)), Arbitraries.strings().ofMaxLength(20))
			.injectNull(0.1);
	}

	@Provide
	Arbitrary<Integer> sizes() {
		return Arbitraries.oneOf(Arbitraries.integers().between(-3, 260), Arbitraries.integers().between(190, 210),
				Arbitraries.integers()).injectNull(0.15);
	}

	@Provide
	Arbitrary<Integer> pages() {
		// plain integers() stay small; pages that overflow an offset need asking for
		return Arbitraries.oneOf(Arbitraries.integers().between(-2, 5), Arbitraries.integers().between(5_000_000, Integer.MAX_VALUE),
				Arbitraries.integers()).injectNull(0.2);
	}

	@Provide
	Arbitrary<String> jsonBodies() {
		var token = Arbitraries.of("{", "}", "[", "]", ":", ",", "\"name\"", "\"timezone\"", "\"description\"",
				"\"active\"", "\"slug\"", "\"industry\"", "\"Europe/London\"", "\"RETAIL\"", "\"x\"", "0", "-1.5e999",
				"123456789012345678901234567890", "true", "null", "\"\\u0000\"", "\"\\ud800\"", "\"", " ", "\n", "'", "\\");
		var fragments = token.list().ofMaxSize(25).map(tokens -> String.join("", tokens));
		var value = Arbitraries.oneOf(Arbitraries.strings().ofMaxLength(10).map(s -> "\"" + s.replace("\\", "").replace("\"", "") + "\""),
				Arbitraries.integers().map(String::valueOf), Arbitraries.of("true", "false", "null", "[]", "{}", "[1,2]"));
		var key = Arbitraries.of("name", "timezone", "description", "active", "slug", "industry", "sicCode", "colour");
		var objects = Arbitraries.maps(key, value).ofMaxSize(5).map(map -> {
			var members = new ArrayList<String>();
			map.forEach((k, v) -> members.add("\"" + k + "\": " + v));
			return "{" + String.join(", ", members) + "}";
		});
		var deep = Arbitraries.integers().between(1, 3000).map(depth -> "[".repeat(depth) + "]".repeat(depth));
		return Arbitraries.oneOf(fragments, objects, objects, deep);
	}

	@Provide
	Arbitrary<Tuple.Tuple2<String, String>> writeEndpoints() {
		return Arbitraries.of(List.of(Tuple.of("POST", "/api/v1/organisations/{org}/sites"),
				Tuple.of("PATCH", "/api/v1/organisations/{org}/sites/{site}"), Tuple.of("PATCH", "/api/v1/organisations/{org}")));
	}

	private static boolean validSort(String sort) {
		var comma = sort.indexOf(',');
		var field = (comma < 0 ? sort : sort.substring(0, comma)).trim();
		if (!SORTABLE_SITE_FIELDS.contains(field)) {
			return false;
		}
		if (comma < 0) {
			return true;
		}
		var direction = sort.substring(comma + 1).trim().toLowerCase(Locale.ROOT);
		return direction.equals("asc") || direction.equals("desc");
	}

	private static boolean isControl(int c) {
		return (c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7F;
	}

	private static void assertFieldErrors(Api.Response response, String... fields) {
		assertThat(response.status()).as(response.toString()).isEqualTo(400);
		assertThat(response.contentType()).startsWith("application/problem+json");
		var named = new TreeSet<String>();
		response.json().get("errors").forEach(error -> named.add(error.get("field").asString()));
		assertThat(named).as(response.toString()).containsExactlyInAnyOrder(fields);
	}

	private static String sites() {
		return "/api/v1/organisations/" + organisation + "/sites";
	}

	private static long siteCount() {
		return siteCount(organisation);
	}

	private static long siteCount(UUID organisation) {
		return admin.get("/api/v1/organisations/" + organisation + "/sites?size=1").json().get("totalItems").asLong();
	}
}
