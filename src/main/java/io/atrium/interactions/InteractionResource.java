package io.atrium.interactions;

import java.util.UUID;

/**
 * An interaction as the API shows it. {@code start}/{@code end} are the local date-times in
 * {@code timezone} with that zone's offset at the time; {@code startUtc}/{@code endUtc} the same
 * moments in UTC. Sending {@code start} back as it came reproduces the moment exactly.
 */
record InteractionResource(UUID id, UUID organisationId, UUID siteId, String title, String type, String lead, String start,
		String startUtc, String end, String endUtc, String timezone, String location, String description, String notes,
		String createdAt, UUID createdBy, String updatedAt, UUID updatedBy, int version, String deletedAt) {

	static InteractionResource of(Interaction i) {
		return new InteractionResource(i.id(), i.organisationId(), i.siteId(), i.title(), i.type(), i.lead(),
				Interaction.local(i.start(), i.timezone()), Interaction.utc(i.start()), Interaction.local(i.end(), i.timezone()),
				Interaction.utc(i.end()), i.timezone(), i.location(), i.description(), i.notes(), Interaction.utc(i.createdAt()),
				i.createdBy(), Interaction.utc(i.updatedAt()), i.updatedBy(), i.version(), Interaction.utc(i.deletedAt()));
	}
}
