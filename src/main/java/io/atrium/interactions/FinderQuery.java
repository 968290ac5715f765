package io.atrium.interactions;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;

import org.apache.commons.codec.digest.DigestUtils;

import io.atrium.api.ApiException;
import io.atrium.api.ApiException.FieldProblem;
import io.swagger.v3.oas.annotations.Parameter;

/**
 * The Finder's question: search words, filters, order, page size, and where the previous page
 * ended. Built from request parameters (or a saved view) by {@link #parse}, which reports every
 * invalid parameter at once.
 *
 * @param q full-text search; null for none
 * @param types type names as the organisation spells them; empty for any
 * @param lead a lead's name, matched whole and case-insensitively
 * @param location a location, matched whole and case-insensitively
 * @param from start at or after this moment
 * @param to start before this moment
 * @param createdBy the user who recorded it
 * @param sites the sites to search; null for every site the caller may read
 * @param sort the order; {@link SortKey#RANK} only with {@code q}
 * @param ascending the direction
 * @param size page size, 1 to {@link #MAX_SIZE}
 * @param cursor the previous page's end, or null for the first page
 */
record FinderQuery(String q, List<String> types, String lead, String location, Instant from, Instant to,
		UUID createdBy, Set<UUID> sites, SortKey sort, boolean ascending, int size, Cursor cursor) {

	static final int MAX_SIZE = 200;
	static final int DEFAULT_SIZE = 50;
	static final int Q_MAX = 200;
	/** The range of moments a filter accepts: the years PostgreSQL and ISO-8601 both write with four digits. */
	private static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");
	private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59Z");

	/** What may be sorted on, each with the SQL expression that orders it and that expression's type. */
	enum SortKey {
		RANK("rank", "ts_rank(i.search, cast(:tsq as tsquery))", "real"),
		TITLE("title", "lower(i.title) collate \"C\"", "text"),
		TYPE("type", "lower(i.type) collate \"C\"", "text"),
		LEAD("lead", "lower(i.lead) collate \"C\"", "text"),
		LOCATION("location", "coalesce(lower(i.location), '') collate \"C\"", "text"),
		TIMEZONE("timezone", "i.timezone collate \"C\"", "text"),
		START("start", "i.start_at", "timestamptz"),
		// no end sorts last ascending: the keyset needs a value in every row
		END("end", "coalesce(i.end_at, 'infinity'::timestamptz)", "timestamptz"),
		CREATED_AT("createdAt", "i.created_at", "timestamptz"),
		UPDATED_AT("updatedAt", "i.updated_at", "timestamptz"),
		CREATED_BY("createdBy", "coalesce(i.created_by, '00000000-0000-0000-0000-000000000000'::uuid)", "uuid"),
		UPDATED_BY("updatedBy", "coalesce(i.updated_by, '00000000-0000-0000-0000-000000000000'::uuid)", "uuid");

		final String field;
		final String expression;
		final String sqlType;

		SortKey(String field, String expression, String sqlType) {
			this.field = field;
			this.expression = expression;
			this.sqlType = sqlType;
		}

		static SortKey of(String field) {
			return Arrays.stream(values()).filter(k -> k.field.equals(field)).findFirst().orElse(null);
		}

		static String names() {
			return Arrays.stream(values()).map(k -> k.field).collect(Collectors.joining(", "));
		}
	}

	/**
	 * The raw request parameters, as the Finder, the export and saved views receive them; bound
	 * from the query string by name ({@code type} may repeat or hold a comma-separated list).
	 */
	record Parameters(
			@Parameter(description = "Words to search for in every text field (prefixes, any case and accents, small typos forgiven); results are ranked unless sort is given") String q,
			@Parameter(description = "Interaction types; repeat the parameter or separate with commas") List<String> type,
			@Parameter(description = "The lead, exactly (any case)") String lead,
			@Parameter(description = "The location, exactly (any case)") String location,
			@Parameter(description = "Starts at or after this moment (ISO-8601 with offset, e.g. 2026-01-01T00:00:00Z)") String from,
			@Parameter(description = "Starts before this moment (ISO-8601 with offset)") String to,
			@Parameter(description = "The id of the user who recorded it") String createdBy,
			@Parameter(description = "field,asc or field,desc: title, type, lead, location, timezone, start, end, createdAt, updatedAt, createdBy, updatedBy; rank (only with q)") String sort,
			@Parameter(description = "Page size, 1 to 200 (default 50)") String size,
			@Parameter(description = "The previous page's nextCursor") String cursor) {

		Parameters {
			type = type == null ? List.of() : type.stream().flatMap(t -> Arrays.stream(t.split(","))).map(String::strip)
				.filter(t -> !t.isEmpty()).toList();
		}

		Parameters withCursor(String next) {
			return new Parameters(q, type, lead, location, from, to, createdBy, sort, size, next);
		}

		Parameters withSize(String newSize) {
			return new Parameters(q, type, lead, location, from, to, createdBy, sort, newSize, cursor);
		}
	}

	static FinderQuery parse(Parameters p, java.util.function.Supplier<InteractionTypes.Catalogue> types, Set<UUID> sites) {
		var problems = new ArrayList<FieldProblem>();
		var q = p.q() == null || p.q().isBlank() ? null : p.q().strip();
		if (q != null && q.length() > Q_MAX) {
			problems.add(new FieldProblem("q", "must be at most " + Q_MAX + " characters"));
		}
		var typeNames = new LinkedHashSet<String>();
		// the organisation's types are read only when a type filter needs checking
		var catalogue = p.type().isEmpty() ? null : types.get();
		for (var type : p.type()) {
			catalogue.resolve(type).ifPresentOrElse(typeNames::add, () -> problems.add(new FieldProblem("type",
					"'" + type + "' is not an interaction type of this organisation; types: " + String.join(", ", catalogue.names()))));
		}
		var lead = text("lead", p.lead(), InteractionForm.LEAD_MAX, problems);
		var location = text("location", p.location(), InteractionForm.LOCATION_MAX, problems);
		var from = moment("from", p.from(), problems);
		var to = moment("to", p.to(), problems);
		if (from != null && to != null && !to.isAfter(from)) {
			problems.add(new FieldProblem("to", "must be after from"));
		}
		UUID createdBy = null;
		if (p.createdBy() != null && !p.createdBy().isBlank()) {
			try {
				createdBy = UUID.fromString(p.createdBy().strip());
			}
			catch (IllegalArgumentException e) {
				problems.add(new FieldProblem("createdBy", "must be a user id (UUID)"));
			}
		}
		var sort = q == null ? SortKey.START : SortKey.RANK;
		var ascending = false;
		if (p.sort() != null && !p.sort().isBlank()) {
			var parts = p.sort().split(",", -1);
			var key = SortKey.of(parts[0].strip());
			if (key == null || (key == SortKey.RANK && q == null)) {
				problems.add(new FieldProblem("sort", "cannot sort by '" + parts[0].strip() + "'; sortable fields: "
						+ SortKey.names() + (q == null ? " (rank needs q)" : "")));
			}
			else {
				sort = key;
				ascending = key != SortKey.RANK && key != SortKey.START;
			}
			if (key == SortKey.RANK && parts.length == 2 && parts[1].strip().equalsIgnoreCase("asc")) {
				problems.add(new FieldProblem("sort", "rank only sorts descending, most relevant first"));
			}
			if (parts.length > 2 || (parts.length == 2 && !List.of("asc", "desc").contains(parts[1].strip().toLowerCase()))) {
				problems.add(new FieldProblem("sort", "must be field, field,asc or field,desc"));
			}
			else if (parts.length == 2) {
				ascending = parts[1].strip().equalsIgnoreCase("asc");
			}
		}
		var size = DEFAULT_SIZE;
		if (p.size() != null && !p.size().isBlank()) {
			try {
				size = Integer.parseInt(p.size().strip());
				if (size < 1 || size > MAX_SIZE) {
					problems.add(new FieldProblem("size", "must be between 1 and " + MAX_SIZE));
				}
			}
			catch (NumberFormatException e) {
				problems.add(new FieldProblem("size", "must be a whole number between 1 and " + MAX_SIZE));
			}
		}
		if (!problems.isEmpty()) {
			throw ApiException.invalid(problems);
		}
		var query = new FinderQuery(q, List.copyOf(typeNames), lead, location, from, to, createdBy, sites, sort, ascending,
				size, null);
		if (p.cursor() == null || p.cursor().isBlank()) {
			return query;
		}
		var cursor = Cursor.decode(p.cursor().strip());
		if (cursor.sort() != sort || cursor.ascending() != ascending || !cursor.question().equals(query.fingerprint())) {
			throw ApiException.invalid("cursor",
					"belongs to a different search, filter or sort; send the same parameters as the page it came from, or start again without cursor");
		}
		return query.withCursor(cursor);
	}

	FinderQuery withCursor(Cursor next) {
		return new FinderQuery(q, types, lead, location, from, to, createdBy, sites, sort, ascending, size, next);
	}

	/** The question's fingerprint for the next page's cursor: a continued question's was checked against its cursor on parsing. */
	String question() {
		return cursor != null ? cursor.question() : fingerprint();
	}

	/** Identifies the question (not the page): a cursor only continues the question it was made for. */
	String fingerprint() {
		var canonical = String.join("\u001f", String.valueOf(q), String.join(",", new TreeSet<>(types)), String.valueOf(lead),
				String.valueOf(location), String.valueOf(from), String.valueOf(to), String.valueOf(createdBy),
				sites == null ? "*" : new TreeSet<>(sites).toString(), sort.name(), Boolean.toString(ascending));
		return DigestUtils.sha256Hex(canonical).substring(0, 16);
	}

	private static String text(String field, String value, int max, List<FieldProblem> problems) {
		if (value == null || value.isBlank()) {
			return null;
		}
		var stripped = value.strip();
		if (stripped.codePointCount(0, stripped.length()) > max) {
			problems.add(new FieldProblem(field, "must be at most " + max + " characters"));
		}
		return stripped;
	}

	private static Instant moment(String field, String value, List<FieldProblem> problems) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			var parsed = OffsetDateTime.parse(value.strip()).toInstant();
			if (parsed.isBefore(EARLIEST) || parsed.isAfter(LATEST)) {
				problems.add(new FieldProblem(field, "must be in the years 0001 to 9999"));
				return null;
			}
			return parsed;
		}
		catch (DateTimeParseException e) {
			problems.add(new FieldProblem(field, "must be an ISO-8601 date-time with offset, such as 2026-03-01T00:00:00Z"));
			return null;
		}
	}

	/**
	 * Where a page ended: the last row's sort value (PostgreSQL's text form of it, cast back with
	 * the key's type) and id, for the question it belongs to. A relevance-ordered walk also carries
	 * its tier (0 ranked window, 1 older matches by start) and the window's edge ("start|id" of the
	 * first match past the window, or empty when every match is ranked). Opaque to clients; checked field by field when it comes back.
	 */
	record Cursor(SortKey sort, boolean ascending, String question, int tier, String window, String value, UUID id) {

		String encode() {
			var text = String.join("\n", sort.name(), ascending ? "a" : "d", question, id.toString(),
					Integer.toString(tier), window, value);
			return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
		}

		static Cursor decode(String encoded) {
			try {
				var text = new String(Base64.getUrlDecoder().decode(encoded), StandardCharsets.UTF_8);
				var parts = text.split("\n", 7);
				if (parts.length != 7 || !List.of("a", "d").contains(parts[1]) || !parts[2].matches("[0-9a-f]{16}")
						|| !List.of("0", "1").contains(parts[4])) {
					throw new IllegalArgumentException("shape");
				}
				var sort = SortKey.valueOf(parts[0]);
				var tier = Integer.parseInt(parts[4]);
				var window = parts[5];
				if (tier == 1 && (sort != SortKey.RANK || window.isEmpty())) {
					throw new IllegalArgumentException("tier");
				}
				if (!window.isEmpty()) {
					var bar = window.lastIndexOf('|');
					if (bar < 0) {
						throw new IllegalArgumentException("window");
					}
					check(SortKey.START, window.substring(0, bar));
					UUID.fromString(window.substring(bar + 1));
				}
				var value = parts[6];
				check(tier == 1 ? SortKey.START : sort, value);
				return new Cursor(sort, parts[1].equals("a"), parts[2], tier, window, value, UUID.fromString(parts[3]));
			}
			catch (IllegalArgumentException | DateTimeParseException e) {
				throw ApiException.invalid("cursor", "is not a cursor from a previous page; use nextCursor as it was given");
			}
		}

		/** The value must read as the key's type, so a forged cursor fails here and not in SQL. */
		private static void check(SortKey sort, String value) {
			switch (sort.sqlType) {
				case "real" -> Float.parseFloat(value);
				case "uuid" -> UUID.fromString(value);
				case "timestamptz" -> {
					if (!value.equals("infinity")) {
						OffsetDateTime.parse(value.replace(' ', 'T').replaceFirst("([+-]\\d\\d)$", "$1:00"));
					}
				}
				default -> {
					if (value.length() > 1000) {
						throw new IllegalArgumentException("too long");
					}
				}
			}
		}
	}
}
