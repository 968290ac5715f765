package io.atrium.interactions;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.atrium.access.OrganisationRole;
import io.atrium.access.SiteRole;
import io.atrium.test.AtriumTest;
import io.atrium.test.Fixtures;

@AtriumTest
class InteractionsEntitlementTest {

	@LocalServerPort
	int port;

	@Autowired
	Fixtures.Factory factory;

	@Test
	void anOrganisationWithoutTheInteractionsModuleGetsModuleDisabledWhileOutsidersStillGetNotFound() {
		var fixtures = factory.at(port);
		var organisation = fixtures.organisation("Unentitled");
		var site = fixtures.site(organisation, "Leeds");
		var editor = fixtures.signIn(fixtures.member(organisation, OrganisationRole.MEMBER, Map.of(site, SiteRole.EDITOR)));
		var outsider = fixtures.signIn(fixtures.member(fixtures.organisation("Elsewhere"), OrganisationRole.OWNER, Map.of()));
		var interactions = "/api/v1/sites/" + site + "/interactions";
		assertThat(editor.get(interactions).status()).isEqualTo(200);

		var admin = fixtures.superAdmin();
		var disabled = admin.patch("/api/v1/admin/organisations/" + organisation + "/entitlements",
				Map.of("modules", Map.of("INTERACTIONS", Map.of("enabled", false))));
		assertThat(disabled.status()).as(disabled.toString()).isEqualTo(200);

		var refused = editor.get(interactions);
		assertThat(refused.status()).isEqualTo(403);
		assertThat(refused.json().get("type").asString()).isEqualTo("https://atrium.dev/problems/module-disabled");
		assertThat(editor.post(interactions, InteractionsApiTest.meeting("Not while disabled")).status()).isEqualTo(403);
		assertThat(outsider.get(interactions).status()).isEqualTo(404);

		admin.patch("/api/v1/admin/organisations/" + organisation + "/entitlements",
				Map.of("modules", Map.of("INTERACTIONS", Map.of("enabled", true))));
		assertThat(editor.get(interactions).status()).isEqualTo(200);
	}
}
