package io.atrium.interactions;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import com.github.f4b6a3.uuid.UuidCreator;

import io.atrium.access.Access.SiteScope;
import io.atrium.api.ApiException;
import io.atrium.audit.AuditableEvent.Change;
import io.atrium.interactions.InteractionEvents.InteractionCreated;
import io.atrium.interactions.InteractionEvents.InteractionDeleted;
import io.atrium.interactions.InteractionEvents.InteractionRestored;
import io.atrium.interactions.InteractionEvents.InteractionUpdated;
import io.atrium.database.TenantTransactions;

/**
 * Recording, changing, trashing and restoring interactions at one site. Callers pass the
 * {@link SiteScope} that {@code Access} granted; every statement also names the site, so an id
 * from another site answers 404 exactly like one that does not exist.
 */
@Service
class Interactions {

	/**
	 * Adds the words of the search documents in {@code %s} (a from-clause naming them {@code d}) to the
	 * organisation's typo dictionary: words of five to forty characters with a letter, in order, so
	 * that concurrent writers take their locks in the same order.
	 */
	private static final String NEW_WORDS = """
			insert into interaction_words (organisation_id, word)
			select :org, w from (select distinct unnest(tsvector_to_array(d.search)) as w from %s) words
			where char_length(w) between 5 and 40 and w ~ '[[:alpha:]]'
			order by w
			on conflict do nothing""";

	/**
	 * Inserts a row, adds its new words to the dictionary, and answers the row as stored, in one
	 * statement. The type is matched case-insensitively to the organisation's spelling of it; for a
	 * type the organisation does not have, nothing is inserted and no row answered.
	 */
	private static final String INSERT = """
			with created as (
			    insert into interactions as i (id, organisation_id, site_id, title, type, lead, start_at, end_at,
			        timezone, location, description, notes, created_at, created_by, updated_at, updated_by)
			    select :id, :org, :site, :title, t.name, :lead, :start, :end, :timezone, :location, :description, :notes,
			        :now, :user, :now, :user
			    from interaction_types t where t.organisation_id = :org and lower(t.name) = lower(:type)
			    returning %s, i.search),
			words as (%s)
			select %s from created i
			""".formatted(Interaction.COLUMNS, NEW_WORDS.formatted("created d"), Interaction.COLUMNS);

	private final TenantTransactions transactions;
	private final JdbcClient jdbc;
	private final InteractionTypes types;
	private final ApplicationEventPublisher events;
	private final Clock clock;

	Interactions(TenantTransactions transactions, JdbcClient jdbc, InteractionTypes types,
			ApplicationEventPublisher events, Clock clock) {
		this.transactions = transactions;
		this.jdbc = jdbc;
		this.types = types;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * Records the interaction. A valid form costs no read of the organisation's types: the insert
	 * resolves the type. Only a form with a problem, or a type the insert did not find, is checked
	 * against the types, so that every problem is reported at once, the type's among them.
	 */
	Interaction create(SiteScope site, InteractionForm form) {
		return transactions.write(site.scope(), () -> {
			var quick = form.check(InteractionTypes.Catalogue.RESOLVED_ON_INSERT);
			if (quick.problems().isEmpty()) {
				var created = tryInsert(site, quick.details());
				if (created.isPresent()) {
					return created.get();
				}
			}
			return insert(site, form.check(types.catalogue(site.organisationId())).orThrow());
		});
	}

	/** Inserts checked details; joins the caller's transaction (CSV import inserts many in one). */
	Interaction insert(SiteScope site, InteractionForm.Details details) {
		return tryInsert(site, details).orElseThrow(() -> ApiException.invalid("type",
				"'" + details.type() + "' is no longer an interaction type of this organisation"));
	}

	/** Inserts the interaction, or nothing when its type is not one of the organisation's. */
	private Optional<Interaction> tryInsert(SiteScope site, InteractionForm.Details details) {
		var id = UuidCreator.getTimeOrderedEpoch();
		var now = now();
		var user = site.scope().userId();
		var created = jdbc.sql(INSERT)
			.param("id", id).param("org", site.organisationId()).param("site", site.siteId())
			.param("title", details.title()).param("type", details.type()).param("lead", details.lead())
			.param("start", utc(details.start())).param("end", utc(details.end())).param("timezone", details.timezone())
			.param("location", details.location()).param("description", details.description())
			.param("notes", details.notes()).param("now", now).param("user", user)
			.query(Interaction::map).optional();
		created.ifPresent(row -> events.publishEvent(new InteractionCreated(site.organisationId(), site.siteId(), id,
				Change.between(Map.of(), row.audited()))));
		return created;
	}

	Optional<Interaction> get(SiteScope site, UUID id) {
		return transactions.read(site.scope(), () -> find(site, id, false));
	}

	/**
	 * Replaces the interaction's fields when {@code expectedVersion} is still current; otherwise 412
	 * and the newer data stays as it is. A replacement that changes nothing changes no version.
	 */
	Interaction update(SiteScope site, UUID id, int expectedVersion, InteractionForm form) {
		return transactions.write(site.scope(), () -> {
			var current = lock(site, id, false);
			if (current.version() != expectedVersion) {
				throw stale("interaction", current.version());
			}
			var details = form.check(types.catalogue(site.organisationId())).orThrow();
			var proposed = new Interaction(id, current.organisationId(), current.siteId(), details.title(), details.type(),
					details.lead(), details.start(), details.end(), details.timezone(), details.location(),
					details.description(), details.notes(), null, null, null, null, 0, null);
			var changes = Change.between(current.audited(), proposed.audited());
			if (changes.isEmpty()) {
				return current;
			}
			jdbc.sql("""
					update interactions set title = :title, type = :type, lead = :lead, start_at = :start, end_at = :end,
					    timezone = :timezone, location = :location, description = :description, notes = :notes,
					    updated_at = :now, updated_by = :user, version = version + 1
					where id = :id and site_id = :site
					""")
				.param("title", details.title()).param("type", details.type()).param("lead", details.lead())
				.param("start", utc(details.start())).param("end", utc(details.end()))
				.param("timezone", details.timezone()).param("location", details.location())
				.param("description", details.description()).param("notes", details.notes()).param("now", now())
				.param("user", site.scope().userId()).param("id", id).param("site", site.siteId())
				.update();
			rememberWords(site.organisationId(), id);
			events.publishEvent(new InteractionUpdated(site.organisationId(), site.siteId(), id, changes));
			return find(site, id, false).orElseThrow();
		});
	}

	/** Moves the interaction to the trash. {@code expectedVersion} may be null to skip the check. */
	void delete(SiteScope site, UUID id, Integer expectedVersion) {
		transactions.run(site.scope(), () -> {
			var current = lock(site, id, false);
			if (expectedVersion != null && current.version() != expectedVersion) {
				throw stale("interaction", current.version());
			}
			var now = now();
			jdbc.sql("""
					update interactions set deleted_at = ?, deleted_by = ?, updated_at = ?, updated_by = ?, version = version + 1
					where id = ? and site_id = ?
					""").params(now, site.scope().userId(), now, site.scope().userId(), id, site.siteId()).update();
			events.publishEvent(new InteractionDeleted(site.organisationId(), site.siteId(), id,
					Map.of("deletedAt", new Change(null, Interaction.utc(now.toInstant())))));
		});
	}

	/** Takes the interaction out of the trash; 404 when it is not there (never trashed, or purged). */
	Interaction restore(SiteScope site, UUID id) {
		return transactions.write(site.scope(), () -> {
			var current = lock(site, id, true);
			jdbc.sql("""
					update interactions set deleted_at = null, deleted_by = null, updated_at = ?, updated_by = ?,
					    version = version + 1 where id = ? and site_id = ?
					""").params(now(), site.scope().userId(), id, site.siteId()).update();
			events.publishEvent(new InteractionRestored(site.organisationId(), site.siteId(), id,
					Map.of("deletedAt", new Change(Interaction.utc(current.deletedAt()), null))));
			return find(site, id, false).orElseThrow();
		});
	}

	/** The site's trash, most recently deleted first; {@code before} continues after that interaction. */
	List<Interaction> trash(SiteScope site, UUID before, int size) {
		return transactions.read(site.scope(), () -> jdbc.sql("select " + Interaction.COLUMNS + """
				 from interactions i
				where i.organisation_id = :org and i.site_id = :site and i.deleted_at is not null
				  and (cast(:before as uuid) is null or (i.deleted_at, i.id) <
				       (select b.deleted_at, b.id from interactions b where b.id = cast(:before as uuid) and b.site_id = :site))
				order by i.deleted_at desc, i.id desc limit :size
				""").param("org", site.organisationId()).param("site", site.siteId()).param("before", before)
			.param("size", size).query(Interaction::map).list());
	}

	static ApiException stale(String what, int currentVersion) {
		return new ApiException(HttpStatus.PRECONDITION_FAILED, "stale-version", "Precondition failed",
				"The " + what + " was changed by someone else (now version " + currentVersion
						+ "). Reload it and apply your change again.",
				Map.of("currentVersion", currentVersion));
	}

	/**
	 * Adds the interaction's longer words to the organisation's dictionary that typo-tolerant search
	 * widens query words with: five to forty characters with at least one letter (numbers, such as
	 * the "-829340" of "sql-829340", are not words anyone misspells). Sorted, so concurrent writers
	 * take the key locks in the same order.
	 */
	private void rememberWords(UUID organisationId, UUID id) {
		jdbc.sql(NEW_WORDS.formatted("interactions d where d.id = :id")).param("org", organisationId).param("id", id)
			.update();
	}

	private Interaction lock(SiteScope site, UUID id, boolean trashed) {
		return jdbc.sql("select " + Interaction.COLUMNS + " from interactions i where i.id = ? and i.site_id = ? and i.deleted_at is "
				+ (trashed ? "not null" : "null") + " for update")
			.params(id, site.siteId()).query(Interaction::map).optional()
			.orElseThrow(() -> ApiException.notFound(trashed ? "interaction in the trash" : "interaction"));
	}

	private Optional<Interaction> find(SiteScope site, UUID id, boolean trashed) {
		return jdbc.sql("select " + Interaction.COLUMNS + " from interactions i where i.id = ? and i.site_id = ? and i.deleted_at is "
				+ (trashed ? "not null" : "null"))
			.params(id, site.siteId()).query(Interaction::map).optional();
	}

	private static OffsetDateTime utc(Instant instant) {
		return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
	}

	private OffsetDateTime now() {
		// microseconds: what PostgreSQL stores is what events and responses report
		return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC).truncatedTo(java.time.temporal.ChronoUnit.MICROS);
	}
}
