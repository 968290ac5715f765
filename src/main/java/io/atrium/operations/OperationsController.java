package io.atrium.operations;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Set;
import java.util.UUID;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ContentDisposition;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.atrium.access.Access;
import io.atrium.access.Caller;
import io.atrium.api.ApiException;
import io.atrium.api.PageOf;
import io.atrium.api.PageQuery;
import io.atrium.audit.SecurityEvents;
import io.atrium.identity.UserAccounts;
import io.atrium.tenancy.Organisation;
import io.atrium.tenancy.Organisations;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** The operator console's API: super admins only. */
@RestController
@RequestMapping("/api/v1/admin")
@Tag(name = "Operator console")
class OperationsController {

	private final Access access;
	private final PlatformStatistics statistics;
	private final SecurityEvents securityEvents;
	private final UserAccounts users;
	private final OrganisationLifecycle lifecycle;
	private final OrganisationExport export;
	private final Organisations organisations;

	OperationsController(Access access, PlatformStatistics statistics, SecurityEvents securityEvents, UserAccounts users,
			OrganisationLifecycle lifecycle, OrganisationExport export, Organisations organisations) {
		this.access = access;
		this.statistics = statistics;
		this.securityEvents = securityEvents;
		this.users = users;
		this.lifecycle = lifecycle;
		this.export = export;
		this.organisations = organisations;
	}

	record Suspension(@Size(max = 500) @Pattern(regexp = "^[^\\r\\n\\t]*$", message = "must be a single line") String reason) {
	}

	@GetMapping("/dashboard/stats")
	@Operation(summary = "Platform statistics: organisations, users, sessions, requests, webhook health, job backlog")
	PlatformStatistics.Stats stats(Caller caller) {
		return statistics.collect(access.platform(caller));
	}

	@GetMapping("/security-events")
	@Operation(summary = "Failed sign-ins, lockouts, reused refresh tokens, rate-limit rejections and disabled webhook endpoints, newest first")
	PageOf<SecurityEvents.SecurityEvent> securityEvents(Caller caller, @RequestParam(required = false) Integer page,
			@RequestParam(required = false) Integer size, @RequestParam(required = false) String sort,
			@RequestParam(required = false) Set<SecurityEvents.Type> type, @RequestParam(required = false) Instant from,
			@RequestParam(required = false) Instant to, @RequestParam(required = false) @Email @Size(max = 320) String email,
			@RequestParam(required = false) UUID userId) {
		var scope = access.platform(caller);
		if (from != null && to != null && !from.isBefore(to)) {
			throw ApiException.invalid("to", "must be after from");
		}
		var query = PageQuery.of(page, size, sort == null ? "occurredAt,desc" : sort, SecurityEvents.SORTABLE, "occurredAt");
		// an email names a person even where the event carries only their user id (a lockout)
		var user = userId != null ? userId
				: email == null ? null : users.findByEmail(email).map(account -> account.id()).orElse(null);
		return securityEvents.list(scope, new SecurityEvents.Filter(type, from, to, email, user), query);
	}

	@PostMapping("/organisations/{organisationId}/suspend")
	@Operation(summary = "Suspend an organisation: its members can no longer use it; its data is kept")
	Organisation suspend(Caller caller, @PathVariable UUID organisationId, @Valid @RequestBody(required = false) Suspension body) {
		return lifecycle.suspend(access.platform(caller), organisationId, body == null ? null : body.reason());
	}

	@PostMapping("/organisations/{organisationId}/resume")
	@Operation(summary = "Resume a suspended organisation")
	Organisation resume(Caller caller, @PathVariable UUID organisationId) {
		return lifecycle.resume(access.platform(caller), organisationId);
	}

	@GetMapping(value = "/organisations/{organisationId}/export", produces = "application/zip")
	@Operation(summary = "Download all of an organisation's data: a ZIP with one JSON file per table, streamed")
	void export(Caller caller, @PathVariable UUID organisationId, HttpServletResponse response) throws IOException {
		var scope = access.platform(caller);
		var organisation = organisations.get(scope, organisationId).orElseThrow(() -> ApiException.notFound("organisation"));
		export.begin(scope, organisationId);
		var filename = "atrium-" + organisation.slug() + "-" + LocalDate.now(ZoneOffset.UTC) + ".zip";
		response.setContentType("application/zip");
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(filename).build().toString());
		export.write(organisationId, response.getOutputStream());
		response.flushBuffer();
	}
}
