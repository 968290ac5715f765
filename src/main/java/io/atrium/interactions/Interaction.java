package io.atrium.interactions;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * One recorded interaction. Times are instants plus the zone they were entered in, so the local
 * date-time people typed is given back exactly, across daylight-saving changes too.
 */
record Interaction(UUID id, UUID organisationId, UUID siteId, String title, String type, String lead, Instant start,
		Instant end, String timezone, String location, String description, String notes, Instant createdAt,
		UUID createdBy, Instant updatedAt, UUID updatedBy, int version, Instant deletedAt) {

	/** Local date-time with the zone's offset at that moment, e.g. {@code 2026-10-25T01:30:00+01:00}. */
	static String local(Instant instant, String zone) {
		return instant == null ? null : IsoText.local(instant, zone);
	}

	/** The moment in UTC, e.g. {@code 2026-10-25T00:30:00Z}. */
	static String utc(Instant instant) {
		return instant == null ? null : IsoText.utc(instant);
	}

	/** The fields the audit trail compares, as the API shows them. */
	Map<String, Object> audited() {
		var fields = new LinkedHashMap<String, Object>();
		fields.put("title", title);
		fields.put("type", type);
		fields.put("lead", lead);
		fields.put("start", local(start, timezone));
		fields.put("end", local(end, timezone));
		fields.put("timezone", timezone);
		fields.put("location", location);
		fields.put("description", description);
		fields.put("notes", notes);
		return fields;
	}

	static final String COLUMNS = "i.id, i.organisation_id, i.site_id, i.title, i.type, i.lead, i.start_at, i.end_at, i.timezone, "
			+ "i.location, i.description, i.notes, i.created_at, i.created_by, i.updated_at, i.updated_by, i.version, i.deleted_at";

	static Interaction map(ResultSet rs, int row) throws SQLException {
		return new Interaction(rs.getObject("id", UUID.class), rs.getObject("organisation_id", UUID.class),
				rs.getObject("site_id", UUID.class), rs.getString("title"), rs.getString("type"), rs.getString("lead"),
				instant(rs, "start_at"), instant(rs, "end_at"), rs.getString("timezone"), rs.getString("location"),
				rs.getString("description"), rs.getString("notes"), instant(rs, "created_at"),
				rs.getObject("created_by", UUID.class), instant(rs, "updated_at"), rs.getObject("updated_by", UUID.class),
				rs.getInt("version"), instant(rs, "deleted_at"));
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		var value = rs.getObject(column, OffsetDateTime.class);
		return value == null ? null : value.toInstant();
	}
}
