package io.atrium.api;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.webmvc.autoconfigure.WebMvcRegistrations;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Finds a request's handler without testing every mapping in full. Spring MVC looks up a path
 * with variables ({@code /api/v1/sites/{siteId}/interactions}) by testing each registered
 * mapping's method, header, media-type and path conditions in turn, and each test reads the
 * request through every wrapper the security filters put around it: about 7% of a create's
 * time in a profile (docs/benchmarks.md). This mapping first compares the path's segments
 * with each mapping's literal segments, which rejects nearly all mappings at the cost of a few
 * string comparisons, and leaves every mapping that could match to Spring's own test. It only
 * ever rejects a mapping none of whose patterns can match ({@link RouteShape#mayMatch}), so
 * which handler wins, and the 404, 405 and 415 answers (which Spring works out separately from
 * all mappings), stay the same.
 */
class LiteralSegmentHandlerMapping extends RequestMappingHandlerMapping {

	/** The segments of the path being looked up on this thread, or null when it is not filtered. */
	private static final ThreadLocal<String @Nullable []> LOOKUP = new ThreadLocal<>();

	private final Map<RequestMappingInfo, List<RouteShape>> shapes = new ConcurrentHashMap<>();

	@Override
	protected void registerHandlerMethod(Object handler, java.lang.reflect.Method method, RequestMappingInfo mapping) {
		super.registerHandlerMethod(handler, method, mapping);
		var patterns = mapping.getPathPatternsCondition();
		if (patterns != null && mapping.getPatternsCondition() == null) {
			var routeShapes = patterns.getPatternValues().stream().map(RouteShape::of).toList();
			if (routeShapes.stream().noneMatch(RouteShape::isOpen)) {
				shapes.put(mapping, routeShapes);
			}
		}
	}

	@Override
	public void unregisterMapping(RequestMappingInfo mapping) {
		super.unregisterMapping(mapping);
		shapes.remove(mapping);
	}

	@Override
	protected @Nullable HandlerMethod lookupHandlerMethod(String lookupPath, HttpServletRequest request) throws Exception {
		LOOKUP.set(RouteShape.segmentsOf(lookupPath));
		try {
			return super.lookupHandlerMethod(lookupPath, request);
		}
		finally {
			LOOKUP.remove();
		}
	}

	@Override
	protected @Nullable RequestMappingInfo getMatchingMapping(RequestMappingInfo info, HttpServletRequest request) {
		var segments = LOOKUP.get();
		if (segments != null) {
			var routeShapes = shapes.get(info);
			if (routeShapes != null && !anyMayMatch(routeShapes, segments)) {
				return null;
			}
		}
		return super.getMatchingMapping(info, request);
	}

	private static boolean anyMayMatch(List<RouteShape> routeShapes, String[] segments) {
		for (var shape : routeShapes) {
			if (shape.mayMatch(segments)) {
				return true;
			}
		}
		return false;
	}

	@Configuration(proxyBeanMethods = false)
	static class Registration {

		@Bean
		WebMvcRegistrations literalSegmentHandlerMapping() {
			return new WebMvcRegistrations() {
				@Override
				public RequestMappingHandlerMapping getRequestMappingHandlerMapping() {
					return new LiteralSegmentHandlerMapping();
				}
			};
		}
	}
}
