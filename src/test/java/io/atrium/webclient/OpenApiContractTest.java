package io.atrium.webclient;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.atrium.test.AtriumTest;
import io.atrium.test.Fixtures;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The web client's API types are generated from {@code web/openapi.json}. This test keeps that
 * file equal to the document the server publishes, so a changed field reaches the TypeScript
 * build (and breaks it where the client uses the field) instead of failing in a browser.
 * Run with {@code -Datrium.openapi.update=true} to rewrite the file after an intended change.
 */
@AtriumTest
class OpenApiContractTest {

	static final Path CHECKED_IN = Path.of("web", "openapi.json");

	static final JsonMapper CANONICAL = JsonMapper.builder()
		.enable(SerializationFeature.INDENT_OUTPUT)
		.enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
		.build();

	@LocalServerPort
	int port;

	@Autowired
	Fixtures.Factory factory;

	@Test
	void theWebClientIsTypedFromTheDocumentTheServerPublishes() throws Exception {
		var published = factory.at(port).anonymous().get("/api/v1/openapi.json");
		assertThat(published.status()).isEqualTo(200);
		var document = CANONICAL.readValue(published.body(), new TypeReference<Map<String, Object>>() {
		});
		var canonical = CANONICAL.writeValueAsString(document) + "\n";

		Files.writeString(Path.of("target", "openapi.json"), canonical);
		if (Boolean.getBoolean("atrium.openapi.update")) {
			Files.writeString(CHECKED_IN, canonical);
		}
		assertThat(Files.readString(CHECKED_IN))
			.as("web/openapi.json is out of date with the server's API (now in target/openapi.json). If the change is intended, run "
					+ "'./mvnw test -Dtest=OpenApiContractTest -Datrium.openapi.update=true -Dweb.skip' and commit the file; "
					+ "the web build then regenerates its types from it")
			.isEqualTo(canonical);
	}
}
