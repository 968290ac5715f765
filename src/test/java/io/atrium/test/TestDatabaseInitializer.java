package io.atrium.test;

import java.util.Map;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/** Points each test application context at a database of its own. */
public class TestDatabaseInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

	@Override
	public void initialize(ConfigurableApplicationContext context) {
		var url = TestDatabase.create();
		context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("atrium-test-database",
				Map.of("atrium.db.url", url, "atrium.db.user", TestDatabase.OWNER, "atrium.db.password", "",
						"atrium.db.app-user", TestDatabase.APP, "atrium.db.app-password", "atrium_app")));
	}
}
