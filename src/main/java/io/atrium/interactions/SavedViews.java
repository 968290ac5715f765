package io.atrium.interactions;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import com.github.f4b6a3.uuid.UuidCreator;

import io.atrium.access.Access.SiteScope;
import io.atrium.api.ApiException;
import io.atrium.api.ApiException.FieldProblem;
import io.atrium.audit.AuditableEvent.Change;
import io.atrium.database.TenantTransactions;
import io.atrium.interactions.InteractionEvents.SavedViewCreated;
import io.atrium.interactions.InteractionEvents.SavedViewDeleted;
import io.atrium.interactions.InteractionEvents.SavedViewUpdated;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Saved views: a named Finder question (search, filters, sort) and the columns to show, at one
 * site. A personal view is visible to its owner only (row-level security keeps it so); a shared
 * one to everyone who may read the site's interactions. A view is checked like the Finder's own
 * parameters when saved, so it always runs.
 */
@Service
class SavedViews {

	static final List<String> COLUMNS = List.of("title", "type", "lead", "start", "end", "timezone", "location",
			"description", "notes", "createdAt", "createdBy", "updatedAt", "updatedBy");
	static final int NAME_MAX = 100;

	private final TenantTransactions transactions;
	private final JdbcClient jdbc;
	private final Finder finder;
	private final ApplicationEventPublisher events;
	private final JsonMapper json;
	private final Clock clock;

	SavedViews(TenantTransactions transactions, JdbcClient jdbc, Finder finder, ApplicationEventPublisher events,
			JsonMapper json, Clock clock) {
		this.transactions = transactions;
		this.jdbc = jdbc;
		this.finder = finder;
		this.events = events;
		this.json = json;
		this.clock = clock;
	}

	/** The Finder question a view keeps: the Finder's own parameter names. */
	record Query(String q, List<String> type, String lead, String location, String from, String to, String createdBy) {

		Query {
			type = type == null ? List.of() : List.copyOf(type);
		}
	}

	/** What a person submits to save a view. */
	record ViewForm(String name, Boolean shared, Query query, String sort, List<String> columns) {
	}

	record SavedView(UUID id, UUID siteId, UUID ownerId, String name, boolean shared, Query query, String sort,
			List<String> columns, Instant createdAt, Instant updatedAt, int version) {

		Map<String, Object> audited() {
			var fields = new LinkedHashMap<String, Object>();
			fields.put("name", name);
			fields.put("shared", shared);
			fields.put("query", query);
			fields.put("sort", sort);
			fields.put("columns", columns);
			return fields;
		}
	}

	List<SavedView> list(SiteScope site) {
		return transactions.read(site.scope(), () -> jdbc
			.sql("select * from interaction_views where site_id = ? order by lower(name), id").param(site.siteId())
			.query(this::map).list());
	}

	Optional<SavedView> get(SiteScope site, UUID id) {
		return transactions.read(site.scope(), () -> find(site, id));
	}

	SavedView create(SiteScope site, ViewForm form) {
		var checked = check(site, form);
		return transactions.write(site.scope(), () -> {
			var id = UuidCreator.getTimeOrderedEpoch();
			var now = now();
			jdbc.sql("""
					insert into interaction_views (id, organisation_id, site_id, owner_id, name, shared, query, sort, columns,
					    created_at, updated_at)
					values (?, ?, ?, ?, ?, ?, cast(? as jsonb), ?, ?, ?, ?)
					""").params(id, site.organisationId(), site.siteId(), site.scope().userId(), checked.name(),
					checked.shared(), json.writeValueAsString(checked.query()), checked.sort(),
					checked.columns().toArray(String[]::new), now, now).update();
			var created = find(site, id).orElseThrow();
			events.publishEvent(new SavedViewCreated(site.organisationId(), site.siteId(), id,
					Change.between(Map.of(), created.audited())));
			return created;
		});
	}

	/**
	 * Replaces a view. Its owner may change it; a shared view also its site's administrators
	 * ({@code mayManageShared}).
	 */
	SavedView update(SiteScope site, UUID id, Integer expectedVersion, ViewForm form, boolean mayManageShared) {
		var checked = check(site, form);
		return transactions.write(site.scope(), () -> {
			var current = lockOwnedOrManaged(site, id, mayManageShared);
			if (expectedVersion != null && expectedVersion != current.version()) {
				throw Interactions.stale("view", current.version());
			}
			if (!current.ownerId().equals(site.scope().userId()) && !checked.shared()) {
				throw ApiException.forbidden("Only its owner may make a shared view personal again.");
			}
			jdbc.sql("""
					update interaction_views set name = ?, shared = ?, query = cast(? as jsonb), sort = ?, columns = ?,
					    updated_at = ?, version = version + 1 where id = ?
					""").params(checked.name(), checked.shared(), json.writeValueAsString(checked.query()), checked.sort(),
					checked.columns().toArray(String[]::new), now(), id).update();
			var updated = find(site, id).orElseThrow();
			var changes = Change.between(current.audited(), updated.audited());
			if (!changes.isEmpty()) {
				events.publishEvent(new SavedViewUpdated(site.organisationId(), site.siteId(), id, changes));
			}
			return updated;
		});
	}

	void delete(SiteScope site, UUID id, boolean mayManageShared) {
		transactions.run(site.scope(), () -> {
			var current = lockOwnedOrManaged(site, id, mayManageShared);
			jdbc.sql("delete from interaction_views where id = ?").param(id).update();
			events.publishEvent(new SavedViewDeleted(site.organisationId(), site.siteId(), id,
					Change.between(current.audited(), Map.of())));
		});
	}

	private SavedView lockOwnedOrManaged(SiteScope site, UUID id, boolean mayManageShared) {
		var current = jdbc.sql("select * from interaction_views where id = ? and site_id = ? for update")
			.params(id, site.siteId()).query(this::map).optional().orElseThrow(() -> ApiException.notFound("view"));
		if (!current.ownerId().equals(site.scope().userId()) && !mayManageShared) {
			throw ApiException.forbidden("Only its owner or the site's administrators may change a shared view.");
		}
		return current;
	}

	/** Every problem with the form at once; the question and sort are checked by the Finder's own rules. */
	private ViewForm check(SiteScope site, ViewForm form) {
		var problems = new ArrayList<FieldProblem>();
		String name = null;
		if (form.name() == null || form.name().isBlank()) {
			problems.add(new FieldProblem("name", "is required"));
		}
		else {
			name = form.name().strip();
			if (name.codePointCount(0, name.length()) > NAME_MAX) {
				problems.add(new FieldProblem("name", "must be at most " + NAME_MAX + " characters"));
			}
			else if (name.chars().anyMatch(c -> c < 0x20 || c == 0x7F)) {
				problems.add(new FieldProblem("name", "must be a single line without control characters"));
			}
		}
		var columns = new LinkedHashSet<String>();
		for (var column : form.columns() == null ? List.<String>of() : form.columns()) {
			if (!COLUMNS.contains(column)) {
				problems.add(new FieldProblem("columns", "'" + column + "' is not a column; columns: " + String.join(", ", COLUMNS)));
			}
			else if (!columns.add(column)) {
				problems.add(new FieldProblem("columns", "'" + column + "' is listed twice"));
			}
		}
		var query = form.query() == null ? new Query(null, List.of(), null, null, null, null, null) : form.query();
		try {
			finder.check(site.scope(), site.organisationId(), new FinderQuery.Parameters(query.q(), query.type(),
					query.lead(), query.location(), query.from(), query.to(), query.createdBy(), form.sort(), null, null));
		}
		catch (ApiException e) {
			if (e.properties().get("errors") instanceof List<?> errors) {
				errors.stream().map(FieldProblem.class::cast).forEach(problem -> problems.add(
						new FieldProblem(problem.field().equals("sort") ? "sort" : "query." + problem.field(), problem.message())));
			}
			else {
				throw e;
			}
		}
		if (!problems.isEmpty()) {
			throw ApiException.invalid(problems.stream().sorted(java.util.Comparator.comparing(FieldProblem::field)).toList());
		}
		var sort = form.sort() == null || form.sort().isBlank() ? null : form.sort().strip();
		return new ViewForm(name, Boolean.TRUE.equals(form.shared()), query, sort, List.copyOf(columns));
	}

	private Optional<SavedView> find(SiteScope site, UUID id) {
		return jdbc.sql("select * from interaction_views where id = ? and site_id = ?").params(id, site.siteId())
			.query(this::map).optional();
	}

	private SavedView map(ResultSet rs, int row) throws SQLException {
		var columns = rs.getArray("columns");
		return new SavedView(rs.getObject("id", UUID.class), rs.getObject("site_id", UUID.class),
				rs.getObject("owner_id", UUID.class), rs.getString("name"), rs.getBoolean("shared"),
				json.readValue(rs.getString("query"), new TypeReference<Query>() {
				}), rs.getString("sort"), Arrays.asList((String[]) columns.getArray()),
				rs.getObject("created_at", OffsetDateTime.class).toInstant(),
				rs.getObject("updated_at", OffsetDateTime.class).toInstant(), rs.getInt("version"));
	}

	private OffsetDateTime now() {
		return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
	}
}
