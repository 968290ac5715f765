package io.atrium.api;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.UUID;

import org.springframework.boot.test.context.TestComponent;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import io.atrium.access.Access;
import io.atrium.access.Caller;
import io.atrium.access.Permission;
import io.atrium.test.AtriumTest;

/**
 * A running Atrium as deployed behind a browser front end: one allowed CORS origin and JSON
 * logs in the default (ECS) format, plus an endpoint that fails unexpectedly. Test classes
 * carrying this annotation share one application context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@AtriumTest
@TestPropertySource(properties = { "atrium.api.cors-origins=" + EdgeSettings.ALLOWED_ORIGIN,
		"logging.structured.format.console=ecs" })
@Import(EdgeSettings.FailingEndpoint.class)
@interface EdgeSettings {

	String ALLOWED_ORIGIN = "https://app.atrium.test";

	String FAILURE_MESSAGE = "secret internals: connection string postgres://hidden";

	/**
	 * Fails the way a bug would, after access has been decided (so the log context holds the
	 * user and organisation). Imported only here: {@link TestComponent} keeps it out of the
	 * component scan of every other test context.
	 */
	@TestComponent
	@RestController
	class FailingEndpoint {

		private final Access access;

		FailingEndpoint(Access access) {
			this.access = access;
		}

		@GetMapping("/api/v1/organisations/{organisationId}/failure")
		String fail(Caller caller, @PathVariable UUID organisationId) {
			access.organisation(caller, organisationId, Permission.ORGANISATION_READ);
			throw new IllegalStateException(FAILURE_MESSAGE);
		}
	}
}
