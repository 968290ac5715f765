package io.atrium.account;

import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.atrium.access.Caller;
import io.atrium.access.OrganisationRole;
import io.atrium.access.Permission;
import io.atrium.access.SiteRole;
import io.atrium.account.AccountEvents.PreferencesChanged;
import io.atrium.api.ApiException;
import io.atrium.audit.AuditableEvent.Change;
import io.atrium.database.Scope;
import io.atrium.database.TenantTransactions;
import io.atrium.identity.UserAccounts;
import io.atrium.tenancy.Industry;
import io.atrium.tenancy.Organisations;
import io.atrium.tenancy.Sites;
import io.swagger.v3.oas.annotations.media.Schema;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The signed-in user's view of themselves: who they are, the organisations they are an active
 * member of with the sites they may open there and what they may do, and their preferences.
 * Reads each organisation in the scope {@code Access} would give the user, so row-level security
 * shows exactly the sites their roles reach.
 */
@Service
class Accounts {

	private final TenantTransactions transactions;
	private final UserAccounts accounts;
	private final Organisations organisations;
	private final Sites sites;
	private final ApplicationEventPublisher events;
	private final JsonMapper json;

	Accounts(TenantTransactions transactions, UserAccounts accounts, Organisations organisations, Sites sites,
			ApplicationEventPublisher events, JsonMapper json) {
		this.transactions = transactions;
		this.accounts = accounts;
		this.organisations = organisations;
		this.sites = sites;
		this.events = events;
		this.json = json;
	}

	record Overview(Me user, boolean superAdmin, List<OrganisationView> organisations,
			@Schema(implementation = Preferences.class) JsonNode preferences) {
	}

	record Me(UUID id, String email, String displayName, boolean mfaEnabled, boolean passwordChangeRequired) {
	}

	/**
	 * @param permissions what the role allows across the organisation
	 * @param sites every site for owners and admins, otherwise the sites the user holds a role at
	 */
	record OrganisationView(UUID id, String name, String slug, Industry industry, OrganisationRole role,
			boolean adminMfaRequired, List<Permission> permissions, List<SiteView> sites) {
	}

	/**
	 * @param role the user's role at this site; null where only their organisation role reaches it
	 * @param permissions what they may do at this site: their organisation role's and site role's together
	 */
	record SiteView(UUID id, String name, String timezone, boolean active, SiteRole role, List<Permission> permissions) {
	}

	/** The settings a user may keep; anything else is refused, so stored preferences stay small and known. */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	record Preferences(UUID lastSiteId, Theme theme) {

		enum Theme {
			LIGHT, DARK, SYSTEM
		}
	}

	Overview overview(Caller caller) {
		return transactions.read(Scope.user(caller.userId()), () -> {
			var user = accounts.find(caller.userId()).orElseThrow(() -> ApiException.notFound("user"));
			var me = new Me(user.id(), user.email(), user.displayName(), user.mfaEnabled(), user.passwordChangeRequired());
			return new Overview(me, caller.superAdmin(), organisationsOf(caller), json.readTree(accounts.preferences(user.id())));
		});
	}

	/** Replaces the user's preferences. 400 when {@code lastSiteId} is not a site they can see. */
	Preferences changePreferences(Caller caller, Preferences preferences) {
		return transactions.write(Scope.user(caller.userId()), () -> {
			if (preferences.lastSiteId() != null && organisationsOf(caller).stream().flatMap(o -> o.sites().stream())
				.noneMatch(site -> site.id().equals(preferences.lastSiteId()))) {
				throw ApiException.invalid("lastSiteId", "is not a site you can open");
			}
			var before = json.readValue(accounts.preferences(caller.userId()), new TypeReference<Map<String, Object>>() {
			});
			var stored = json.writeValueAsString(preferences);
			var after = json.readValue(stored, new TypeReference<Map<String, Object>>() {
			});
			var changes = Change.between(before, after);
			if (!changes.isEmpty()) {
				accounts.savePreferences(caller.userId(), stored);
				events.publishEvent(new PreferencesChanged(caller.userId(), changes));
			}
			return preferences;
		});
	}

	/** Runs inside a transaction; each organisation is read in the scope its membership grants. */
	private List<OrganisationView> organisationsOf(Caller caller) {
		return caller.memberships().values().stream()
			.map(membership -> organisationView(caller, membership))
			.flatMap(java.util.Optional::stream)
			.sorted(Comparator.comparing(OrganisationView::name, String.CASE_INSENSITIVE_ORDER).thenComparing(OrganisationView::id))
			.toList();
	}

	private java.util.Optional<OrganisationView> organisationView(Caller caller, Caller.Membership membership) {
		var administers = membership.role().administers();
		var scope = Scope.organisation(caller.userId(), membership.organisationId(), administers,
				administers ? Set.of() : membership.sites().keySet());
		return organisations.get(scope, membership.organisationId()).map(organisation -> {
			var siteViews = sites.visible(scope).stream()
				.filter(site -> administers || membership.sites().containsKey(site.id()))
				.map(site -> new SiteView(site.id(), site.name(), site.timezone(), site.active(),
						membership.sites().get(site.id()), sorted(membership.sitePermissions(site.id()))))
				.toList();
			return new OrganisationView(organisation.id(), organisation.name(), organisation.slug(), organisation.industry(),
					membership.role(), membership.adminMfaRequired(), sorted(membership.organisationPermissions()), siteViews);
		});
	}

	private static List<Permission> sorted(Set<Permission> permissions) {
		return permissions.isEmpty() ? List.of() : List.copyOf(EnumSet.copyOf(permissions));
	}
}
