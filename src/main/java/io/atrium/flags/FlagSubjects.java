package io.atrium.flags;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.atrium.access.Caller;
import io.atrium.database.Scope;
import io.atrium.entitlements.Entitlements;
import io.atrium.tenancy.Organisations;
import io.atrium.tenancy.TenancyEvents;

/**
 * Builds the subject a flag is evaluated for from what Atrium knows: the organisation's industry
 * and SIC code (cached for {@code atrium.flags.organisation-cache-ttl}, dropped at once when it is
 * changed on this node) and its plan (from the entitlements cache).
 */
@Component
class FlagSubjects {

	private static final int MAX_CACHED = 20_000;

	private final Organisations organisations;
	private final Entitlements entitlements;
	private final FlagsProperties properties;
	private final Clock clock;
	private final Cache<UUID, Profile> profiles = Caffeine.newBuilder().maximumSize(MAX_CACHED).build();

	FlagSubjects(Organisations organisations, Entitlements entitlements, FlagsProperties properties, Clock clock) {
		this.organisations = organisations;
		this.entitlements = entitlements;
		this.properties = properties;
		this.clock = clock;
	}

	/** A signed-in caller, in an organisation they belong to (checked by the caller of this) or none. */
	Subject of(Caller caller, UUID organisationId) {
		if (organisationId == null) {
			return new Subject(caller.userId().toString(), null, null, null, null, null);
		}
		var membership = caller.memberships().get(organisationId);
		return of(organisationId, caller.userId().toString(), membership == null ? null : membership.role().name());
	}

	/** Someone in an organisation, known by a targeting key and optionally their role. */
	Subject of(UUID organisationId, String targetingKey, String role) {
		var profile = profile(organisationId);
		return new Subject(targetingKey, organisationId, profile.industry(), profile.sicCode(), role,
				entitlements.plan(organisationId).name());
	}

	@EventListener
	void on(TenancyEvents.OrganisationUpdated event) {
		profiles.invalidate(event.organisationId());
	}

	private Profile profile(UUID organisationId) {
		var now = clock.instant();
		var cached = profiles.getIfPresent(organisationId);
		if (cached != null && cached.loadedAt().plus(properties.organisationCacheTtl()).isAfter(now)) {
			return cached;
		}
		var loaded = organisations.get(Scope.system(organisationId), organisationId)
			.map(o -> new Profile(o.industry() == null ? null : o.industry().name(), o.sicCode(), now))
			.orElse(new Profile(null, null, now));
		profiles.put(organisationId, loaded);
		return loaded;
	}

	private record Profile(String industry, String sicCode, Instant loadedAt) {
	}
}
