package io.atrium.flags;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.stereotype.Component;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Maps {@code feature_flags} rows (targeting kept as jsonb) to flags and back. */
@Component
class FlagRows {

	private final JsonMapper json;

	FlagRows(JsonMapper json) {
		this.json = json;
	}

	FeatureFlag map(ResultSet rs, int row) throws SQLException {
		var lastEvaluated = rs.getObject("last_evaluated_at", OffsetDateTime.class);
		return new FeatureFlag(rs.getObject("id", UUID.class), rs.getString("key"), rs.getString("description"),
				FeatureFlag.Kind.valueOf(rs.getString("kind")),
				json.readValue(rs.getString("variants"), new TypeReference<LinkedHashMap<String, Object>>() {
				}), rs.getString("default_variant"), rs.getBoolean("enabled"),
				json.readValue(rs.getString("overrides"), new TypeReference<List<FeatureFlag.OrganisationOverride>>() {
				}), json.readValue(rs.getString("rules"), new TypeReference<List<FeatureFlag.Rule>>() {
				}), json.readValue(rs.getString("prerequisites"), new TypeReference<List<FeatureFlag.Prerequisite>>() {
				}), rs.getObject("created_at", OffsetDateTime.class).toInstant(),
				rs.getObject("updated_at", OffsetDateTime.class).toInstant(),
				lastEvaluated == null ? null : lastEvaluated.toInstant(), rs.getInt("version"));
	}

	String json(Object value) {
		return json.writeValueAsString(value);
	}

	<T> T read(String text, TypeReference<T> type) {
		return json.readValue(text, type);
	}

	/** The fields the audit trail compares. */
	static Map<String, Object> audited(FeatureFlag flag) {
		var fields = new LinkedHashMap<String, Object>();
		fields.put("description", flag.description());
		fields.put("kind", flag.kind().name());
		fields.put("variants", flag.variants());
		fields.put("defaultVariant", flag.defaultVariant());
		fields.put("enabled", flag.enabled());
		fields.put("overrides", flag.overrides());
		fields.put("rules", flag.rules());
		fields.put("prerequisites", flag.prerequisites());
		return fields;
	}
}
