package io.atrium.interactions;

import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import com.github.benmanes.caffeine.cache.Ticker;

import io.atrium.database.Scope;
import io.atrium.database.TenantTransactions;
import io.atrium.interactions.FinderQuery.Cursor;
import io.atrium.interactions.FinderQuery.SortKey;
import tools.jackson.databind.json.JsonMapper;

/**
 * Finds interactions: full-text search (word prefixes, accent- and case-insensitive, typo-tolerant
 * for words of five letters or more), field filters, any order with the id as tiebreak, and keyset
 * pages, so a deep page costs what the first one does.
 *
 * <p>The total is counted on the first page only, exactly up to {@code countBound} matches; past
 * that it is the planner's estimate, marked as such.
 */
@Component
class Finder {

	private static final Pattern LETTER = Pattern.compile("\\p{L}");
	private static final int MAX_WORDS = 10;
	private static final int TYPO_MIN_LENGTH = 5;
	private static final int TYPO_ALTERNATIVES = 5;

	/**
	 * The best plan depends on the values (a rare word wants the search index, a common one the start
	 * index): plan with them every time rather than with a cached generic plan. No parallel workers:
	 * starting one costs more than any Finder statement saves with it, and under concurrency the cores
	 * are busy with other requests anyway.
	 */
	private static final Map<String, String> PLANNING = Map.of("plan_cache_mode", "force_custom_plan",
			"max_parallel_workers_per_gather", "0");

	private final TenantTransactions transactions;
	private final JdbcClient jdbc;
	private final InteractionTypes types;
	private final JsonMapper json;
	private final InteractionsProperties properties;
	private final TotalEstimates estimates = new TotalEstimates(Ticker.systemTicker());

	Finder(TenantTransactions transactions, JdbcClient jdbc, InteractionTypes types, JsonMapper json,
			InteractionsProperties properties) {
		this.transactions = transactions;
		this.jdbc = jdbc;
		this.types = types;
		this.json = json;
		this.properties = properties;
	}

	/**
	 * @param total matches on the first page (null on later pages)
	 * @param totalExact whether {@code total} is exact or the planner's estimate
	 * @param nextCursor where the next page starts; null on the last page
	 */
	record Page(List<Interaction> items, int size, Long total, Boolean totalExact, String nextCursor) {
	}

	/** Parses the parameters against the organisation's types and finds one page, in one read transaction. */
	Page find(Scope scope, UUID organisationId, java.util.Set<UUID> sites, FinderQuery.Parameters parameters, boolean count) {
		return transactions.read(scope, PLANNING, () -> {
			var query = FinderQuery.parse(parameters, () -> types.catalogue(organisationId), sites);
			return page(organisationId, query, count && query.cursor() == null);
		});
	}

	/** Checks parameters (for saved views) without searching. */
	FinderQuery check(Scope scope, UUID organisationId, FinderQuery.Parameters parameters) {
		return transactions.read(scope, () -> FinderQuery.parse(parameters, () -> types.catalogue(organisationId), null));
	}

	private Page page(UUID organisationId, FinderQuery query, boolean count) {
		if (query.sites() != null && query.sites().isEmpty()) {
			return new Page(List.of(), query.size(), count ? 0L : null, count ? true : null, null);
		}
		var params = new HashMap<String, Object>();
		var where = where(organisationId, query, params);
		if (where == null) {
			return new Page(List.of(), query.size(), count ? 0L : null, count ? true : null, null);
		}
		var slice = query.sort() == SortKey.RANK ? ranked(query, where, params) : ordered(query, where, params);
		Long total = slice.total();
		Boolean exact = slice.totalExact();
		if (count && total == null) {
			params.put("bound", properties.countBound() + 1);
			// ordered like the start index, so that a plan which can stop after `bound` rows is taken
			total = jdbc.sql("select count(*) from (select 1 from interactions i where " + where
					+ " order by i.start_at desc, i.id desc limit :bound) matches")
				.params(params).query(Long.class).single();
			exact = total <= properties.countBound();
			if (!exact) {
				total = Math.max(total, estimate(where, params));
			}
		}
		if (!count) {
			total = null;
			exact = null;
		}
		return new Page(slice.rows(), query.size(), total, exact, slice.next());
	}

	/** The rows of one page, the cursor to the next (if any), and the total when finding them told it. */
	private record Slice(List<Interaction> rows, String next, Long total, Boolean totalExact) {

		Slice(List<Interaction> rows, String next) {
			this(rows, next, null, null);
		}
	}

	/** A row with its sort value as PostgreSQL writes it (the cursor carries it back). */
	private record Keyed(Interaction row, String value) {
	}

	/** A page in one column's order, the id breaking ties: a keyset page straight off an index where one exists. */
	private Slice ordered(FinderQuery query, String where, Map<String, Object> params) {
		var key = query.sort();
		var rows = keyed(key, query.ascending(), where, query.cursor() == null ? null : query.cursor().value(),
				query.cursor() == null ? null : query.cursor().id(), null, null, query.size() + 1, params);
		if (rows.size() <= query.size()) {
			return new Slice(rows.stream().map(Keyed::row).toList(), null);
		}
		var last = rows.get(query.size() - 1);
		return new Slice(rows.subList(0, query.size()).stream().map(Keyed::row).toList(),
				new Cursor(key, query.ascending(), query.question(), 0, "", last.value(), last.row().id()).encode());
	}

	/**
	 * A page in order of relevance. Ranking reads every row it ranks, so it is bounded: the
	 * {@code rankWindow} most recent matches come first, most relevant first; older matches follow,
	 * most recent first. The first page reads the window and the match just past it in one statement;
	 * that match's (start, id) is the window's edge, carried in the cursor, so pages neither skip nor
	 * repeat rows. A search with no match past the window is ranked whole, and counted exactly while
	 * ranking.
	 */
	private Slice ranked(FinderQuery query, String where, Map<String, Object> params) {
		var cursor = query.cursor();
		String edge;
		List<Keyed> ranked;
		long matches = 0;
		if (cursor == null) {
			var window = recent(where, params, query.size() + 1);
			edge = window.edge();
			ranked = window.rows();
			matches = window.matches();
		}
		else {
			edge = cursor.window();
			ranked = cursor.tier() == 0 ? keyed(SortKey.RANK, false, where, cursor.value(), cursor.id(),
					edge.isEmpty() ? null : ">", edge, query.size() + 1, params) : List.of();
		}
		var rows = new ArrayList<Keyed>(ranked);
		var tiers = new ArrayList<Integer>();
		ranked.forEach(row -> tiers.add(0));
		if (rows.size() <= query.size() && !edge.isEmpty()) {
			var after = cursor != null && cursor.tier() == 1;
			for (var row : keyed(SortKey.START, false, where, after ? cursor.value() : null, after ? cursor.id() : null,
					"<=", edge, query.size() + 1 - rows.size(), params)) {
				rows.add(row);
				tiers.add(1);
			}
		}
		Long total = null;
		Boolean exact = null;
		if (cursor == null && edge.isEmpty()) {
			total = matches;
			exact = true;
		}
		else if (cursor == null && properties.rankWindow() >= properties.countBound()) {
			// a match past the window means more than the count bound: estimate without counting
			total = Math.max(properties.rankWindow() + 1L, estimate(where, params));
			exact = false;
		}
		var page = rows.size() <= query.size() ? rows : rows.subList(0, query.size());
		String next = null;
		if (rows.size() > query.size()) {
			var last = rows.get(query.size() - 1);
			next = new Cursor(SortKey.RANK, false, query.question(), tiers.get(query.size() - 1), edge, last.value(),
					last.row().id()).encode();
		}
		return new Slice(page.stream().map(Keyed::row).toList(), next, total, exact);
	}

	/** The best-ranked rows of the window, how many matches it holds, and its edge ("" when every match fits). */
	private record Window(List<Keyed> rows, long matches, String edge) {
	}

	/**
	 * The window of the most recent matches and the one just past it, read once (a top-N off the
	 * search or start index) and ranked as it is read: the best {@code limit} rows of the window, each
	 * row carrying the window's match count and the (start, id) of the match past it, if any. The
	 * window holds only (id, start, rank), not the search documents; the page's rows are read by id.
	 */
	private Window recent(String where, Map<String, Object> params, int limit) {
		var windowParams = new HashMap<>(params);
		windowParams.put("window", properties.rankWindow());
		windowParams.put("limit", limit);
		var matches = new long[1];
		var edges = new String[] { "" };
		var rows = jdbc.sql("with recent as (select i.id, i.start_at, i.rank,"
				+ " row_number() over (order by i.start_at desc, i.id desc) as recency from (select i.id, i.start_at, "
				+ SortKey.RANK.expression + " as rank from interactions i where " + where
				+ " order by i.start_at desc, i.id desc limit :window + 1) i),"
				+ " best as (select i.id, i.rank from recent i where i.recency <= :window order by i.rank desc, i.id desc limit :limit)"
				+ " select " + Interaction.COLUMNS + ", (best.rank)::text as sort_value,"
				+ " (select count(*) from recent e where e.recency <= :window) as matches,"
				+ " (select (e.start_at)::text || '|' || e.id from recent e where e.recency = :window + 1) as edge"
				+ " from best join interactions i on i.id = best.id order by best.rank desc, i.id desc")
			.params(windowParams).query((rs, n) -> {
				matches[0] = rs.getLong("matches");
				edges[0] = rs.getString("edge") == null ? "" : rs.getString("edge");
				return new Keyed(Interaction.map(rs, n), rs.getString("sort_value"));
			}).list();
		return new Window(rows, matches[0], edges[0]);
	}

	/**
	 * Rows in one key's order after a keyset position, optionally only on one side ({@code edgeOp}
	 * {@code >} or {@code <=}) of a (start, id) edge written "start|id".
	 */
	private List<Keyed> keyed(SortKey key, boolean ascending, String where, String afterValue, UUID afterId, String edgeOp,
			String edge, int limit, Map<String, Object> params) {
		var sql = new StringBuilder("select ").append(Interaction.COLUMNS).append(", (").append(key.expression)
			.append(")::text as sort_value from interactions i where ").append(where);
		var pageParams = new HashMap<>(params);
		if (edgeOp != null) {
			var bar = edge.lastIndexOf('|');
			sql.append(" and (i.start_at, i.id) ").append(edgeOp)
				.append(" (cast(:edgeStart as timestamptz), cast(:edgeId as uuid))");
			pageParams.put("edgeStart", edge.substring(0, bar));
			pageParams.put("edgeId", edge.substring(bar + 1));
		}
		if (afterValue != null) {
			sql.append(" and (").append(key.expression).append(", i.id) ").append(ascending ? ">" : "<")
				.append(" (cast(:cursorValue as ").append(key.sqlType).append(")")
				.append(key.sqlType.equals("text") ? " collate \"C\"" : "").append(", :cursorId)");
			pageParams.put("cursorValue", afterValue);
			pageParams.put("cursorId", afterId);
		}
		var direction = ascending ? "asc" : "desc";
		sql.append(" order by ").append(key.expression).append(' ').append(direction).append(", i.id ").append(direction)
			.append(" limit :limit");
		pageParams.put("limit", limit);
		return jdbc.sql(sql.toString()).params(pageParams)
			.query((rs, n) -> new Keyed(Interaction.map(rs, n), rs.getString("sort_value"))).list();
	}

	/** The conditions of the question, or null when it can match nothing (a search with no words). */
	private String where(UUID organisationId, FinderQuery query, Map<String, Object> params) {
		var where = new StringBuilder("i.organisation_id = :org and i.deleted_at is null");
		params.put("org", organisationId);
		if (query.sites() != null) {
			where.append(" and i.site_id in (:sites)");
			params.put("sites", List.copyOf(query.sites()));
		}
		if (query.q() != null) {
			var tsquery = tsquery(organisationId, query.q());
			if (tsquery == null) {
				return null;
			}
			where.append(" and i.search @@ cast(:tsq as tsquery)");
			params.put("tsq", tsquery);
		}
		if (!query.types().isEmpty()) {
			where.append(" and i.type in (:types)");
			params.put("types", query.types());
		}
		if (query.lead() != null) {
			where.append(" and i.lead_key = lower(:lead)");
			params.put("lead", query.lead());
		}
		if (query.location() != null) {
			where.append(" and i.location_key = lower(:location)");
			params.put("location", query.location());
		}
		if (query.from() != null) {
			where.append(" and i.start_at >= :from");
			params.put("from", query.from().atOffset(ZoneOffset.UTC));
		}
		if (query.to() != null) {
			where.append(" and i.start_at < :to");
			params.put("to", query.to().atOffset(ZoneOffset.UTC));
		}
		if (query.createdBy() != null) {
			where.append(" and i.created_by = :createdBy");
			params.put("createdBy", query.createdBy());
		}
		if (query.sort() == SortKey.RANK) {
			params.putIfAbsent("tsq", "");
		}
		return where.toString();
	}

	/**
	 * Every word must match as a prefix; a word of five letters or more that no interaction contains
	 * also matches the organisation's dictionary words that are trigram-similar to it (small typos). Words are
	 * unaccented, lower-cased and split by the same functions that build the search document: PostgreSQL's
	 * parser reads "9e57e1" as the number 9e57 and the word e1, "follow-up" as follow-up, follow and up, and
	 * an e-mail address as one word, and the query must look for what the document holds.
	 */
	String tsquery(UUID organisationId, String q) {
		// the normalised query, its words in the order typed, and whether the dictionary holds it whole:
		// a one-word query (the usual kind) then needs no lookup of its own
		var normalisedQuery = jdbc.sql("""
				select n, exists (select 1 from interaction_words where organisation_id = ? and word = n) as known,
				       array(select w.lexeme from unnest(to_tsvector('simple'::regconfig, n)) w order by w.positions[1]) as words
				from (select lower(immutable_unaccent(?)) as n) q
				""").params(organisationId, q)
			.query((rs, n) -> new Normalised(rs.getString("n"), rs.getBoolean("known"),
					List.of((String[]) rs.getArray("words").getArray())))
			.single();
		var normalised = normalisedQuery.text();
		// a tsvector holds each word once, so the words need no de-duplication here
		var words = normalisedQuery.words().stream().limit(MAX_WORDS).toList();
		if (words.isEmpty()) {
			return null;
		}
		var terms = new ArrayList<String>();
		for (var word : words) {
			var alternatives = new ArrayList<String>();
			alternatives.add(lexeme(word) + ":*");
			var typoCandidate = word.codePointCount(0, word.length()) >= TYPO_MIN_LENGTH && LETTER.matcher(word).find();
			if (typoCandidate && !(word.equals(normalised) ? normalisedQuery.known() : known(organisationId, word))) {
				jdbc.sql("""
						select word from interaction_words where organisation_id = ? and word % ?
						order by similarity(word, ?) desc, word limit ?
						""").params(organisationId, word, word, TYPO_ALTERNATIVES).query(String.class).list()
					.forEach(similar -> alternatives.add(lexeme(similar)));
			}
			terms.add("(" + String.join(" | ", alternatives) + ")");
		}
		return String.join(" & ", terms);
	}

	private record Normalised(String text, boolean known, List<String> words) {
	}

	/** Whether the organisation's interactions contain the word: then it is taken as meant, not as a typo. */
	private boolean known(UUID organisationId, String word) {
		return jdbc.sql("select exists (select 1 from interaction_words where organisation_id = ? and word = ?)")
			.params(organisationId, word).query(Boolean.class).single();
	}

	/** A tsquery lexeme, quoted so that no character in it is read as an operator. */
	private static String lexeme(String word) {
		return "'" + word.replace("\\", "\\\\").replace("'", "''") + "'";
	}

	/** The planner's estimate of the matches, taken at most once a minute per question ({@link TotalEstimates}). */
	private long estimate(String where, Map<String, Object> params) {
		return estimates.of(where, params, () -> {
			var plan = jdbc.sql("explain (format json) select 1 from interactions i where " + where).params(params)
				.query(String.class).single();
			return json.readTree(plan).get(0).get("Plan").get("Plan Rows").asLong();
		});
	}
}
