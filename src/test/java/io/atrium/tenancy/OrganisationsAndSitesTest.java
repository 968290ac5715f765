package io.atrium.tenancy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.atrium.test.Api;
import io.atrium.test.AtriumTest;

@AtriumTest
class OrganisationsAndSitesTest {

	@LocalServerPort
	int port;

	@Test
	void superAdminCreatesAnOrganisationWithSites() {
		var api = new Api(port);
		var login = api.post("/api/v1/auth/login", Map.of("email", "admin@atrium.test", "password", "correct horse battery staple admin"));
		assertThat(login.status()).as(login.toString()).isEqualTo(200);
		var admin = api.as(login.json().get("accessToken").asString());

		var created = admin.post("/api/v1/organisations", Map.of("name", "Northwind", "slug", "northwind", "industry", "RETAIL"));
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		var orgId = created.json().get("id").asString();

		var site = admin.post("/api/v1/organisations/" + orgId + "/sites", Map.of("name", "Leeds", "timezone", "Europe/London"));
		assertThat(site.status()).as(site.toString()).isEqualTo(201);
		assertThat(site.json().get("organisationId").asString()).isEqualTo(orgId);

		var list = admin.get("/api/v1/organisations/" + orgId + "/sites");
		assertThat(list.json().get("items")).hasSize(1);
		assertThat(list.json().get("items").get(0).get("name").asString()).isEqualTo("Leeds");
	}
}
