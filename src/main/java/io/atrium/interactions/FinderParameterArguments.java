package io.atrium.interactions;

import java.util.List;

import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Reads the Finder's parameters straight from the query string. They are all text (the Finder
 * checks them itself and reports every bad one at once), so Spring's data binding, which built the
 * record through reflection and type conversion, bought nothing and cost an eighth of a Finder
 * request's CPU (JFR profile, docs/benchmarks.md).
 */
@Configuration(proxyBeanMethods = false)
class FinderParameterArguments implements WebMvcConfigurer, HandlerMethodArgumentResolver {

	@Override
	public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
		resolvers.add(this);
	}

	@Override
	public boolean supportsParameter(MethodParameter parameter) {
		return parameter.getParameterType() == FinderQuery.Parameters.class;
	}

	@Override
	public FinderQuery.Parameters resolveArgument(MethodParameter parameter, ModelAndViewContainer container,
			NativeWebRequest request, WebDataBinderFactory binders) {
		var types = request.getParameterValues("type");
		return new FinderQuery.Parameters(request.getParameter("q"), types == null ? null : List.of(types),
				request.getParameter("lead"), request.getParameter("location"), request.getParameter("from"),
				request.getParameter("to"), request.getParameter("createdBy"), request.getParameter("sort"),
				request.getParameter("size"), request.getParameter("cursor"));
	}
}
