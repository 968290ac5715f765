package io.atrium.jobs;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import io.atrium.AtriumApplication;
import io.atrium.test.TestDatabase;

/**
 * Whole Atrium nodes started in the test JVM, several on one database, as a cluster runs them:
 * for proving what survives a restart and what runs once across nodes. Close it to stop them.
 */
public final class Nodes implements AutoCloseable {

	private final String database;
	private final List<ConfigurableApplicationContext> running = new ArrayList<>();

	public Nodes() {
		this.database = TestDatabase.create();
	}

	public String database() {
		return database;
	}

	/** Starts a node on the shared database with extra settings and configuration classes. */
	public ConfigurableApplicationContext start(Map<String, Object> settings, Class<?>... configuration) {
		var properties = new HashMap<String, Object>();
		properties.put("atrium.db.url", database);
		properties.put("atrium.db.user", TestDatabase.OWNER);
		properties.put("atrium.db.password", "");
		properties.put("atrium.db.app-user", TestDatabase.APP);
		properties.put("atrium.db.app-password", "atrium_app");
		properties.put("server.port", "0");
		properties.put("management.server.port", "0");
		properties.put("db-scheduler.polling-interval", "200ms");
		properties.putAll(settings);
		var sources = new ArrayList<Class<?>>();
		sources.add(AtriumApplication.class);
		sources.addAll(List.of(configuration));
		// as arguments, so they win over application.yml as the environment variables they stand for would
		var arguments = properties.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new);
		var context = new SpringApplicationBuilder(sources.toArray(Class[]::new)).run(arguments);
		running.add(context);
		return context;
	}

	public void stop(ConfigurableApplicationContext node) {
		node.close();
		running.remove(node);
	}

	@Override
	public void close() {
		running.forEach(ConfigurableApplicationContext::close);
		running.clear();
	}
}
