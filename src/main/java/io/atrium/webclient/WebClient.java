package io.atrium.webclient;

import java.util.Arrays;
import java.util.concurrent.TimeUnit;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.CacheControl;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import io.swagger.v3.oas.annotations.Hidden;

/**
 * The addresses of the web client's screens answer with its entry page; the client's router then
 * shows the screen. Bundles under {@code /assets} carry a content hash in their names and are
 * cached for a year; the entry page is revalidated on every load so a new release is picked up.
 */
@Controller
@Hidden
class WebClient {

	static final String ENTRY = "forward:/index.html";

	@GetMapping({ "/sign-in", "/forgot-password", "/reset-password", "/change-password", "/choose-site", "/profile",
			"/sites/**", "/organisations/**" })
	String screen() {
		return ENTRY;
	}

	@Configuration(proxyBeanMethods = false)
	static class Resources implements WebMvcConfigurer {

		/** Where the built client is: the jar's static resources, or a folder while developing it. */
		private final String[] locations;

		Resources(@Value("${spring.web.resources.static-locations:classpath:/static/}") String[] locations) {
			this.locations = locations;
		}

		@Override
		public void addResourceHandlers(ResourceHandlerRegistry registry) {
			registry.addResourceHandler("/assets/**")
				.addResourceLocations(Arrays.stream(locations).map(location -> location + "assets/").toArray(String[]::new))
				.setCacheControl(CacheControl.maxAge(365, TimeUnit.DAYS).cachePublic().immutable());
			registry.addResourceHandler("/index.html")
				.addResourceLocations(locations)
				.setCacheControl(CacheControl.noCache());
		}
	}
}
