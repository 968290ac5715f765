package io.atrium.audit.web;

import java.time.Instant;
import java.util.UUID;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.atrium.access.Access;
import io.atrium.access.Caller;
import io.atrium.access.Permission;
import io.atrium.audit.AuditEvents;
import io.atrium.audit.AuditEvents.EntryPage;
import io.atrium.audit.AuditEvents.Filter;
import io.atrium.audit.AuditEvents.Verification;
import io.atrium.database.Scope;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Size;

/**
 * An organisation's audit trail for those with {@link Permission#AUDIT_READ}, and the platform's
 * own trail (sign-ins and other entries without an organisation) for super admins.
 */
@RestController
@Tag(name = "Audit trail")
class AuditEventsController {

	private final AuditEvents events;
	private final Access access;

	AuditEventsController(AuditEvents events, Access access) {
		this.events = events;
		this.access = access;
	}

	@GetMapping("/api/v1/organisations/{organisationId}/audit-events")
	@Operation(summary = "The organisation's audit trail, newest first; follow nextCursor for older entries")
	EntryPage organisationEvents(Caller caller, @PathVariable UUID organisationId,
			@Parameter(description = "an action such as site.created, or a prefix ending in a dot such as member.")
			@RequestParam(required = false) @Size(max = 100) String action,
			@RequestParam(required = false) UUID actorId,
			@RequestParam(required = false) @Size(max = 100) String entityType,
			@RequestParam(required = false) @Size(max = 200) String entityId,
			@RequestParam(required = false) UUID siteId,
			@Parameter(description = "ISO-8601 time, inclusive") @RequestParam(required = false) Instant from,
			@Parameter(description = "ISO-8601 time, exclusive") @RequestParam(required = false) Instant to,
			@RequestParam(required = false) @Size(max = 200) String cursor,
			@Parameter(description = "1 to 200, default 50") @RequestParam(required = false) Integer size) {
		var scope = access.organisation(caller, organisationId, Permission.AUDIT_READ);
		return list(scope, new Filter(action, actorId, entityType, entityId, siteId, from, to), cursor, size);
	}

	@GetMapping("/api/v1/organisations/{organisationId}/audit-events/verify")
	@Operation(summary = "Recompute the organisation's hash chain and report the first broken link, if any")
	Verification verifyOrganisation(Caller caller, @PathVariable UUID organisationId) {
		return events.verify(access.organisation(caller, organisationId, Permission.AUDIT_READ));
	}

	@GetMapping("/api/v1/admin/audit-events")
	@Operation(summary = "The platform's audit trail (sign-ins and other entries of no organisation), for super admins")
	EntryPage platformEvents(Caller caller,
			@Parameter(description = "an action such as auth.signed_in, or a prefix ending in a dot such as auth.")
			@RequestParam(required = false) @Size(max = 100) String action,
			@RequestParam(required = false) UUID actorId,
			@RequestParam(required = false) @Size(max = 100) String entityType,
			@RequestParam(required = false) @Size(max = 200) String entityId,
			@Parameter(description = "ISO-8601 time, inclusive") @RequestParam(required = false) Instant from,
			@Parameter(description = "ISO-8601 time, exclusive") @RequestParam(required = false) Instant to,
			@RequestParam(required = false) @Size(max = 200) String cursor,
			@Parameter(description = "1 to 200, default 50") @RequestParam(required = false) Integer size) {
		return list(access.platform(caller), new Filter(action, actorId, entityType, entityId, null, from, to), cursor, size);
	}

	@GetMapping("/api/v1/admin/audit-events/verify")
	@Operation(summary = "Recompute the platform's hash chain and report the first broken link, if any")
	Verification verifyPlatform(Caller caller) {
		return events.verify(access.platform(caller));
	}

	private EntryPage list(Scope scope, Filter filter, String cursor, Integer size) {
		return events.list(scope, filter, cursor, size == null ? AuditEvents.DEFAULT_PAGE_SIZE : size);
	}
}
