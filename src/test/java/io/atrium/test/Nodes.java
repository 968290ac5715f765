package io.atrium.test;

import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import io.atrium.AtriumApplication;

/**
 * Whole Atrium nodes for tests of behaviour across nodes: each a Spring application of its own on
 * a random port, all sharing one database. Settings are passed as command-line arguments, so they
 * win over the test application.properties.
 */
public final class Nodes {

	private Nodes() {
	}

	/** Starts {@code count} nodes on one new database with the given extra settings ({@code --name=value}). */
	public static List<ConfigurableApplicationContext> start(int count, String... settings) {
		var database = TestDatabase.create();
		var nodes = new ArrayList<ConfigurableApplicationContext>();
		for (int i = 0; i < count; i++) {
			var arguments = new ArrayList<>(List.of("--atrium.db.url=" + database, "--atrium.db.user=" + TestDatabase.OWNER,
					"--atrium.db.password=", "--atrium.db.app-user=" + TestDatabase.APP, "--atrium.db.app-password=atrium_app",
					"--server.port=0", "--management.server.port=0"));
			arguments.addAll(List.of(settings));
			nodes.add(new SpringApplicationBuilder(AtriumApplication.class).run(arguments.toArray(String[]::new)));
		}
		return nodes;
	}

	public static int port(ConfigurableApplicationContext node) {
		return ((WebServerApplicationContext) node).getWebServer().getPort();
	}
}
