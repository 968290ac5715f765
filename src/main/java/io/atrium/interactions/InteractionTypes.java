package io.atrium.interactions;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import com.github.f4b6a3.uuid.UuidCreator;

import io.atrium.api.ApiException;
import io.atrium.audit.AuditableEvent.Change;
import io.atrium.database.Scope;
import io.atrium.database.TenantTransactions;
import io.atrium.interactions.InteractionEvents.InteractionTypeAdded;
import io.atrium.interactions.InteractionEvents.InteractionTypeRemoved;
import io.atrium.interactions.InteractionEvents.InteractionTypeRenamed;
import io.atrium.tenancy.TenancyEvents.OrganisationCreated;

/**
 * Each organisation's interaction types: seeded with six defaults when the organisation is
 * created, then managed by its admins. A rename reaches every interaction of the type through the
 * foreign key's ON UPDATE CASCADE; a type still in use, or the last one, cannot be removed.
 */
@Service
class InteractionTypes {

	static final List<String> DEFAULTS = List.of("Meeting", "Call", "Email", "Visit", "Event", "Other");
	static final int NAME_MAX = 50;

	private final TenantTransactions transactions;
	private final JdbcClient jdbc;
	private final ApplicationEventPublisher events;
	private final Clock clock;

	InteractionTypes(TenantTransactions transactions, JdbcClient jdbc, ApplicationEventPublisher events, Clock clock) {
		this.transactions = transactions;
		this.jdbc = jdbc;
		this.events = events;
		this.clock = clock;
	}

	record InteractionType(UUID id, String name, int version) {
	}

	/** An organisation's type names, matched case-insensitively to the name as the organisation spells it. */
	record Catalogue(List<String> names) {

		/**
		 * Takes any name as given, for a create whose insert resolves the type itself and inserts
		 * nothing for a type the organisation does not have ({@link Interactions#create}).
		 */
		static final Catalogue RESOLVED_ON_INSERT = new Catalogue(null);

		/** The names; none for {@link #RESOLVED_ON_INSERT}, whose problems are checked again against the real ones. */
		@Override
		public List<String> names() {
			return names == null ? List.of() : names;
		}

		Optional<String> resolve(String name) {
			if (names == null) {
				return Optional.of(name);
			}
			return names.stream().filter(n -> n.equalsIgnoreCase(name)).findFirst();
		}
	}

	/**
	 * Seeds the defaults inside the transaction that creates the organisation, so no organisation
	 * ever exists without types (organisations older than this module got them in V30).
	 */
	@EventListener
	void on(OrganisationCreated event) {
		transactions.run(Scope.system(event.organisationId()), () -> {
			var now = now();
			for (var name : DEFAULTS) {
				jdbc.sql("""
						insert into interaction_types (id, organisation_id, name, created_at, updated_at)
						values (?, ?, ?, ?, ?) on conflict do nothing
						""").params(UuidCreator.getTimeOrderedEpoch(), event.organisationId(), name, now, now).update();
			}
		});
	}

	/** Joins the caller's transaction; the scope must cover the organisation. */
	Catalogue catalogue(UUID organisationId) {
		return new Catalogue(jdbc.sql("select name from interaction_types where organisation_id = ? order by lower(name)")
			.param(organisationId).query(String.class).list());
	}

	List<InteractionType> list(Scope scope, UUID organisationId) {
		return transactions.read(scope, () -> jdbc
			.sql("select id, name, version from interaction_types where organisation_id = ? order by lower(name)")
			.param(organisationId).query(InteractionTypes::map).list());
	}

	InteractionType add(Scope scope, UUID organisationId, String name) {
		var clean = checkName(name);
		return transactions.write(scope, () -> {
			requireUnused(organisationId, clean, null);
			var id = UuidCreator.getTimeOrderedEpoch();
			var now = now();
			jdbc.sql("insert into interaction_types (id, organisation_id, name, created_at, updated_at) values (?, ?, ?, ?, ?)")
				.params(id, organisationId, clean, now, now).update();
			events.publishEvent(new InteractionTypeAdded(organisationId, id, Map.of("name", new Change(null, clean))));
			return find(organisationId, id).orElseThrow();
		});
	}

	InteractionType rename(Scope scope, UUID organisationId, UUID id, Integer expectedVersion, String name) {
		var clean = checkName(name);
		return transactions.write(scope, () -> {
			var current = jdbc.sql("select id, name, version from interaction_types where organisation_id = ? and id = ? for update")
				.params(organisationId, id).query(InteractionTypes::map).optional()
				.orElseThrow(() -> ApiException.notFound("interaction type"));
			if (expectedVersion != null && expectedVersion != current.version()) {
				throw Interactions.stale("interaction type", current.version());
			}
			if (current.name().equals(clean)) {
				return current;
			}
			requireUnused(organisationId, clean, id);
			jdbc.sql("update interaction_types set name = ?, updated_at = ?, version = version + 1 where id = ?")
				.params(clean, now(), id).update();
			events.publishEvent(new InteractionTypeRenamed(organisationId, id, Map.of("name", new Change(current.name(), clean))));
			return find(organisationId, id).orElseThrow();
		});
	}

	void remove(Scope scope, UUID organisationId, UUID id) {
		transactions.run(scope, () -> {
			var current = jdbc.sql("select id, name, version from interaction_types where organisation_id = ? and id = ? for update")
				.params(organisationId, id).query(InteractionTypes::map).optional()
				.orElseThrow(() -> ApiException.notFound("interaction type"));
			var inUse = jdbc.sql("select exists (select 1 from interactions where organisation_id = ? and type = ?)")
				.params(organisationId, current.name()).query(Boolean.class).single();
			if (inUse) {
				throw ApiException.conflict("type-in-use", "Interactions of type '" + current.name()
						+ "' exist (in the trash too). Change their type, or rename this type instead of removing it.");
			}
			var count = jdbc.sql("select count(*) from interaction_types where organisation_id = ?").param(organisationId)
				.query(Long.class).single();
			if (count <= 1) {
				throw ApiException.conflict("last-type", "An organisation keeps at least one interaction type. Add another first.");
			}
			jdbc.sql("delete from interaction_types where id = ?").param(id).update();
			events.publishEvent(new InteractionTypeRemoved(organisationId, id, Map.of("name", new Change(current.name(), null))));
		});
	}

	/** Organisations that have interaction types, i.e. every one that can hold interactions (for background jobs). */
	List<UUID> organisations() {
		return transactions.read(Scope.platform(null),
				() -> jdbc.sql("select distinct organisation_id from interaction_types").query(UUID.class).list());
	}

	private static String checkName(String name) {
		if (name == null || name.isBlank()) {
			throw ApiException.invalid("name", "is required");
		}
		var clean = name.strip();
		if (clean.codePointCount(0, clean.length()) > NAME_MAX) {
			throw ApiException.invalid("name", "must be at most " + NAME_MAX + " characters");
		}
		if (clean.chars().anyMatch(c -> c < 0x20 || c == 0x7F)) {
			throw ApiException.invalid("name", "must be a single line without control characters");
		}
		return clean;
	}

	private void requireUnused(UUID organisationId, String name, UUID except) {
		var taken = jdbc.sql("""
				select 1 from interaction_types where organisation_id = ? and lower(name) = lower(?)
				and id <> coalesce(cast(? as uuid), '00000000-0000-0000-0000-000000000000'::uuid)
				""").params(organisationId, name, except).query(Integer.class).optional();
		if (taken.isPresent()) {
			throw ApiException.invalid("name", "is already an interaction type of this organisation");
		}
	}

	private Optional<InteractionType> find(UUID organisationId, UUID id) {
		return jdbc.sql("select id, name, version from interaction_types where organisation_id = ? and id = ?")
			.params(organisationId, id).query(InteractionTypes::map).optional();
	}

	private static InteractionType map(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
		return new InteractionType(rs.getObject("id", UUID.class), rs.getString("name"), rs.getInt("version"));
	}

	private OffsetDateTime now() {
		return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
	}
}
