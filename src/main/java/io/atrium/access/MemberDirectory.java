package io.atrium.access;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import io.atrium.access.Memberships.Member;
import io.atrium.api.PageOf;
import io.atrium.api.PageQuery;
import io.atrium.identity.UserAccount;
import io.atrium.identity.UserAccounts;

/**
 * An organisation's members as people: the membership from access's own tables, the name,
 * email and sign-in state from identity's public {@link UserAccounts}. Because the user fields
 * live in another module, filtering by text and sorting by name or email happen here in
 * memory, over the organisation's members only. Callers run inside a transaction in the
 * organisation's scope.
 */
@Component
class MemberDirectory {

	/** Sortable fields; the value is the field itself, compared in {@link #order(PageQuery)}. */
	static final Map<String, String> SORTABLE = Map.of("name", "name", "email", "email", "role", "role", "status",
			"status", "createdAt", "createdAt");

	private final JdbcClient jdbc;
	private final UserAccounts accounts;
	private final Clock clock;

	MemberDirectory(JdbcClient jdbc, UserAccounts accounts, Clock clock) {
		this.jdbc = jdbc;
		this.accounts = accounts;
		this.clock = clock;
	}

	/**
	 * One member of an organisation as the API shows them.
	 *
	 * @param sites the site roles, by site; names are tenancy's and left to the client
	 * @param lockedUntil when a sign-in lockout in force ends; null when not locked out
	 * @param createdAt when they joined the organisation
	 */
	record MemberView(UUID userId, String email, String displayName, OrganisationRole role, Member.Status status,
			List<SiteRoleView> sites, boolean mfaEnabled, Instant lockedUntil, Instant createdAt) {
	}

	record SiteRoleView(UUID siteId, SiteRole role) {
	}

	/** What to list: {@code q} is a part of a name or email; null filters match everyone. */
	record Filter(String q, OrganisationRole role, Member.Status status, UUID siteId) {
	}

	PageOf<MemberView> list(UUID organisationId, PageQuery page, Filter filter) {
		var where = new StringBuilder(" where m.organisation_id = ?");
		var params = new ArrayList<Object>(List.of(organisationId));
		if (filter.role() != null) {
			where.append(" and m.role = ?");
			params.add(filter.role().name());
		}
		if (filter.status() != null) {
			where.append(" and m.status = ?");
			params.add(filter.status().name());
		}
		if (filter.siteId() != null) {
			where.append(" and exists (select 1 from site_members s where s.organisation_id = m.organisation_id"
					+ " and s.user_id = m.user_id and s.site_id = ?)");
			params.add(filter.siteId());
		}
		var members = views(organisationId, where.toString(), params);
		var needle = filter.q() == null || filter.q().isBlank() ? null : filter.q().strip().toLowerCase(Locale.ROOT);
		var matching = members.stream()
			.filter(member -> needle == null || member.displayName().toLowerCase(Locale.ROOT).contains(needle)
					|| member.email().toLowerCase(Locale.ROOT).contains(needle))
			.sorted(order(page))
			.toList();
		var from = (int) Math.min(matching.size(), (long) page.offset());
		var to = Math.min(matching.size(), from + page.size());
		return PageOf.of(matching.subList(from, to), page, matching.size());
	}

	Optional<MemberView> find(UUID organisationId, UUID userId) {
		return views(organisationId, " where m.organisation_id = ? and m.user_id = ?", List.of(organisationId, userId))
			.stream().findFirst();
	}

	private List<MemberView> views(UUID organisationId, String where, List<Object> params) {
		var rows = jdbc.sql("select m.user_id, m.role, m.status, m.created_at from organisation_members m" + where)
			.params(params)
			.query((rs, n) -> new Row(rs.getObject("user_id", UUID.class), OrganisationRole.valueOf(rs.getString("role")),
					Member.Status.valueOf(rs.getString("status")),
					rs.getObject("created_at", OffsetDateTime.class).toInstant()))
			.list();
		if (rows.isEmpty()) {
			return List.of();
		}
		var sites = new HashMap<UUID, TreeMap<UUID, SiteRole>>();
		jdbc.sql("select user_id, site_id, role from site_members where organisation_id = ? and user_id = any(?)")
			.params(organisationId, rows.stream().map(Row::userId).toArray(UUID[]::new))
			.query(rs -> {
				sites.computeIfAbsent(rs.getObject("user_id", UUID.class), k -> new TreeMap<>())
					.put(rs.getObject("site_id", UUID.class), SiteRole.valueOf(rs.getString("role")));
			});
		var users = accounts.findAll(rows.stream().map(Row::userId).toList());
		var now = clock.instant();
		return rows.stream().filter(row -> users.containsKey(row.userId()))
			.map(row -> view(row, users.get(row.userId()), sites.getOrDefault(row.userId(), new TreeMap<>()), now))
			.toList();
	}

	private static MemberView view(Row row, UserAccount user, Map<UUID, SiteRole> sites, Instant now) {
		var locked = user.lockedUntil() != null && user.lockedUntil().isAfter(now) ? user.lockedUntil() : null;
		return new MemberView(row.userId(), user.email(), user.displayName(), row.role(), row.status(),
				sites.entrySet().stream().map(e -> new SiteRoleView(e.getKey(), e.getValue())).toList(),
				user.mfaEnabled(), locked, row.createdAt());
	}

	/** Roles sort by rank (owners first), statuses active first; the user id breaks ties. */
	private static Comparator<MemberView> order(PageQuery page) {
		Comparator<MemberView> field = switch (page.sortColumn()) {
			case "email" -> Comparator.comparing(MemberView::email, String.CASE_INSENSITIVE_ORDER);
			case "role" -> Comparator.comparing(MemberView::role);
			case "status" -> Comparator.comparing(MemberView::status);
			case "createdAt" -> Comparator.comparing(MemberView::createdAt);
			default -> Comparator.comparing(MemberView::displayName, String.CASE_INSENSITIVE_ORDER);
		};
		var tieBroken = field.thenComparing(MemberView::userId);
		return page.ascending() ? tieBroken : tieBroken.reversed();
	}

	private record Row(UUID userId, OrganisationRole role, Member.Status status, Instant createdAt) {
	}
}
