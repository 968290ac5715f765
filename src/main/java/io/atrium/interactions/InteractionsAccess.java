package io.atrium.interactions;

import java.util.UUID;

import org.springframework.stereotype.Component;

import io.atrium.access.Access;
import io.atrium.access.Caller;
import io.atrium.access.Permission;
import io.atrium.database.Scope;
import io.atrium.entitlements.Entitlements;
import io.atrium.entitlements.Module;

/**
 * Every Interactions endpoint's check: the access decision first (so outsiders still get 404),
 * then the organisation's entitlement to the Interactions application (403 {@code module-disabled}
 * when a super admin has switched it off).
 */
@Component
class InteractionsAccess {

	private final Access access;
	private final Entitlements entitlements;

	InteractionsAccess(Access access, Entitlements entitlements) {
		this.access = access;
		this.entitlements = entitlements;
	}

	Access.SiteScope site(Caller caller, UUID siteId, Permission permission) {
		var site = access.site(caller, siteId, permission);
		entitlements.require(site.organisationId(), Module.INTERACTIONS);
		return site;
	}

	Scope sitesWith(Caller caller, UUID organisationId, Permission permission) {
		var scope = access.sitesWith(caller, organisationId, permission);
		entitlements.require(organisationId, Module.INTERACTIONS);
		return scope;
	}

	Scope organisation(Caller caller, UUID organisationId, Permission permission) {
		var scope = access.organisation(caller, organisationId, permission);
		entitlements.require(organisationId, Module.INTERACTIONS);
		return scope;
	}
}
