package io.atrium;

import java.util.Arrays;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.modulith.Modulithic;

/**
 * Atrium: one server hosting several business applications for many organisations.
 * {@code --demo} (or {@code ATRIUM_DEMO=true}) also seeds a demo organisation.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@Modulithic(sharedModules = { "database", "api" })
public class AtriumApplication {

	public static void main(String[] args) {
		var application = new SpringApplication(AtriumApplication.class);
		if (Arrays.asList(args).contains("--demo")) {
			application.setDefaultProperties(java.util.Map.of("atrium.demo.enabled", "true"));
		}
		application.run(args);
	}
}
