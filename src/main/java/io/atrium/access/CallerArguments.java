package io.atrium.access;

import java.util.List;

import org.slf4j.MDC;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import io.atrium.api.ApiException;
import io.atrium.identity.Authentication;

/** Lets controllers take a {@link Caller} parameter, resolved from the request's access token. */
@Configuration(proxyBeanMethods = false)
class CallerArguments implements WebMvcConfigurer, HandlerMethodArgumentResolver {

	private static final String ATTRIBUTE = Caller.class.getName();

	private final Callers callers;

	CallerArguments(Callers callers) {
		this.callers = callers;
	}

	@Override
	public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
		resolvers.add(this);
	}

	@Override
	public boolean supportsParameter(MethodParameter parameter) {
		return parameter.getParameterType() == Caller.class;
	}

	@Override
	public Object resolveArgument(MethodParameter parameter, ModelAndViewContainer container, NativeWebRequest request,
			WebDataBinderFactory binders) {
		var cached = request.getAttribute(ATTRIBUTE, NativeWebRequest.SCOPE_REQUEST);
		if (cached instanceof Caller caller) {
			return caller;
		}
		if (!(SecurityContextHolder.getContext().getAuthentication() instanceof JwtAuthenticationToken token)) {
			throw ApiException.unauthorized("unauthenticated", "Sign in and send the access token as 'Authorization: Bearer <token>'.");
		}
		var caller = callers.resolve(Authentication.of(token.getToken()));
		request.setAttribute(ATTRIBUTE, caller, NativeWebRequest.SCOPE_REQUEST);
		MDC.put("userId", caller.userId().toString());
		return caller;
	}
}
