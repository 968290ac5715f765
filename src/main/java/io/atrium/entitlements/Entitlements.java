package io.atrium.entitlements;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.atrium.api.ApiException;

/**
 * The one check every application module makes before serving an organisation:
 * {@code entitlements.require(organisationId, Module.MARKET)} answers 403 {@code module-disabled}
 * when the organisation may not use the module, and counts the request towards its usage.
 * Call it after {@code Access} has let the caller in, so outsiders still see 404 first.
 * <p>
 * Answers come from memory. Every change raises a version row; each node compares it with the
 * version its cache was built at every {@code atrium.entitlements.refresh-interval} and drops the
 * cache when it moved, so a change made on one node holds on all within that interval (at once on
 * the node that made it). Expiry needs no invalidation: it is compared with the clock on each check.
 */
@Service
public class Entitlements {

	private static final int MAX_CACHED = 20_000;

	private final EntitlementRecords records;
	private final ModuleUsage usage;
	private final Clock clock;
	private final Cache<UUID, Cached> cache = Caffeine.newBuilder().maximumSize(MAX_CACHED).build();
	private volatile long version = -1;

	Entitlements(EntitlementRecords records, ModuleUsage usage, Clock clock) {
		this.records = records;
		this.usage = usage;
		this.clock = clock;
	}

	/**
	 * Lets the request through when the organisation may use the module; otherwise 403
	 * {@code module-disabled}. Call it once per request: each call counts as one request of usage.
	 */
	public void require(UUID organisationId, Module module) {
		var entitlements = of(organisationId);
		var now = clock.instant();
		if (!entitlements.allows(module, now)) {
			throw disabled(organisationId, module, entitlements.modules().get(module), now);
		}
		usage.count(organisationId, module);
	}

	/** Whether the organisation may use the module now (does not count usage). */
	public boolean allows(UUID organisationId, Module module) {
		return of(organisationId).allows(module, clock.instant());
	}

	/** The organisation's plan tier. */
	public Plan plan(UUID organisationId) {
		return of(organisationId).plan();
	}

	/** The organisation's plan and modules as this node knows them. */
	public OrganisationEntitlements of(UUID organisationId) {
		if (version < 0) {
			refresh();
		}
		var seen = version;
		var cached = cache.getIfPresent(organisationId);
		if (cached != null && cached.version() == seen) {
			return cached.entitlements();
		}
		// stamped with the version seen before reading, so a read that raced a change is reloaded
		var loaded = records.load(organisationId);
		cache.put(organisationId, new Cached(seen, loaded));
		return loaded;
	}

	/** Picks up changes made on any node; also called right after a change on this one. */
	@Scheduled(fixedDelayString = "${atrium.entitlements.refresh-interval:2s}")
	void refresh() {
		var current = records.version();
		if (current != version) {
			version = current;
			cache.invalidateAll();
		}
	}

	private static ApiException disabled(UUID organisationId, Module module, OrganisationEntitlements.Grant grant,
			java.time.Instant now) {
		var expired = grant != null && grant.enabled() && grant.expiresAt() != null && !now.isBefore(grant.expiresAt());
		var detail = expired
				? "The " + module.displayName() + " module of this organisation expired at " + grant.expiresAt()
						+ ". A super admin can extend it at PATCH /api/v1/admin/organisations/" + organisationId + "/entitlements."
				: "The " + module.displayName() + " module is not enabled for this organisation. A super admin can enable it at PATCH /api/v1/admin/organisations/"
						+ organisationId + "/entitlements.";
		var properties = new LinkedHashMap<String, Object>();
		properties.put("module", module.name());
		properties.put("organisationId", organisationId.toString());
		properties.put("enabledBy", "SUPER_ADMIN");
		if (expired) {
			properties.put("expiredAt", grant.expiresAt().toString());
		}
		return new ApiException(HttpStatus.FORBIDDEN, "module-disabled", "Module disabled", detail, properties);
	}

	private record Cached(long version, OrganisationEntitlements entitlements) {
	}
}
