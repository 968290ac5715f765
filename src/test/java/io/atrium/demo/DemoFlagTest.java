package io.atrium.demo;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Configuration;

import io.atrium.AtriumApplication;

/**
 * {@code --demo} on the command line, as {@code AtriumApplication.main} reads it, against the real
 * application.yml (which says {@code enabled: ${ATRIUM_DEMO:false}}). Starts an empty context: no
 * database, only the configuration.
 */
class DemoFlagTest {

	@Test
	void theDemoFlagTurnsDemoModeOnOverTheConfiguredDefault() {
		assertThat(demoSettings("--demo").enabled()).isTrue();
	}

	@Test
	void withoutTheFlagDemoModeIsOffAndUsersGetTheDefaultPassword() {
		var settings = demoSettings("--server.port=0");
		assertThat(settings.enabled()).isFalse();
		assertThat(settings.password()).isEqualTo(DemoProperties.DEFAULT_PASSWORD);
	}

	private static DemoProperties demoSettings(String... args) {
		var application = new SpringApplication(Empty.class);
		application.setWebApplicationType(WebApplicationType.NONE);
		try (var context = application.run(AtriumApplication.commandLine(args))) {
			return Binder.get(context.getEnvironment()).bindOrCreate("atrium.demo", DemoProperties.class);
		}
	}

	@Configuration(proxyBeanMethods = false)
	static class Empty {
	}
}
