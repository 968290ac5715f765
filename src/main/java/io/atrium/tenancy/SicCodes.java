package io.atrium.tenancy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

import io.atrium.api.ApiException;
import io.atrium.api.PageOf;
import io.atrium.api.PageQuery;

/**
 * UK Standard Industrial Classification of economic activities 2007: the five-digit subclasses
 * published by the ONS, plus the three codes Companies House adds (74990 non-trading company,
 * 98000 residents property management, 99999 dormant company). Loaded once from
 * {@value #RESOURCE}; organisations store a code together with {@link #VERSION}, so a later
 * classification can be told apart.
 */
final class SicCodes {

	static final String VERSION = "SIC2007";
	static final String RESOURCE = "sic-2007.tsv";
	static final Map<String, String> SORTABLE = Map.of("code", "code", "description", "description");

	private static final Pattern CODE = Pattern.compile("\\d{5}");
	private static final Pattern SECTION = Pattern.compile("[A-U]");
	private static final Pattern NOT_A_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");

	private static final Map<String, Entry> BY_CODE = load();

	private SicCodes() {
	}

	static boolean isValid(String code) {
		return code != null && BY_CODE.containsKey(code);
	}

	/** Rejects a code that is not in the classification, as a field error on {@code sicCode}. */
	static void requireKnown(String code) {
		if (code != null && !isValid(code)) {
			throw ApiException.invalid("sicCode",
					"is not a UK SIC 2007 code; find the right one with GET /api/v1/sic-codes?q=<words or code prefix>");
		}
	}

	static Optional<SicCode> find(String code) {
		return Optional.ofNullable(code == null ? null : BY_CODE.get(code)).map(Entry::code);
	}

	static List<SicCode> all() {
		return BY_CODE.values().stream().map(Entry::code).toList();
	}

	static boolean isSection(String section) {
		return section != null && SECTION.matcher(section).matches();
	}

	/**
	 * Codes that match a text and a section. The text matches a code that starts with it, or a
	 * description in which every word of the text begins a word (so "fitness" and "hotel" both
	 * find their codes), ignoring case.
	 */
	static PageOf<SicCode> search(String q, String section, PageQuery page) {
		var text = q == null ? "" : q.strip().toLowerCase(Locale.ROOT);
		var words = words(text);
		var matches = BY_CODE.values().stream()
			.filter(entry -> section == null || entry.code().section().equals(section))
			.filter(entry -> text.isEmpty() || entry.code().code().startsWith(text) || entry.hasWordsStartingWith(words))
			.map(Entry::code)
			.sorted(order(page))
			.toList();
		var items = matches.stream().skip(page.offset()).limit(page.size()).toList();
		return PageOf.of(items, page, matches.size());
	}

	private static Comparator<SicCode> order(PageQuery page) {
		Comparator<SicCode> byField = "description".equals(page.sortColumn())
				? Comparator.comparing(code -> code.description().toLowerCase(Locale.ROOT))
				: Comparator.comparing(SicCode::code);
		var ordered = byField.thenComparing(SicCode::code);
		return page.ascending() ? ordered : ordered.reversed();
	}

	private static List<String> words(String text) {
		return Arrays.stream(NOT_A_WORD.split(text.toLowerCase(Locale.ROOT))).filter(word -> !word.isEmpty()).toList();
	}

	private static Map<String, Entry> load() {
		var stream = SicCodes.class.getResourceAsStream(RESOURCE);
		if (stream == null) {
			throw new IllegalStateException("The UK SIC 2007 list " + RESOURCE + " is missing from the build");
		}
		var codes = new TreeMap<String, Entry>();
		try (var reader = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
			String line;
			int number = 0;
			while ((line = reader.readLine()) != null) {
				number++;
				if (line.isBlank() || line.startsWith("#")) {
					continue;
				}
				var fields = line.split("\t", -1);
				if (fields.length != 3 || !CODE.matcher(fields[0]).matches() || !SECTION.matcher(fields[1]).matches()
						|| fields[2].isBlank()) {
					throw new IllegalStateException(RESOURCE + " line " + number + " is not 'code<TAB>section<TAB>description': " + line);
				}
				var code = new SicCode(fields[0], fields[1], fields[2].strip());
				if (codes.put(code.code(), new Entry(code, Set.copyOf(words(code.description())))) != null) {
					throw new IllegalStateException(RESOURCE + " lists " + code.code() + " twice");
				}
			}
		}
		catch (IOException e) {
			throw new IllegalStateException("Could not read " + RESOURCE, e);
		}
		return Collections.unmodifiableMap(codes);
	}

	private record Entry(SicCode code, Set<String> words) {

		boolean hasWordsStartingWith(List<String> prefixes) {
			return !prefixes.isEmpty()
					&& prefixes.stream().allMatch(prefix -> words.stream().anyMatch(word -> word.startsWith(prefix)));
		}
	}
}
