package io.atrium.flags;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

import org.apache.commons.codec.digest.DigestUtils;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.f4b6a3.uuid.UuidCreator;

import io.atrium.api.ApiException;
import io.atrium.database.Scope;
import io.atrium.database.TenantTransactions;

/**
 * Organisations' API keys for OFREP. A key reads {@code ofrep_<organisation id, 32 hex>_<secret>};
 * only its SHA-256 is stored. The organisation id in the key lets a presented key be checked in
 * that organisation's own row-level security scope. Verified keys are remembered until the flag
 * version moves (a revocation raises it), so a revoked key stops working on every node within
 * {@code atrium.flags.refresh-interval}.
 */
@Service
class FlagApiKeys {

	private static final Pattern FORMAT = Pattern.compile("^ofrep_([0-9a-f]{32})_([A-Za-z0-9_-]{43})$");
	private static final int MAX_CACHED = 10_000;

	private final TenantTransactions transactions;
	private final JdbcClient jdbc;
	private final FlagCatalogue catalogue;
	private final ApplicationEventPublisher events;
	private final Clock clock;
	private final SecureRandom random = new SecureRandom();
	private final Cache<String, Verified> verified = Caffeine.newBuilder().maximumSize(MAX_CACHED).build();

	FlagApiKeys(TenantTransactions transactions, JdbcClient jdbc, FlagCatalogue catalogue, ApplicationEventPublisher events,
			Clock clock) {
		this.transactions = transactions;
		this.jdbc = jdbc;
		this.catalogue = catalogue;
		this.events = events;
		this.clock = clock;
	}

	/** A key as listed: never the key itself, only its last four characters. */
	record ApiKey(UUID id, String name, String hint, UUID createdBy, Instant createdAt, Instant revokedAt) {
	}

	/** A new key: {@code key} is shown this once and cannot be recovered. */
	record CreatedKey(UUID id, String name, String hint, Instant createdAt, String key) {
	}

	CreatedKey create(Scope scope, UUID organisationId, String name) {
		var secret = new byte[32];
		random.nextBytes(secret);
		var key = "ofrep_" + organisationId.toString().replace("-", "") + "_"
				+ Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
		var hint = key.substring(key.length() - 4);
		var id = UuidCreator.getTimeOrderedEpoch();
		var now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
		transactions.run(scope, () -> {
			jdbc.sql("""
					insert into feature_flag_api_keys (id, organisation_id, name, secret_hash, hint, created_by, created_at)
					values (?, ?, ?, ?, ?, ?, ?)
					""").params(id, organisationId, name, DigestUtils.sha256Hex(key), hint, scope.userId(), now).update();
			events.publishEvent(new FlagEvents.FlagApiKeyCreated(organisationId, id, name));
		});
		return new CreatedKey(id, name, hint, now.toInstant(), key);
	}

	List<ApiKey> list(Scope scope, UUID organisationId) {
		return transactions.read(scope, () -> jdbc.sql("""
				select * from feature_flag_api_keys where organisation_id = ? order by created_at desc, id desc
				""").param(organisationId).query((rs, n) -> {
			var revoked = rs.getObject("revoked_at", OffsetDateTime.class);
			return new ApiKey(rs.getObject("id", UUID.class), rs.getString("name"), rs.getString("hint"),
					rs.getObject("created_by", UUID.class), rs.getObject("created_at", OffsetDateTime.class).toInstant(),
					revoked == null ? null : revoked.toInstant());
		}).list());
	}

	void revoke(Scope scope, UUID organisationId, UUID keyId) {
		transactions.run(scope, () -> {
			var revoked = jdbc.sql("select revoked_at is not null from feature_flag_api_keys where id = ? and organisation_id = ? for update")
				.params(keyId, organisationId).query(Boolean.class).optional()
				.orElseThrow(() -> ApiException.notFound("API key"));
			if (revoked) {
				return;
			}
			jdbc.sql("update feature_flag_api_keys set revoked_at = ? where id = ?")
				.params(OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC), keyId).update();
			// every node drops the keys it verified when the flag version moves
			jdbc.sql("update feature_flag_version set version = version + 1 where id = 1").update();
			events.publishEvent(new FlagEvents.FlagApiKeyRevoked(organisationId, keyId));
		});
		catalogue.refresh();
	}

	/** The organisation of a valid, unrevoked key. */
	Optional<UUID> authenticate(String presented) {
		if (presented == null) {
			return Optional.empty();
		}
		var matcher = FORMAT.matcher(presented.strip());
		if (!matcher.matches()) {
			return Optional.empty();
		}
		var hash = DigestUtils.sha256Hex(presented.strip());
		var version = catalogue.current().version();
		var known = verified.getIfPresent(hash);
		if (known != null && known.version() == version) {
			return Optional.of(known.organisationId());
		}
		var hex = matcher.group(1);
		var organisationId = UUID.fromString(hex.substring(0, 8) + "-" + hex.substring(8, 12) + "-" + hex.substring(12, 16)
				+ "-" + hex.substring(16, 20) + "-" + hex.substring(20));
		var valid = transactions.read(Scope.system(organisationId), () -> jdbc.sql("""
				select 1 from feature_flag_api_keys where organisation_id = ? and secret_hash = ? and revoked_at is null
				""").params(organisationId, hash).query(Integer.class).optional().isPresent());
		if (!valid) {
			verified.invalidate(hash);
			return Optional.empty();
		}
		verified.put(hash, new Verified(organisationId, version));
		return Optional.of(organisationId);
	}

	private record Verified(UUID organisationId, long version) {
	}
}
