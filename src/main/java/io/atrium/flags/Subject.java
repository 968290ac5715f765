package io.atrium.flags;

import java.util.UUID;

/**
 * Who a flag is evaluated for. The organisation's attributes come from Atrium, never from the
 * client; any of them may be null (no organisation context, an organisation without industry).
 *
 * @param targetingKey the sticky id of the person (an Atrium user id, or an API key client's own key)
 * @param role the person's organisation role (OWNER, ADMIN, MEMBER)
 * @param plan the organisation's plan tier
 */
record Subject(String targetingKey, UUID organisationId, String industry, String sicCode, String role, String plan) {

	String attribute(FeatureFlag.Attribute attribute) {
		return switch (attribute) {
			case ORGANISATION -> organisationId == null ? null : organisationId.toString();
			case INDUSTRY -> industry;
			case SIC_CODE -> sicCode;
			case ROLE -> role;
			case PLAN -> plan;
		};
	}
}
