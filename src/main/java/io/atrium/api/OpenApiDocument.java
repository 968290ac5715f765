package io.atrium.api;

import java.util.List;

import org.springdoc.core.customizers.OperationCustomizer;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.DefaultParameterNameDiscoverer;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerAdapter;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import tools.jackson.databind.JsonNode;

/** The OpenAPI 3.1 document at {@code /api/v1/openapi.json}; interactive docs at {@code /api/v1/docs}. */
@Configuration(proxyBeanMethods = false)
class OpenApiDocument {

	static {
		// free-form JSON (payloads, preferences, audit details) is an object to clients, not JsonNode's getters
		SpringDocUtils.getConfig().replaceWithSchema(JsonNode.class, new ObjectSchema());
	}

	@Bean
	OpenAPI atriumOpenApi() {
		return new OpenAPI()
			.info(new Info().title("Atrium API").version("v1")
				.description("Multi-tenant business platform. Errors are RFC 9457 problem+json."))
			// relative: the document is the same wherever Atrium runs (the web client is typed from it)
			.servers(List.of(new Server().url("/")))
			.components(new Components().addSecuritySchemes("bearer",
					new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT")))
			.addSecurityItem(new SecurityRequirement().addList("bearer"));
	}

	/**
	 * Controller parameters that Atrium's own argument resolvers supply (such as the caller,
	 * resolved from the access token) are not client input; without this they would appear as
	 * required query parameters, and clients generated from the document would have to send them.
	 */
	@Bean
	OperationCustomizer hideResolvedArguments(ObjectProvider<RequestMappingHandlerAdapter> adapter) {
		var names = new DefaultParameterNameDiscoverer();
		return (operation, handler) -> {
			var resolvers = adapter.getObject().getCustomArgumentResolvers();
			if (resolvers == null || operation.getParameters() == null) {
				return operation;
			}
			for (var parameter : handler.getMethodParameters()) {
				if (resolvers.stream().anyMatch(resolver -> resolver.supportsParameter(parameter))) {
					parameter.initParameterNameDiscovery(names);
					var name = parameter.getParameterName();
					operation.getParameters().removeIf(p -> p.getName().equals(name) && "query".equals(p.getIn()));
				}
			}
			if (operation.getParameters().isEmpty()) {
				operation.setParameters(null);
			}
			return operation;
		};
	}
}
