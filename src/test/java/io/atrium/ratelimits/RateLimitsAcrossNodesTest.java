package io.atrium.ratelimits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

import io.atrium.test.Api;
import io.atrium.test.Nodes;
import io.lettuce.core.RedisClient;

/**
 * Two Atrium nodes (two Spring applications on their own ports, one database) share one budget
 * through the Redis at 127.0.0.1:6379, under a key prefix of this run's own. Skipped when that
 * Redis does not answer.
 */
class RateLimitsAcrossNodesTest {

	private static final List<ConfigurableApplicationContext> nodes = new ArrayList<>();
	private static String prefix;

	@BeforeAll
	static void startTwoNodes() {
		assumeTrue(redisAnswers(), "no Redis at 127.0.0.1:6379");
		prefix = "atrium-test:" + UUID.randomUUID() + ":";
		nodes.addAll(Nodes.start(2, "--server.forward-headers-strategy=framework", "--atrium.redis.url=redis://127.0.0.1:6379",
				"--atrium.ratelimits.redis-key-prefix=" + prefix, "--atrium.ratelimits.enabled=true",
				"--atrium.ratelimits.address=5/1h", "--atrium.ratelimits.unlimited-addresses=127.0.0.1,0:0:0:0:0:0:0:1"));
	}

	@AfterAll
	static void stopNodes() {
		nodes.forEach(ConfigurableApplicationContext::close);
		nodes.clear();
		if (prefix != null) {
			var client = RedisClient.create("redis://127.0.0.1:6379");
			try (var connection = client.connect()) {
				var keys = connection.sync().keys(prefix + "*");
				if (!keys.isEmpty()) {
					connection.sync().del(keys.toArray(String[]::new));
				}
			}
			finally {
				client.shutdown();
			}
		}
	}

	private static boolean redisAnswers() {
		try (var socket = new Socket()) {
			socket.connect(new InetSocketAddress("127.0.0.1", 6379), 500);
			socket.getOutputStream().write("PING\r\n".getBytes());
			return new String(socket.getInputStream().readNBytes(5)).equals("+PONG");
		}
		catch (IOException e) {
			return false;
		}
	}

	private static Api node(int index, String address) {
		return new Api(Nodes.port(nodes.get(index))).withHeader("X-Forwarded-For", address);
	}

	@Test
	void twoNodesDrawOnOneBudget() {
		var address = "192.0.2.77";
		var remaining = new ArrayList<String>();
		for (int i = 0; i < 5; i++) {
			var response = node(i % 2, address).get("/api/v1/organisations");
			assertThat(response.status()).as("request %d on node %d", i + 1, i % 2).isEqualTo(401);
			remaining.add(response.header("RateLimit").replaceAll(";t=\\d+", ""));
		}
		assertThat(remaining).containsExactly("\"address\";r=4", "\"address\";r=3", "\"address\";r=2", "\"address\";r=1",
				"\"address\";r=0");

		var refusedOnFirst = node(0, address).get("/api/v1/organisations");
		var refusedOnSecond = node(1, address).get("/api/v1/organisations");
		assertThat(refusedOnFirst.status()).isEqualTo(429);
		assertThat(refusedOnSecond.status()).isEqualTo(429);
		assertThat(Long.parseLong(refusedOnSecond.header("Retry-After"))).isBetween(600L, 720L);
	}

	@Test
	void anotherAddressHasABudgetOfItsOwn() {
		var response = node(1, "192.0.2.78").get("/api/v1/organisations");
		assertThat(response.status()).isEqualTo(401);
		assertThat(response.header("RateLimit")).startsWith("\"address\";r=4;");
	}
}
