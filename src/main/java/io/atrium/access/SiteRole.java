package io.atrium.access;

import static io.atrium.access.Permission.*;

import java.util.EnumSet;
import java.util.Set;

/** A member's role at one site. */
public enum SiteRole {

	ADMINISTRATOR(EnumSet.of(SITE_READ, INTERACTION_READ, INTERACTION_WRITE, INTERACTION_DELETE)),
	EDITOR(EnumSet.of(SITE_READ, INTERACTION_READ, INTERACTION_WRITE)),
	VIEWER(EnumSet.of(SITE_READ, INTERACTION_READ));

	private final Set<Permission> permissions;

	SiteRole(Set<Permission> permissions) {
		this.permissions = Set.copyOf(permissions);
	}

	public Set<Permission> permissions() {
		return permissions;
	}
}
