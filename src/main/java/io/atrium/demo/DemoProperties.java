package io.atrium.demo;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param enabled whether to seed the demo organisation at start-up ({@code --demo}, {@code ATRIUM_DEMO})
 * @param password the demo users' password when they are created ({@code ATRIUM_DEMO_PASSWORD}); it must
 *        pass the password rules
 */
@ConfigurationProperties("atrium.demo")
record DemoProperties(@DefaultValue("false") boolean enabled,
		@DefaultValue(DemoProperties.DEFAULT_PASSWORD) String password) {

	static final String DEFAULT_PASSWORD = "atrium demo organisation";
}
