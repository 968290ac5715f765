package io.atrium.ratelimits;

import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.atrium.database.Scope;
import io.atrium.database.TenantTransactions;

/**
 * The organisation a request works on, from its path: {@code /api/v1/organisations/{id}/...} names
 * it; {@code /api/v1/sites/{id}/...} names a site, whose organisation is looked up once and then
 * remembered (a site never changes organisation), so no request reads the database for this twice.
 */
@Component
class RequestOrganisations {

	private static final Pattern ORGANISATION = Pattern.compile("^/api/v1/organisations/([0-9a-fA-F-]{36})(?:/.*)?$");
	private static final Pattern SITE = Pattern.compile("^/api/v1/sites/([0-9a-fA-F-]{36})(?:/.*)?$");
	private static final UUID NONE = new UUID(0, 0);
	private static final int MAX_CACHED = 100_000;

	private final TenantTransactions transactions;
	private final JdbcClient jdbc;
	private final Cache<UUID, UUID> siteOrganisations = Caffeine.newBuilder().maximumSize(MAX_CACHED).build();

	RequestOrganisations(TenantTransactions transactions, JdbcClient jdbc) {
		this.transactions = transactions;
		this.jdbc = jdbc;
	}

	Optional<UUID> of(String path) {
		var organisation = ORGANISATION.matcher(path);
		if (organisation.matches()) {
			return uuid(organisation.group(1));
		}
		var site = SITE.matcher(path);
		if (site.matches()) {
			return uuid(site.group(1)).flatMap(this::organisationOfSite);
		}
		return Optional.empty();
	}

	private Optional<UUID> organisationOfSite(UUID siteId) {
		var known = siteOrganisations.getIfPresent(siteId);
		if (known == null) {
			known = transactions.read(Scope.platform(null), () -> jdbc.sql("select organisation_id from sites where id = ?")
				.param(siteId).query(UUID.class).optional()).orElse(NONE);
			siteOrganisations.put(siteId, known);
		}
		return known.equals(NONE) ? Optional.empty() : Optional.of(known);
	}

	private static Optional<UUID> uuid(String text) {
		try {
			return Optional.of(UUID.fromString(text));
		}
		catch (IllegalArgumentException e) {
			return Optional.empty();
		}
	}
}
