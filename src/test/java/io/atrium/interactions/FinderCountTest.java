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

/**
 * Bounded work for large results, with the bounds lowered to 3 here: the total is exact up to the
 * count bound, then an estimate marked as such; relevance ranks the most recent matches, older
 * ones follow by date, and paging still neither skips nor repeats.
 */
@AtriumTest
@TestPropertySource(properties = { "atrium.interactions.count-bound=3", "atrium.interactions.rank-window=3" })
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

	@Test
	void ranksTheMostRecentMatchesThenListsOlderOnesByDate() {
		var fixtures = factory.at(port);
		UUID organisation = fixtures.organisation("Ranking");
		UUID site = fixtures.site(organisation, "Leeds");
		var editor = fixtures.signIn(fixtures.member(organisation, OrganisationRole.MEMBER, Map.of(site, SiteRole.EDITOR)));
		var path = "/api/v1/sites/" + site + "/interactions";
		var titles = new String[] { "Harbour walk", "Quay", "Harbour inspection", "Dock", "Pier" };
		for (int day = 1; day <= 5; day++) {
			var body = InteractionsApiTest.meeting(titles[day - 1]);
			body.put("start", "2026-05-0" + day + "T10:00:00");
			body.put("end", null);
			body.put("description", "About the harbour");
			assertThat(editor.post(path, body).status()).isEqualTo(201);
		}
		var first = editor.get(path + "?q=harbour&size=2").json();
		assertThat(first.get("totalExact").asBoolean()).isFalse();
		assertThat(first.get("total").asLong()).isGreaterThanOrEqualTo(4);
		var walked = new java.util.ArrayList<String>();
		String cursor = null;
		do {
			var page = editor.get(path + "?q=harbour&size=2" + (cursor == null ? "" : "&cursor=" + cursor)).json();
			page.get("items").forEach(item -> walked.add(item.get("title").asString()));
			cursor = page.get("nextCursor").isNull() ? null : page.get("nextCursor").asString();
		}
		while (cursor != null);
		// the three most recent (3, 4, 5 May) ranked, the title match first; then 2 and 1 May by date
		assertThat(walked).containsExactly("Harbour inspection", "Pier", "Dock", "Quay", "Harbour walk");
	}
}
