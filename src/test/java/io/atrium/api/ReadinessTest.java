package io.atrium.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;

import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

/** Readiness reflects the database: a load balancer stops sending traffic when it is gone. */
class ReadinessTest {

	@Test
	void notReadyWhileTheDatabaseIsUnreachable() throws Exception {
		int closedPort;
		try (var socket = new ServerSocket(0)) {
			closedPort = socket.getLocalPort();
		}
		var unreachable = new PGSimpleDataSource();
		unreachable.setServerNames(new String[] { "127.0.0.1" });
		unreachable.setPortNumbers(new int[] { closedPort });
		unreachable.setDatabaseName("atrium");
		unreachable.setConnectTimeout(2);

		var response = new Health(unreachable).ready();

		assertThat(response.getStatusCode().value()).isEqualTo(503);
		assertThat(response.getBody()).containsEntry("status", "DOWN").containsEntry("database", "DOWN");
	}
}
