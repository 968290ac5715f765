package io.atrium.identity;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.configuration.WebSecurityCustomizer;
import org.springframework.security.web.firewall.StrictHttpFirewall;

/**
 * Spring Security's strict firewall, with its character checks of header names, header values and
 * parameter names done in a loop rather than by a regular expression. The rules are Spring's own
 * (every character assigned in Unicode and not a control character; a header value may also hold
 * tabs), but the expression ran on every header read, so on a request that carries a kilobyte of
 * access token it was a visible share of the CPU (docs/benchmarks.md).
 */
@Configuration(proxyBeanMethods = false)
class RequestFirewall {

	@Bean
	WebSecurityCustomizer strictFirewall() {
		var firewall = new StrictHttpFirewall();
		firewall.setAllowedHeaderNames(RequestFirewall::printable);
		firewall.setAllowedHeaderValues(RequestFirewall::printableOrTab);
		firewall.setAllowedParameterNames(RequestFirewall::printable);
		return web -> web.httpFirewall(firewall);
	}

	/** Every code point assigned and not a control character. */
	static boolean printable(String text) {
		return allowed(text, false);
	}

	/** As {@link #printable}, and tabs too. */
	static boolean printableOrTab(String text) {
		return allowed(text, true);
	}

	private static boolean allowed(String text, boolean tab) {
		for (var i = 0; i < text.length();) {
			var c = text.codePointAt(i);
			var type = Character.getType(c);
			if (type == Character.UNASSIGNED || (type == Character.CONTROL && !(tab && c == '\t'))) {
				return false;
			}
			i += Character.charCount(c);
		}
		return true;
	}
}
