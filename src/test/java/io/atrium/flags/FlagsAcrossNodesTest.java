package io.atrium.flags;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

import io.atrium.test.Api;
import io.atrium.test.Fixtures;
import io.atrium.test.Nodes;

/**
 * Two nodes on one database: flags are evaluated from each node's cache, and a change made on one
 * node reaches the other when that node next checks the flag version. The scheduled check is set
 * an hour apart here, so the test decides when it happens.
 */
class FlagsAcrossNodesTest {

	private static final List<ConfigurableApplicationContext> nodes = new ArrayList<>();

	@BeforeAll
	static void startTwoNodes() {
		nodes.addAll(Nodes.start(2, "--atrium.flags.refresh-interval=1h"));
	}

	@AfterAll
	static void stopNodes() {
		nodes.forEach(ConfigurableApplicationContext::close);
		nodes.clear();
	}

	private static Api superAdminOn(int node) {
		var api = new Api(Nodes.port(nodes.get(node)));
		var signedIn = api.post("/api/v1/auth/login", Map.of("email", Fixtures.ADMIN_EMAIL, "password", Fixtures.ADMIN_PASSWORD));
		return api.as(signedIn.json().get("accessToken").asString());
	}

	@Test
	void aChangeOnOneNodeIsEvaluatedOnTheOtherOnceItChecksTheVersion() {
		var first = superAdminOn(0);
		var second = superAdminOn(1);
		var key = TestFlags.define(first, "nodes", Map.of("enabled", true));
		nodes.get(1).getBean(FlagCatalogue.class).refresh();
		assertThat(second.get("/api/v1/features/" + key).json().get("value").asBoolean()).isFalse();

		assertThat(first.patch(TestFlags.ADMIN_API + "/" + key, Map.of("defaultVariant", "on")).status()).isEqualTo(200);
		assertThat(first.get("/api/v1/features/" + key).json().get("value").asBoolean())
			.as("the node that made the change evaluates it at once").isTrue();
		assertThat(second.get("/api/v1/features/" + key).json().get("value").asBoolean())
			.as("the other node evaluates from its cache until it checks").isFalse();

		nodes.get(1).getBean(FlagCatalogue.class).refresh();
		assertThat(second.get("/api/v1/features/" + key).json().get("value").asBoolean()).isTrue();
	}
}
