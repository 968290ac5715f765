package io.atrium.access;

/** What a caller may do. Derived from roles, never granted one by one. */
public enum Permission {
	ORGANISATION_READ,
	ORGANISATION_MANAGE,
	SITE_READ,
	SITE_MANAGE,
	MEMBER_READ,
	MEMBER_MANAGE,
	AUDIT_READ,
	INTERACTION_READ,
	INTERACTION_WRITE,
	INTERACTION_DELETE,
	INTERACTION_TYPE_MANAGE
}
