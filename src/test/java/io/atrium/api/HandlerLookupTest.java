package io.atrium.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.ServletRequestPathUtils;

import io.atrium.test.AtriumTest;

/**
 * Every route the application registers is still found by the handler lookup that compares
 * literal segments first: a request made from each mapping (its method, its pattern with the
 * variables filled in, its media type) reaches that mapping's own handler method.
 */
@AtriumTest
class HandlerLookupTest {

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mapping;

	@Test
	void everyRegisteredRouteReachesItsOwnHandler() throws Exception {
		assertThat(mapping).isInstanceOf(LiteralSegmentHandlerMapping.class);
		var checked = 0;
		for (var entry : mapping.getHandlerMethods().entrySet()) {
			var info = entry.getKey();
			if (info.getPathPatternsCondition() == null || !info.getParamsCondition().isEmpty()
					|| !info.getHeadersCondition().isEmpty()) {
				continue;
			}
			for (var pattern : info.getPathPatternsCondition().getPatternValues()) {
				if (pattern.contains("*") || pattern.contains(":")) {
					continue;
				}
				var methods = info.getMethodsCondition().getMethods();
				var method = methods.isEmpty() ? "GET" : methods.iterator().next().name();
				var request = new MockHttpServletRequest(method, pattern.replaceAll("\\{[^}]+}", "0b1c"));
				info.getConsumesCondition().getConsumableMediaTypes().stream().findFirst()
					.ifPresent(type -> request.setContentType(type.toString()));
				request.addHeader("Accept", MediaType.ALL_VALUE);
				ServletRequestPathUtils.parseAndCache(request);

				var chain = mapping.getHandler(request);

				assertThat(chain).as("%s %s", method, pattern).isNotNull();
				assertThat(((HandlerMethod) chain.getHandler()).getMethod()).as("%s %s", method, pattern)
					.isEqualTo(entry.getValue().getMethod());
				checked++;
			}
		}
		assertThat(checked).as("routes checked").isGreaterThan(80);
	}
}
