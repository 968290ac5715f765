package io.atrium.access;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.UUID;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.atrium.api.ApiException;
import io.atrium.audit.AuditableEvent;
import io.atrium.database.Scope;
import io.atrium.database.TenantTransactions;
import io.atrium.identity.Authentication;
import io.atrium.identity.Sessions;

/**
 * Turns an authenticated token into a {@link Caller}: one short read in the user's own scope, then
 * kept per session so that the requests after it pay nothing.
 * <p>
 * A cached caller is used only while the {@code access_version} row is where it was when the
 * caller was read. Database triggers raise that version with every change to sessions (ended,
 * shortened), memberships, site roles, security policies, platform roles and organisation status
 * (V60). This node reads the version right after a change of its own that
 * {@linkplain AuditableEvent#changesAccess() changes access} commits, and every
 * {@code atrium.access.caller-refresh-interval} otherwise, so a change made on another node holds
 * here within that interval; and no cached caller is older than {@code atrium.access.caller-ttl}.
 */
@Component
public class Callers {

	private static final int MAX_CACHED = 50_000;

	private final TenantTransactions transactions;
	private final JdbcClient jdbc;
	private final Sessions sessions;
	private final Access access;
	private final Clock clock;
	private final Duration ttl;
	private final Cache<UUID, Cached> cache = Caffeine.newBuilder().maximumSize(MAX_CACHED).build();
	private volatile long version = -1;

	Callers(TenantTransactions transactions, JdbcClient jdbc, Sessions sessions, Access access, Clock clock,
			@Value("${atrium.access.caller-ttl:60s}") Duration ttl) {
		this.access = access;
		this.transactions = transactions;
		this.jdbc = jdbc;
		this.sessions = sessions;
		this.clock = clock;
		this.ttl = ttl;
	}

	/** The caller the token speaks for; 401 when its session has ended. */
	public Caller resolve(Authentication authentication) {
		if (version < 0) {
			refresh();
		}
		var seen = version;
		var now = clock.instant();
		var cached = cache.getIfPresent(authentication.sessionId());
		if (cached != null && cached.version() == seen && cached.readAt().plus(ttl).isAfter(now)
				&& cached.caller().userId().equals(authentication.userId()) && cached.caller().mfa() == authentication.mfa()) {
			return cached.caller();
		}
		// stamped with the version seen before reading, so a read that raced a change is read again
		var caller = read(authentication);
		cache.put(authentication.sessionId(), new Cached(seen, now, caller));
		return caller;
	}

	/** Picks up changes made on any node. */
	@Scheduled(fixedDelayString = "${atrium.access.caller-refresh-interval:500ms}")
	void refresh() {
		var current = transactions.read(Scope.anonymous(),
				() -> jdbc.sql("select version from access_version where id = 1").query(Long.class).single());
		if (current != version) {
			version = current;
			cache.invalidateAll();
		}
	}

	/** A change made here is seen here at once; other nodes see it at their next poll. */
	@EventListener
	void on(AuditableEvent event) {
		if (event.changesAccess()) {
			TenantTransactions.afterCommit(this::refresh);
		}
	}

	private Caller read(Authentication authentication) {
		var userId = authentication.userId();
		return transactions.read(Scope.user(userId), () -> {
			if (!sessions.isActive(authentication.sessionId(), userId)) {
				throw ApiException.unauthorized("session-ended", "Your session has ended. Sign in again.");
			}
			var superAdmin = access.isSuperAdmin(userId);
			var sites = new HashMap<UUID, HashMap<UUID, SiteRole>>();
			jdbc.sql("select organisation_id, site_id, role from site_members where user_id = ?").param(userId)
				.query(rs -> {
					sites.computeIfAbsent(rs.getObject("organisation_id", UUID.class), k -> new HashMap<>())
						.put(rs.getObject("site_id", UUID.class), SiteRole.valueOf(rs.getString("role")));
				});
			var memberships = new HashMap<UUID, Caller.Membership>();
			jdbc.sql("""
					select m.organisation_id, m.role, coalesce(p.admin_mfa_required, false) as admin_mfa_required
					from organisation_members m
					join organisations o on o.id = m.organisation_id and o.status = 'ACTIVE'
					left join organisation_policies p on p.organisation_id = m.organisation_id
					where m.user_id = ? and m.status = 'ACTIVE'
					""").param(userId).query(rs -> {
				var organisationId = rs.getObject("organisation_id", UUID.class);
				memberships.put(organisationId, new Caller.Membership(organisationId,
						OrganisationRole.valueOf(rs.getString("role")), rs.getBoolean("admin_mfa_required"),
						sites.getOrDefault(organisationId, new HashMap<>())));
			});
			return new Caller(userId, authentication.sessionId(), authentication.mfa(), superAdmin, memberships);
		});
	}

	private record Cached(long version, Instant readAt, Caller caller) {
	}
}
