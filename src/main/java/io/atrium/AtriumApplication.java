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
		SpringApplication.run(AtriumApplication.class, commandLine(args));
	}

	/**
	 * The arguments with {@code --demo} spelt as the property it stands for: a command-line
	 * property outranks {@code ATRIUM_DEMO} and application.yml, where a default property would not.
	 */
	public static String[] commandLine(String... args) {
		return Arrays.stream(args).map(arg -> arg.equals("--demo") ? "--atrium.demo.enabled=true" : arg)
			.toArray(String[]::new);
	}
}
