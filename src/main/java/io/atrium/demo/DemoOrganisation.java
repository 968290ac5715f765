package io.atrium.demo;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import io.atrium.access.Memberships;
import io.atrium.access.OrganisationRole;
import io.atrium.access.SiteRole;
import io.atrium.database.Scope;
import io.atrium.database.TenantTransactions;
import io.atrium.identity.UserAccounts;
import io.atrium.tenancy.Industry;
import io.atrium.tenancy.Organisation;
import io.atrium.tenancy.Organisations;
import io.atrium.tenancy.Site;
import io.atrium.tenancy.Sites;

/**
 * Seeds "Demo Organisation" with three sites and one user per role when demo mode is on, and
 * prints how to sign in. Runs after the super admin exists ({@code PlatformBootstrap} is order 0).
 * Whatever is already there is left as it is, so restarts change nothing; an advisory lock keeps
 * two nodes starting together from seeding twice.
 */
@Component
@Order(1)
class DemoOrganisation implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoOrganisation.class);

	static final String NAME = "Demo Organisation";
	static final String SLUG = "demo";
	/** Retail, other than mainly food: a shop chain with sites in three countries. */
	static final String SIC_CODE = "47190";
	private static final long LOCK = 7303;

	static final List<DemoSite> SITES = List.of(
			new DemoSite("London", "Europe/London", "Flagship store on Oxford Street"),
			new DemoSite("New York", "America/New_York", "Fifth Avenue store"),
			new DemoSite("Mumbai", "Asia/Kolkata", "Bandra store"));

	static final List<DemoUser> USERS = List.of(
			new DemoUser("owner@demo.atrium.local", "Olivia Owner", OrganisationRole.OWNER, Map.of()),
			new DemoUser("admin@demo.atrium.local", "Arjun Admin", OrganisationRole.ADMIN, Map.of()),
			new DemoUser("site-admin@demo.atrium.local", "Sam Site Administrator", OrganisationRole.MEMBER,
					Map.of("London", SiteRole.ADMINISTRATOR)),
			new DemoUser("editor@demo.atrium.local", "Erin Editor", OrganisationRole.MEMBER,
					orderedMap("London", SiteRole.EDITOR, "New York", SiteRole.EDITOR)),
			new DemoUser("viewer@demo.atrium.local", "Victor Viewer", OrganisationRole.MEMBER,
					orderedMap("New York", SiteRole.VIEWER, "Mumbai", SiteRole.VIEWER)));

	private final TenantTransactions transactions;
	private final JdbcClient jdbc;
	private final Organisations organisations;
	private final Sites sites;
	private final UserAccounts accounts;
	private final Memberships memberships;
	private final DemoProperties properties;

	DemoOrganisation(TenantTransactions transactions, JdbcClient jdbc, Organisations organisations, Sites sites,
			UserAccounts accounts, Memberships memberships, DemoProperties properties) {
		this.transactions = transactions;
		this.jdbc = jdbc;
		this.organisations = organisations;
		this.sites = sites;
		this.accounts = accounts;
		this.memberships = memberships;
		this.properties = properties;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (!properties.enabled()) {
			return;
		}
		var seeded = seed();
		if (!seeded.created().isEmpty()) {
			log.info("Seeded the demo organisation: created {}", String.join(", ", seeded.created()));
		}
		// printed on purpose, like the super admin's first password: demo mode is for trying Atrium out
		System.out.println(signIns(seeded));
	}

	/** Creates whatever part of the demo organisation is missing, in one transaction. */
	Seeded seed() {
		// platform scope with no user: the seeding is the system's doing, not a person's
		return transactions.write(Scope.platform(null), () -> {
			jdbc.sql("select pg_advisory_xact_lock(?)").param(LOCK).query((rs, n) -> 1).single();
			var created = new ArrayList<String>();
			var organisation = organisations.findBySlug(Scope.platform(null), SLUG).orElseGet(() -> {
				created.add("organisation");
				return organisations.create(Scope.platform(null),
						new Organisations.Details(NAME, SLUG, Industry.RETAIL, SIC_CODE));
			});
			var scope = Scope.system(organisation.id());
			var siteIds = new LinkedHashMap<String, UUID>();
			for (var demoSite : SITES) {
				var site = sites.findByName(scope, demoSite.name()).orElseGet(() -> {
					created.add("site " + demoSite.name());
					return sites.create(scope, new Sites.Details(demoSite.name(), demoSite.description(),
							demoSite.timezone(), true));
				});
				siteIds.put(demoSite.name(), site.id());
			}
			for (var user : USERS) {
				var account = accounts.findByEmail(user.email()).orElseGet(() -> {
					created.add("user " + user.email());
					return accounts.create(user.email(), user.displayName(), properties.password(), false,
							"atrium.demo.password");
				});
				if (memberships.get(scope, organisation.id(), account.id()).isEmpty()) {
					created.add("membership " + user.email());
					var siteRoles = user.sites().entrySet().stream()
						.collect(Collectors.toMap(entry -> siteIds.get(entry.getKey()), Map.Entry::getValue));
					memberships.add(scope, organisation.id(), account.id(), user.role(), siteRoles);
				}
			}
			return new Seeded(organisation, List.copyOf(created));
		});
	}

	String signIns(Seeded seeded) {
		var users = USERS.stream().map(user -> "   %-30s %s".formatted(user.email(), user.describeRoles()))
			.collect(Collectors.joining("\n"));
		var sitesLine = SITES.stream().map(site -> site.name() + " (" + site.timezone() + ")")
			.collect(Collectors.joining(", "));
		return """

				==============================================================
				 Atrium demo organisation ready (%s)
				   %s (slug %s)
				   sites: %s
				 Sign in as any of these with the password: %s
				%s
				 ATRIUM_DEMO_PASSWORD sets the password demo users are created with.
				==============================================================
				""".formatted(seeded.created().isEmpty() ? "already there" : "just created", seeded.organisation().name(),
				seeded.organisation().slug(), sitesLine, properties.password(), users);
	}

	/** What the seeding found: the organisation and what it had to create (nothing on a restart). */
	record Seeded(Organisation organisation, List<String> created) {
	}

	record DemoSite(String name, String timezone, String description) {
	}

	/** A demo user and their roles; site roles by site name. */
	record DemoUser(String email, String displayName, OrganisationRole role, Map<String, SiteRole> sites) {

		String describeRoles() {
			if (sites.isEmpty()) {
				return role.name().toLowerCase();
			}
			return sites.entrySet().stream().collect(Collectors.groupingBy(entry -> entry.getValue().name().toLowerCase(),
					LinkedHashMap::new, Collectors.mapping(Map.Entry::getKey, Collectors.joining(", "))))
				.entrySet().stream().map(entry -> entry.getKey() + " at " + entry.getValue())
				.collect(Collectors.joining("; "));
		}
	}

	private static <K, V> Map<K, V> orderedMap(K k1, V v1, K k2, V v2) {
		var map = new LinkedHashMap<K, V>();
		map.put(k1, v1);
		map.put(k2, v2);
		return java.util.Collections.unmodifiableMap(map);
	}
}
