package io.atrium.interactions;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

import io.atrium.access.OrganisationRole;
import io.atrium.access.SiteRole;
import io.atrium.test.AtriumTest;
import io.atrium.test.Fixtures;

/** The total is exact up to the count bound, then an estimate marked as such (bound lowered to 3 here). */
@AtriumTest
@TestPropertySource(properties = "atrium.interactions.count-bound=3")
class FinderCountTest {

	@LocalServerPort
	int port;

	@Autowired
	Fixtures.Factory factory;

	@Test
	void countsExactlyUpToTheBoundThenEstimates() {
		var fixtures = factory.at(port);
		UUID organisation = fixtures.organisation("Counting");
		UUID site = fixtures.site(organisation, "Leeds");
		var editor = fixtures.signIn(fixtures.member(organisation, OrganisationRole.MEMBER, Map.of(site, SiteRole.EDITOR)));
		var path = "/api/v1/sites/" + site + "/interactions";
		for (int i = 0; i < 3; i++) {
			assertThat(editor.post(path, InteractionsApiTest.meeting("Meeting " + i)).status()).isEqualTo(201);
		}
		var exact = editor.get(path).json();
		assertThat(exact.get("total").asLong()).isEqualTo(3);
		assertThat(exact.get("totalExact").asBoolean()).isTrue();

		assertThat(editor.post(path, InteractionsApiTest.meeting("Meeting 3")).status()).isEqualTo(201);
		var estimated = editor.get(path).json();
		assertThat(estimated.get("totalExact").asBoolean()).isFalse();
		assertThat(estimated.get("total").asLong()).isGreaterThanOrEqualTo(4);
		assertThat(estimated.get("items")).hasSize(4);
	}
}
