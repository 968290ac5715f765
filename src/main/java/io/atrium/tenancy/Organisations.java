package io.atrium.tenancy;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
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
import io.atrium.tenancy.TenancyEvents.OrganisationCreated;
import io.atrium.tenancy.TenancyEvents.OrganisationUpdated;

/** Creating, reading and changing organisations; callers pass the scope that {@code Access} granted. */
@Service
public class Organisations {

	static final Map<String, String> SORTABLE = Map.of("name", "lower(name)", "slug", "slug", "createdAt", "created_at",
			"industry", "industry", "status", "status");

	private final TenantTransactions transactions;
	private final JdbcClient jdbc;
	private final ApplicationEventPublisher events;
	private final Clock clock;

	Organisations(TenantTransactions transactions, JdbcClient jdbc, ApplicationEventPublisher events, Clock clock) {
		this.transactions = transactions;
		this.jdbc = jdbc;
		this.events = events;
		this.clock = clock;
	}

	/** The details an organisation is created or changed with; null fields are left as they are on update. */
	public record Details(String name, String slug, Industry industry, String sicCode) {
	}

	/**
	 * Creates an organisation; the scope must be the platform's.
	 *
	 * @throws ApiException 400 when the slug is taken or the SIC code is not a UK SIC 2007 code
	 */
	public Organisation create(Scope scope, Details details) {
		SicCodes.requireKnown(details.sicCode());
		return transactions.write(scope, () -> {
			if (jdbc.sql("select 1 from organisations where slug = ?").param(details.slug()).query(Integer.class)
				.optional().isPresent()) {
				throw ApiException.invalid("slug", "is already used by another organisation");
			}
			var id = UuidCreator.getTimeOrderedEpoch();
			var now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
			jdbc.sql("""
					insert into organisations (id, name, slug, industry, sic_code, sic_version, status, created_at, updated_at)
					values (?, ?, ?, ?, ?, ?, 'ACTIVE', ?, ?)
					""").params(id, details.name(), details.slug(), details.industry() == null ? null : details.industry().name(),
					details.sicCode(), details.sicCode() == null ? null : SicCodes.VERSION, now, now).update();
			var created = find(id).orElseThrow();
			events.publishEvent(new OrganisationCreated(id, Change.between(Map.of(), created.audited())));
			return created;
		});
	}

	Organisation update(Scope scope, UUID id, Integer expectedVersion, Details details) {
		SicCodes.requireKnown(details.sicCode());
		return transactions.write(scope, () -> {
			var current = jdbc.sql("select * from organisations where id = ? for update").param(id)
				.query(Organisations::map).optional().orElseThrow(() -> ApiException.notFound("organisation"));
			if (expectedVersion != null && expectedVersion != current.version()) {
				throw ApiException.preconditionFailed("The organisation was changed by someone else (now version "
						+ current.version() + "). Reload it and apply your change again.");
			}
			if (details.slug() != null && !details.slug().equals(current.slug())
					&& jdbc.sql("select 1 from organisations where slug = ? and id <> ?").params(details.slug(), id)
						.query(Integer.class).optional().isPresent()) {
				throw ApiException.invalid("slug", "is already used by another organisation");
			}
			var sicCode = details.sicCode() != null ? details.sicCode() : current.sicCode();
			jdbc.sql("""
					update organisations set name = ?, slug = ?, industry = ?, sic_code = ?, sic_version = ?,
					    updated_at = ?, version = version + 1 where id = ?
					""").params(details.name() != null ? details.name() : current.name(),
					details.slug() != null ? details.slug() : current.slug(),
					details.industry() != null ? details.industry().name()
							: current.industry() == null ? null : current.industry().name(),
					sicCode, sicCode == null ? null : SicCodes.VERSION,
					OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC), id).update();
			var updated = find(id).orElseThrow();
			var changes = Change.between(current.audited(), updated.audited());
			if (!changes.isEmpty()) {
				events.publishEvent(new OrganisationUpdated(id, changes));
			}
			return updated;
		});
	}

	/** Sets the status; used by the platform's lifecycle operations. */
	public Organisation setStatus(Scope scope, UUID id, Organisation.Status status) {
		return transactions.write(scope, () -> {
			var current = find(id).orElseThrow(() -> ApiException.notFound("organisation"));
			jdbc.sql("update organisations set status = ?, updated_at = ?, version = version + 1 where id = ?")
				.params(status.name(), OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC), id).update();
			var updated = find(id).orElseThrow();
			events.publishEvent(new OrganisationUpdated(id, Change.between(current.audited(), updated.audited())));
			return updated;
		});
	}

	public Optional<Organisation> get(Scope scope, UUID id) {
		return transactions.read(scope, () -> find(id));
	}

	/** The organisation with this slug, if the scope can see it. */
	public Optional<Organisation> findBySlug(Scope scope, String slug) {
		return transactions.read(scope, () -> jdbc.sql("select * from organisations where slug = ?").param(slug)
			.query(Organisations::map).optional());
	}

	/** Organisations the scope can see, filtered by a text in name or slug, status and industry. */
	PageOf<Organisation> list(Scope scope, PageQuery page, String q, Organisation.Status status, Industry industry) {
		return transactions.read(scope, () -> {
			var where = new StringBuilder(" where true");
			var params = new ArrayList<Object>();
			if (q != null && !q.isBlank()) {
				where.append(" and (name ilike ? or slug ilike ?)");
				var like = Like.containing(q);
				params.add(like);
				params.add(like);
			}
			if (status != null) {
				where.append(" and status = ?");
				params.add(status.name());
			}
			if (industry != null) {
				where.append(" and industry = ?");
				params.add(industry.name());
			}
			var total = jdbc.sql("select count(*) from organisations" + where).params(params).query(Long.class).single();
			var pageParams = new ArrayList<>(params);
			pageParams.add(page.size());
			pageParams.add(page.offset());
			var items = jdbc.sql("select * from organisations" + where + page.orderBy() + " limit ? offset ?")
				.params(pageParams).query(Organisations::map).list();
			return PageOf.of(items, page, total);
		});
	}

	private Optional<Organisation> find(UUID id) {
		return jdbc.sql("select * from organisations where id = ?").param(id).query(Organisations::map).optional();
	}

	static Organisation map(ResultSet rs, int row) throws SQLException {
		var industry = rs.getString("industry");
		return new Organisation(rs.getObject("id", UUID.class), rs.getString("name"), rs.getString("slug"),
				industry == null ? null : Industry.valueOf(industry), rs.getString("sic_code"), rs.getString("sic_version"),
				Organisation.Status.valueOf(rs.getString("status")),
				rs.getObject("created_at", OffsetDateTime.class).toInstant(),
				rs.getObject("updated_at", OffsetDateTime.class).toInstant(), rs.getInt("version"));
	}
}
