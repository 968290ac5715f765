package io.atrium.access;

import static io.atrium.access.Permission.*;

import java.util.EnumSet;
import java.util.Set;

/** A member's role in an organisation; owners and admins act on every site. */
public enum OrganisationRole {

	OWNER(EnumSet.allOf(Permission.class)),
	ADMIN(EnumSet.allOf(Permission.class)),
	MEMBER(EnumSet.of(ORGANISATION_READ));

	private final Set<Permission> permissions;

	OrganisationRole(Set<Permission> permissions) {
		this.permissions = Set.copyOf(permissions);
	}

	public Set<Permission> permissions() {
		return permissions;
	}

	public boolean administers() {
		return this != MEMBER;
	}
}
