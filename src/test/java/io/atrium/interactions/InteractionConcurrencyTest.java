package io.atrium.interactions;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.atrium.access.OrganisationRole;
import io.atrium.access.SiteRole;
import io.atrium.test.Api;
import io.atrium.test.AtriumTest;
import io.atrium.test.Fixtures;

/** Two editors replacing the same interaction from the same version: one wins, the other gets 412, nothing is lost. */
@AtriumTest
class InteractionConcurrencyTest {

	@LocalServerPort
	int port;

	@Autowired
	Fixtures.Factory factory;

	@Test
	void twoEditorsChangingTheSameVersionOneWinsTheOtherGets412() throws Exception {
		var fixtures = factory.at(port);
		UUID organisation = fixtures.organisation("Concurrency");
		UUID site = fixtures.site(organisation, "Leeds");
		var path = "/api/v1/sites/" + site + "/interactions";
		var alice = fixtures.signIn(fixtures.member(organisation, OrganisationRole.MEMBER, Map.of(site, SiteRole.EDITOR)));
		var bob = fixtures.signIn(fixtures.member(organisation, OrganisationRole.MEMBER, Map.of(site, SiteRole.EDITOR)));

		for (int round = 0; round < 5; round++) {
			var id = alice.post(path, InteractionsApiTest.meeting("Round " + round)).json().get("id").asString();
			var start = new CountDownLatch(1);
			var aliceChange = InteractionsApiTest.meeting("Alice's title");
			aliceChange.put("notes", "Alice's notes");
			var bobChange = InteractionsApiTest.meeting("Bob's title");
			bobChange.put("location", "Bob's room");
			var attempts = new ArrayList<CompletableFuture<Api.Response>>();
			for (var attempt : Map.of(alice, aliceChange, bob, bobChange).entrySet()) {
				attempts.add(CompletableFuture.supplyAsync(() -> {
					try {
						start.await();
					}
					catch (InterruptedException e) {
						Thread.currentThread().interrupt();
					}
					return attempt.getKey().withHeader("If-Match", "\"0\"").put(path + "/" + id, attempt.getValue());
				}));
			}
			start.countDown();
			var responses = attempts.stream().map(CompletableFuture::join).toList();
			assertThat(responses).extracting(Api.Response::status).containsExactlyInAnyOrder(200, 412);
			var winner = responses.stream().filter(r -> r.status() == 200).findFirst().orElseThrow().json();

			var stored = alice.get(path + "/" + id).json();
			assertThat(stored.get("version").asInt()).isEqualTo(1);
			// the winner's change is kept whole; nothing of the loser's is mixed in
			assertThat(stored.get("title").asString()).isEqualTo(winner.get("title").asString());
			assertThat(stored.get("notes").asString()).isEqualTo(winner.get("notes").asString());
			assertThat(stored.get("location").asString()).isEqualTo(winner.get("location").asString());
		}
	}
}
