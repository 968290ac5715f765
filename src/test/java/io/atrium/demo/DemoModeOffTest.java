package io.atrium.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.atrium.identity.UserAccounts;
import io.atrium.test.AtriumTest;
import io.atrium.test.Fixtures;

/** Demo mode off (the default): starting, and running the demo runner again, create nothing. */
@AtriumTest
class DemoModeOffTest {

	@LocalServerPort
	int port;

	@Autowired
	Fixtures.Factory factory;

	@Autowired
	DemoOrganisation demo;

	@Autowired
	UserAccounts accounts;

	@Test
	void withoutDemoModeNoDemoOrganisationOrUserIsCreated() throws Exception {
		demo.run(null);
		var fixtures = factory.at(port);
		var organisations = fixtures.superAdmin().get("/api/v1/organisations?q=demo&size=200").json().get("items");
		organisations.forEach(organisation -> assertThat(organisation.get("slug").asString()).isNotEqualTo("demo"));
		for (var user : DemoOrganisation.USERS) {
			assertThat(accounts.findByEmail(user.email())).as(user.email()).isEmpty();
		}
		var signIn = fixtures.anonymous().post("/api/v1/auth/login",
				Map.of("email", "owner@demo.atrium.local", "password", DemoProperties.DEFAULT_PASSWORD));
		assertThat(signIn.status()).isEqualTo(401);
	}
}
