package io.atrium.tenancy;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import com.github.f4b6a3.uuid.UuidCreator;

import io.atrium.api.ApiException;
import io.atrium.api.Like;
import io.atrium.api.PageOf;
import io.atrium.api.PageQuery;
import io.atrium.audit.AuditableEvent.Change;
import io.atrium.database.Scope;
import io.atrium.database.TenantTransactions;
import io.atrium.tenancy.TenancyEvents.SiteCreated;
import io.atrium.tenancy.TenancyEvents.SiteUpdated;

/** An organisation's sites; row-level security limits every query to the scope's sites. */
@Service
public class Sites {

	static final Map<String, String> SORTABLE = Map.of("name", "lower(name)", "timezone", "timezone", "createdAt",
			"created_at", "active", "active");

	private final TenantTransactions transactions;
	private final JdbcClient jdbc;
	private final ApplicationEventPublisher events;
	private final Clock clock;

	Sites(TenantTransactions transactions, JdbcClient jdbc, ApplicationEventPublisher events, Clock clock) {
		this.transactions = transactions;
		this.jdbc = jdbc;
		this.events = events;
		this.clock = clock;
	}

	/** A site's details; null fields are left as they are on update. */
	public record Details(String name, String description, String timezone, Boolean active) {
	}

	public Site create(Scope scope, Details details) {
		return transactions.write(scope, () -> {
			requireUniqueName(scope.organisationId(), details.name(), null);
			var id = UuidCreator.getTimeOrderedEpoch();
			var now = now();
			jdbc.sql("""
					insert into sites (id, organisation_id, name, description, timezone, active, created_at, updated_at)
					values (?, ?, ?, ?, ?, ?, ?, ?)
					""").params(id, scope.organisationId(), details.name(), details.description(), details.timezone(),
					details.active() == null || details.active(), now, now).update();
			var site = find(id).orElseThrow();
			events.publishEvent(new SiteCreated(site.organisationId(), id, Change.between(Map.of(), site.audited())));
			return site;
		});
	}

	Site update(Scope scope, UUID id, Integer expectedVersion, Details details) {
		return transactions.write(scope, () -> {
			var current = jdbc.sql("select * from sites where id = ? for update").param(id).query(Sites::map).optional()
				.orElseThrow(() -> ApiException.notFound("site"));
			if (expectedVersion != null && expectedVersion != current.version()) {
				throw ApiException.preconditionFailed("The site was changed by someone else (now version "
						+ current.version() + "). Reload it and apply your change again.");
			}
			if (details.name() != null) {
				requireUniqueName(current.organisationId(), details.name(), id);
			}
			jdbc.sql("""
					update sites set name = ?, description = ?, timezone = ?, active = ?, updated_at = ?,
					    version = version + 1 where id = ?
					""").params(details.name() != null ? details.name() : current.name(),
					details.description() != null ? details.description() : current.description(),
					details.timezone() != null ? details.timezone() : current.timezone(),
					details.active() != null ? details.active() : current.active(), now(), id).update();
			var updated = find(id).orElseThrow();
			var changes = Change.between(current.audited(), updated.audited());
			if (!changes.isEmpty()) {
				events.publishEvent(new SiteUpdated(updated.organisationId(), id, changes));
			}
			return updated;
		});
	}

	public Optional<Site> get(Scope scope, UUID id) {
		return transactions.read(scope, () -> find(id));
	}

	/** Every site of the scope's organisation that the scope may see, by name; for overviews, not for paging. */
	public List<Site> visible(Scope scope) {
		return transactions.read(scope, () -> jdbc.sql("select * from sites where organisation_id = ? order by lower(name), id")
			.param(scope.organisationId()).query(Sites::map).list());
	}

	/** The scope's organisation's site with this name (ignoring case), if the scope can see it. */
	public Optional<Site> findByName(Scope scope, String name) {
		return transactions.read(scope, () -> jdbc.sql("select * from sites where organisation_id = ? and lower(name) = lower(?)")
			.params(scope.organisationId(), name).query(Sites::map).optional());
	}

	PageOf<Site> list(Scope scope, PageQuery page, String q, Boolean active) {
		return transactions.read(scope, () -> {
			var where = new StringBuilder(" where organisation_id = ?");
			var params = new ArrayList<Object>();
			params.add(scope.organisationId());
			if (q != null && !q.isBlank()) {
				where.append(" and (name ilike ? or description ilike ?)");
				var like = Like.containing(q);
				params.add(like);
				params.add(like);
			}
			if (active != null) {
				where.append(" and active = ?");
				params.add(active);
			}
			var total = jdbc.sql("select count(*) from sites" + where).params(params).query(Long.class).single();
			var pageParams = new ArrayList<>(params);
			pageParams.add(page.size());
			pageParams.add(page.offset());
			var items = jdbc.sql("select * from sites" + where + page.orderBy() + " limit ? offset ?").params(pageParams)
				.query(Sites::map).list();
			return PageOf.of(items, page, total);
		});
	}

	private void requireUniqueName(UUID organisationId, String name, UUID except) {
		if (jdbc.sql("select 1 from sites where organisation_id = ? and lower(name) = lower(?) and id <> coalesce(?, '00000000-0000-0000-0000-000000000000'::uuid)")
			.params(organisationId, name, except).query(Integer.class).optional().isPresent()) {
			throw ApiException.invalid("name", "is already used by another site of this organisation");
		}
	}

	private Optional<Site> find(UUID id) {
		return jdbc.sql("select * from sites where id = ?").param(id).query(Sites::map).optional();
	}

	private OffsetDateTime now() {
		return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
	}

	static Site map(ResultSet rs, int row) throws SQLException {
		return new Site(rs.getObject("id", UUID.class), rs.getObject("organisation_id", UUID.class), rs.getString("name"),
				rs.getString("description"), rs.getString("timezone"), rs.getBoolean("active"),
				rs.getObject("created_at", OffsetDateTime.class).toInstant(),
				rs.getObject("updated_at", OffsetDateTime.class).toInstant(), rs.getInt("version"));
	}
}
