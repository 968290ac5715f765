package io.atrium.interactions;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.atrium.access.OrganisationRole;
import io.atrium.access.SiteRole;
import io.atrium.test.Api;
import io.atrium.test.AtriumTest;
import io.atrium.test.Fixtures;

/** Each organisation's interaction types: seeded, then managed by its admins. */
@AtriumTest
class InteractionTypesTest {

	@LocalServerPort
	int port;

	@Autowired
	Fixtures.Factory factory;

	UUID organisation;
	Api admin;
	Api editor;
	String types;
	String interactions;

	@BeforeEach
	void setUp() {
		var fixtures = factory.at(port);
		organisation = fixtures.organisation("Types");
		var site = fixtures.site(organisation, "Leeds");
		admin = fixtures.signIn(fixtures.member(organisation, OrganisationRole.ADMIN, Map.of()));
		editor = fixtures.signIn(fixtures.member(organisation, OrganisationRole.MEMBER, Map.of(site, SiteRole.EDITOR)));
		types = "/api/v1/organisations/" + organisation + "/interaction-types";
		interactions = "/api/v1/sites/" + site + "/interactions";
	}

	String typeId(String name) {
		return admin.get(types).json().valueStream().filter(t -> t.get("name").asString().equals(name)).findFirst()
			.orElseThrow().get("id").asString();
	}

	@Test
	void aNewOrganisationStartsWithTheSixDefaultTypes() {
		assertThat(editor.get(types).json()).extracting(t -> t.get("name").asString())
			.containsExactly("Call", "Email", "Event", "Meeting", "Other", "Visit");
	}

	@Test
	void addedTypesCanBeUsedAndNamesAreUniqueWhateverTheirCase() {
		assertThat(admin.post(types, Map.of("name", "Workshop")).status()).isEqualTo(201);
		assertThat(admin.post(types, Map.of("name", "workshop")).status()).isEqualTo(400);
		var body = InteractionsApiTest.meeting("Hands on");
		body.put("type", "workshop");
		var created = editor.post(interactions, body);
		assertThat(created.status()).isEqualTo(201);
		assertThat(created.json().get("type").asString()).isEqualTo("Workshop");
	}

	@Test
	void renamingATypeRenamesItOnEveryInteraction() {
		var id = editor.post(interactions, InteractionsApiTest.meeting("Weekly")).json().get("id").asString();
		var renamed = admin.put(types + "/" + typeId("Meeting"), Map.of("name", "Gathering"));
		assertThat(renamed.status()).isEqualTo(200);
		assertThat(editor.get(interactions + "/" + id).json().get("type").asString()).isEqualTo("Gathering");
		assertThat(editor.get(interactions + "?type=gathering").json().get("total").asLong()).isEqualTo(1);
		assertThat(editor.get(interactions + "?q=gathering").json().get("total").asLong()).isEqualTo(1);
		assertThat(editor.post(interactions, InteractionsApiTest.meeting("Old name")).status()).isEqualTo(400);
	}

	@Test
	void aTypeInUseCannotBeRemovedButAnUnusedOneCan() {
		editor.post(interactions, InteractionsApiTest.meeting("Weekly"));
		var inUse = admin.delete(types + "/" + typeId("Meeting"));
		assertThat(inUse.status()).isEqualTo(409);
		assertThat(inUse.json().get("type").asString()).endsWith("/type-in-use");
		assertThat(admin.delete(types + "/" + typeId("Event")).status()).isEqualTo(204);
		assertThat(admin.get(types).json()).extracting(t -> t.get("name").asString()).doesNotContain("Event");
	}

	@Test
	void theLastTypeIsKept() {
		for (var name : new String[] { "Call", "Email", "Event", "Meeting", "Other" }) {
			assertThat(admin.delete(types + "/" + typeId(name)).status()).isEqualTo(204);
		}
		assertThat(admin.delete(types + "/" + typeId("Visit")).status()).isEqualTo(409);
	}
}
