package io.atrium.tenancy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.atrium.access.OrganisationRole;
import io.atrium.access.SiteRole;
import io.atrium.test.AtriumTest;
import io.atrium.test.Fixtures;

@AtriumTest
class OrganisationsAndSitesTest {

	@LocalServerPort
	int port;

	@Autowired
	Fixtures.Factory factory;

	Fixtures fixtures;

	@BeforeEach
	void setUp() {
		fixtures = factory.at(port);
	}

	@Test
	void superAdminCreatesAnOrganisationWithSites() {
		var admin = fixtures.superAdmin();
		var created = admin.post("/api/v1/organisations", Map.of("name", "Northwind", "slug", Fixtures.unique("northwind"), "industry", "RETAIL"));
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		assertThat(created.header("ETag")).isEqualTo("\"0\"");
		var orgId = created.json().get("id").asString();

		var site = admin.post("/api/v1/organisations/" + orgId + "/sites", Map.of("name", "Leeds", "timezone", "Europe/London"));
		assertThat(site.status()).as(site.toString()).isEqualTo(201);
		assertThat(site.json().get("organisationId").asString()).isEqualTo(orgId);

		var list = admin.get("/api/v1/organisations/" + orgId + "/sites");
		assertThat(list.json().get("items")).hasSize(1);
		assertThat(list.json().get("items").get(0).get("name").asString()).isEqualTo("Leeds");
		assertThat(list.json().get("totalItems").asLong()).isEqualTo(1);
	}

	@Test
	void aSiteViewerSeesOnlyTheirSitesAndNothingOfAnotherOrganisation() {
		var organisation = fixtures.organisation("Acme");
		var leeds = fixtures.site(organisation, "Leeds");
		var york = fixtures.site(organisation, "York");
		var viewer = fixtures.member(organisation, OrganisationRole.MEMBER, Map.of(leeds, SiteRole.VIEWER));
		var other = fixtures.organisation("Globex");
		var otherSite = fixtures.site(other, "Paris");

		var api = fixtures.signIn(viewer);
		var sites = api.get("/api/v1/organisations/" + organisation + "/sites");
		assertThat(sites.status()).isEqualTo(200);
		assertThat(sites.json().get("items")).extracting(n -> n.get("id").asString()).containsExactly(leeds.toString());
		assertThat(api.get("/api/v1/organisations/" + organisation + "/sites/" + york).status()).isEqualTo(404);
		assertThat(api.get("/api/v1/organisations/" + other + "/sites/" + otherSite).status()).isEqualTo(404);
		assertThat(api.get("/api/v1/organisations/" + other).status()).isEqualTo(404);
	}
}
