package io.atrium.flags;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.atrium.test.Api;
import io.atrium.test.Fixtures;

/** Defines flags through the admin API for tests; every key is unique. */
final class TestFlags {

	static final String ADMIN_API = "/api/v1/admin/feature-flags";

	private TestFlags() {
	}

	/** A new flag (BOOLEAN unless the definition says otherwise); returns its key. */
	static String define(Api admin, String prefix, Map<String, Object> definition) {
		var key = Fixtures.unique(prefix);
		var body = new HashMap<String, Object>(definition);
		body.put("key", key);
		body.putIfAbsent("kind", "BOOLEAN");
		var created = admin.post(ADMIN_API, body);
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		return key;
	}

	/** A rule giving {@code variant} when the attribute is {@code value}. */
	static Map<String, Object> rule(String attribute, String value, String variant) {
		return Map.of("conditions", List.of(Map.of("attribute", attribute, "operator", "IN", "values", List.of(value))),
				"variant", variant);
	}
}
