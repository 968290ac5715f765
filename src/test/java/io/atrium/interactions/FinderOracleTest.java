package io.atrium.interactions;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.atrium.access.OrganisationRole;
import io.atrium.access.SiteRole;
import io.atrium.test.Api;
import io.atrium.test.AtriumTest;
import io.atrium.test.Fixtures;
import tools.jackson.databind.JsonNode;

/**
 * The Finder against an independent oracle: a generated data set is kept in memory as well, and
 * for many random combinations of search words, filters, sort orders and page sizes, paging
 * through the Finder with its cursor must give exactly the rows, in exactly the order, that plain
 * Java computes from the in-memory copy. Then rows are inserted while paging, and no row may be
 * skipped or repeated.
 */
@AtriumTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FinderOracleTest {

	static final long SEED = 20261122L;
	static final List<String> WORDS = List.of("budget", "harbour", "lantern", "orchard", "quartz", "walnut", "meadow",
			"copper", "violet", "tundra", "café", "réunion", "zürich", "naïve", "façade", "piñata", "crème", "señor");
	static final List<String> LEADS = List.of("Ada Lovelace", "Grace Hopper", "Alan Turing", "Edsger Dijkstra", "Barbara Liskov");
	static final List<String> LOCATIONS = List.of("Room 1", "Room 2", "Atrium", "Café Zürich", "Harbour office");
	static final List<String> ZONES = List.of("Europe/London", "America/New_York", "Asia/Kolkata", "Australia/Lord_Howe");
	static final List<String> TYPES = List.of("Meeting", "Call", "Email", "Visit", "Event", "Other");
	static final List<String> SORTS = List.of("title", "type", "lead", "location", "timezone", "start", "end", "createdAt",
			"updatedAt", "createdBy");

	@LocalServerPort
	int port;

	@Autowired
	Fixtures.Factory factory;

	final Random random = new Random(SEED);
	final List<Row> rows = new ArrayList<>();
	UUID site;
	UUID otherSite;
	Api alice;
	Api bob;
	UUID aliceId;
	UUID bobId;

	/** What the oracle knows of a row: the API's own answer when it was created. */
	record Row(UUID id, String title, String type, String lead, String location, String timezone, Instant start, Instant end,
			Instant createdAt, Instant updatedAt, UUID createdBy, String text) {

		static Row of(JsonNode json) {
			var text = String.join(" ", json.get("title").asString(), json.get("type").asString(), json.get("lead").asString(),
					string(json, "location") == null ? "" : string(json, "location"),
					string(json, "description") == null ? "" : string(json, "description"),
					string(json, "notes") == null ? "" : string(json, "notes"));
			return new Row(UUID.fromString(json.get("id").asString()), json.get("title").asString(), json.get("type").asString(),
					json.get("lead").asString(), string(json, "location"), json.get("timezone").asString(),
					Instant.parse(json.get("startUtc").asString()),
					string(json, "endUtc") == null ? null : Instant.parse(string(json, "endUtc")),
					Instant.parse(json.get("createdAt").asString()), Instant.parse(json.get("updatedAt").asString()),
					UUID.fromString(json.get("createdBy").asString()), text);
		}

		static String string(JsonNode json, String field) {
			return json.get(field) == null || json.get(field).isNull() ? null : json.get(field).asString();
		}
	}

	@BeforeAll
	void generate() {
		var fixtures = factory.at(port);
		var organisation = fixtures.organisation("Oracle");
		site = fixtures.site(organisation, "Main");
		otherSite = fixtures.site(organisation, "Other");
		var aliceUser = fixtures.member(organisation, OrganisationRole.MEMBER, Map.of(site, SiteRole.EDITOR, otherSite, SiteRole.EDITOR));
		var bobUser = fixtures.member(organisation, OrganisationRole.MEMBER, Map.of(site, SiteRole.EDITOR));
		alice = fixtures.signIn(aliceUser);
		bob = fixtures.signIn(bobUser);
		aliceId = aliceUser.id();
		bobId = bobUser.id();
		for (int i = 0; i < 180; i++) {
			rows.add(create(i % 3 == 0 ? bob : alice, site, randomBody()));
		}
		// rows at another site of the same organisation must never show up
		for (int i = 0; i < 20; i++) {
			create(alice, otherSite, randomBody());
		}
	}

	Row create(Api api, UUID at, Map<String, Object> body) {
		var response = api.post("/api/v1/sites/" + at + "/interactions", body);
		assertThat(response.status()).as(response.toString()).isEqualTo(201);
		return Row.of(response.json());
	}

	String words(int count) {
		return random.ints(count, 0, WORDS.size()).mapToObj(WORDS::get).collect(Collectors.joining(" "));
	}

	Map<String, Object> randomBody() {
		var body = new LinkedHashMap<String, Object>();
		var title = words(1 + random.nextInt(3));
		body.put("title", random.nextBoolean() ? title.substring(0, 1).toUpperCase(Locale.ROOT) + title.substring(1) : title);
		body.put("type", TYPES.get(random.nextInt(TYPES.size())));
		body.put("lead", LEADS.get(random.nextInt(LEADS.size())));
		var zone = ZONES.get(random.nextInt(ZONES.size()));
		var start = LocalDateTime.of(2026, 1, 1, 0, 0).plusMinutes(random.nextInt(365 * 24 * 4) * 15L);
		// never in a gap, where the API would refuse it
		while (ZoneId.of(zone).getRules().getValidOffsets(start).isEmpty()) {
			start = start.plusHours(1);
		}
		body.put("start", start.toString());
		if (random.nextInt(4) > 0) {
			body.put("end", start.plusMinutes(15L * random.nextInt(12)).toString());
		}
		body.put("timezone", zone);
		if (random.nextInt(5) > 0) {
			body.put("location", LOCATIONS.get(random.nextInt(LOCATIONS.size())));
		}
		if (random.nextBoolean()) {
			body.put("description", words(3 + random.nextInt(10)));
		}
		if (random.nextInt(3) == 0) {
			body.put("notes", words(2 + random.nextInt(4)));
		}
		return body;
	}

	/** One random question: the query string for the Finder, and the oracle's predicate and order for it. */
	record Question(String query, Predicate<Row> matches, Comparator<Row> order, boolean ordered) {
	}

	Question randomQuestion() {
		var params = new ArrayList<String>();
		Predicate<Row> matches = row -> true;
		if (random.nextInt(3) == 0) {
			var words = new ArrayList<String>();
			for (int i = 0, n = 1 + random.nextInt(2); i < n; i++) {
				var word = WORDS.get(random.nextInt(WORDS.size()));
				// prefixes of up to four letters, in any case, with or without accents
				var prefix = word.substring(0, Math.min(word.length(), 2 + random.nextInt(3)));
				words.add(random.nextBoolean() ? prefix.toUpperCase(Locale.ROOT) : unaccent(prefix));
			}
			params.add("q=" + encode(String.join(" ", words)));
			for (var word : words) {
				var normal = unaccent(word).toLowerCase(Locale.ROOT);
				matches = matches.and(row -> tokens(row.text()).stream().anyMatch(token -> token.startsWith(normal)));
			}
		}
		if (random.nextInt(3) == 0) {
			var chosen = new HashSet<String>();
			for (int i = 0, n = 1 + random.nextInt(2); i < n; i++) {
				chosen.add(TYPES.get(random.nextInt(TYPES.size())));
			}
			chosen.forEach(t -> params.add("type=" + (random.nextBoolean() ? t : t.toLowerCase(Locale.ROOT))));
			matches = matches.and(row -> chosen.contains(row.type()));
		}
		if (random.nextInt(4) == 0) {
			var lead = LEADS.get(random.nextInt(LEADS.size()));
			params.add("lead=" + encode(random.nextBoolean() ? lead.toUpperCase(Locale.ROOT) : lead));
			matches = matches.and(row -> row.lead().equalsIgnoreCase(lead));
		}
		if (random.nextInt(5) == 0) {
			var location = LOCATIONS.get(random.nextInt(LOCATIONS.size()));
			params.add("location=" + encode(location.toLowerCase(Locale.ROOT)));
			matches = matches.and(row -> location.equalsIgnoreCase(row.location()));
		}
		if (random.nextInt(3) == 0) {
			var from = Instant.parse("2026-01-01T00:00:00Z").plusSeconds(random.nextInt(200) * 86_400L);
			var to = from.plusSeconds((1 + random.nextInt(150)) * 86_400L);
			params.add("from=" + encode(from.toString()));
			matches = matches.and(row -> !row.start().isBefore(from));
			if (random.nextBoolean()) {
				params.add("to=" + encode(to.toString()));
				matches = matches.and(row -> row.start().isBefore(to));
			}
		}
		if (random.nextInt(6) == 0) {
			var creator = random.nextBoolean() ? aliceId : bobId;
			params.add("createdBy=" + creator);
			matches = matches.and(row -> row.createdBy().equals(creator));
		}
		var field = SORTS.get(random.nextInt(SORTS.size()));
		var ascending = random.nextBoolean();
		params.add("sort=" + field + "," + (ascending ? "asc" : "desc"));
		Comparator<Row> order = comparator(field).thenComparing(row -> row.id().toString());
		params.add("size=" + (1 + random.nextInt(40)));
		return new Question(String.join("&", params), matches, ascending ? order : order.reversed(), true);
	}

	static Comparator<Row> comparator(String field) {
		Function<String, String> lower = s -> s == null ? "" : s.toLowerCase(Locale.ROOT);
		return switch (field) {
			case "title" -> Comparator.comparing(row -> lower.apply(row.title()));
			case "type" -> Comparator.comparing(row -> lower.apply(row.type()));
			case "lead" -> Comparator.comparing(row -> lower.apply(row.lead()));
			case "location" -> Comparator.comparing(row -> lower.apply(row.location()));
			case "timezone" -> Comparator.comparing(Row::timezone);
			case "start" -> Comparator.comparing(Row::start);
			case "end" -> Comparator.comparing(row -> row.end() == null ? Instant.MAX : row.end());
			case "createdAt" -> Comparator.comparing(Row::createdAt);
			case "updatedAt" -> Comparator.comparing(Row::updatedAt);
			// PostgreSQL orders uuids by their bytes, which is the order of their hex text
			case "createdBy" -> Comparator.comparing(row -> row.createdBy().toString());
			default -> throw new IllegalArgumentException(field);
		};
	}

	static String unaccent(String text) {
		return Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
	}

	static List<String> tokens(String text) {
		return List.of(unaccent(text).toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+"));
	}

	static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

	/** Every page of a question, following nextCursor; returns the ids in order and the first page's total. */
	record Walk(List<UUID> ids, long total, boolean exact, int pages) {
	}

	Walk walk(String query, Runnable betweenPages) {
		var ids = new ArrayList<UUID>();
		String cursor = null;
		long total = -1;
		var exact = false;
		var pages = 0;
		do {
			var response = alice.get("/api/v1/sites/" + site + "/interactions?" + query
					+ (cursor == null ? "" : "&cursor=" + encode(cursor)));
			assertThat(response.status()).as(query + " -> " + response).isEqualTo(200);
			var json = response.json();
			if (cursor == null) {
				total = json.get("total").asLong();
				exact = json.get("totalExact").asBoolean();
			}
			else {
				assertThat(json.get("total").isNull()).isTrue();
			}
			json.get("items").forEach(item -> ids.add(UUID.fromString(item.get("id").asString())));
			cursor = json.get("nextCursor").isNull() ? null : json.get("nextCursor").asString();
			pages++;
			betweenPages.run();
		}
		while (cursor != null && pages < 1000);
		return new Walk(ids, total, exact, pages);
	}

	@Test
	void everyPageOfEveryQuestionMatchesTheOracle() {
		var multiPage = 0;
		var nonEmpty = 0;
		for (int i = 0; i < 80; i++) {
			var question = randomQuestion();
			var expected = rows.stream().filter(question.matches()).sorted(question.order()).map(Row::id).toList();
			var walk = walk(question.query(), () -> {
			});
			multiPage += walk.pages() > 2 ? 1 : 0;
			nonEmpty += expected.isEmpty() ? 0 : 1;
			assertThat(walk.ids()).as("question %d: %s", i, question.query()).containsExactlyElementsOf(expected);
			assertThat(walk.total()).as("total of %s", question.query()).isEqualTo(expected.size());
			assertThat(walk.exact()).isTrue();
		}
		// the generated questions really exercise paging and matching
		assertThat(multiPage).isGreaterThan(20);
		assertThat(nonEmpty).isGreaterThan(40);
	}

	@Test
	void aSearchWithoutSortFindsTheSameRowsRankedAndStillPagesWithoutGaps() {
		for (var word : List.of("cafe", "HARB", "zur", "pin", "crem")) {
			var normal = unaccent(word).toLowerCase(Locale.ROOT);
			var expected = rows.stream().filter(row -> tokens(row.text()).stream().anyMatch(t -> t.startsWith(normal)))
				.map(Row::id).collect(Collectors.toSet());
			var walk = walk("q=" + word + "&size=7", () -> {
			});
			assertThat(walk.ids()).as(word).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(expected);
			assertThat(walk.total()).as("total of %s", word).isEqualTo(expected.size());
			assertThat(walk.exact()).isTrue();
		}
	}

	@Test
	void pagingWhileRowsAreInsertedNeverSkipsOrRepeatsARow() {
		var existing = rows.stream().filter(row -> row.type().equals("Meeting")).toList();
		var inserted = new ArrayList<Row>();
		var walk = walk("type=Meeting&sort=start,asc&size=5", () -> {
			for (int i = 0; i < 2; i++) {
				var body = randomBody();
				body.put("type", "Meeting");
				inserted.add(create(bob, site, body));
			}
		});
		assertThat(walk.ids()).doesNotHaveDuplicates();
		assertThat(walk.ids()).containsAll(existing.stream().map(Row::id).toList());
		// whatever was returned came back in order, new rows included
		var all = new LinkedHashMap<UUID, Row>();
		rows.forEach(row -> all.put(row.id(), row));
		inserted.forEach(row -> all.put(row.id(), row));
		var returned = walk.ids().stream().map(all::get).toList();
		assertThat(returned).isSortedAccordingTo(Comparator.comparing(Row::start).thenComparing(row -> row.id().toString()));
		rows.addAll(inserted);
	}

	@Test
	void otherSitesRowsNeverAppear() {
		var walk = walk("size=200", () -> {
		});
		assertThat(Set.copyOf(walk.ids())).isEqualTo(rows.stream().map(Row::id).collect(Collectors.toSet()));
	}
}
