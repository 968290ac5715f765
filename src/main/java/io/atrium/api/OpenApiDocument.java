package io.atrium.api;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;

/** The OpenAPI 3.1 document at {@code /api/v1/openapi.json}; interactive docs at {@code /api/v1/docs}. */
@Configuration(proxyBeanMethods = false)
class OpenApiDocument {

	@Bean
	OpenAPI atriumOpenApi() {
		return new OpenAPI()
			.info(new Info().title("Atrium API").version("v1")
				.description("Multi-tenant business platform. Errors are RFC 9457 problem+json."))
			.components(new Components().addSecuritySchemes("bearer",
					new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT")))
			.addSecurityItem(new SecurityRequirement().addList("bearer"));
	}
}
