package io.atrium.entitlements;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.atrium.access.Access;
import io.atrium.access.Caller;
import io.atrium.access.Permission;
import io.atrium.api.ApiException;
import io.atrium.api.Versions;
import io.atrium.database.Scope;
import io.atrium.tenancy.Organisations;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

@RestController
@Tag(name = "Entitlements")
class EntitlementsController {

	private static final int MAX_USAGE_DAYS = 366;

	private final EntitlementRecords records;
	private final Entitlements entitlements;
	private final ModuleUsage usage;
	private final Organisations organisations;
	private final Access access;
	private final Clock clock;

	EntitlementsController(EntitlementRecords records, Entitlements entitlements, ModuleUsage usage,
			Organisations organisations, Access access, Clock clock) {
		this.records = records;
		this.entitlements = entitlements;
		this.usage = usage;
		this.organisations = organisations;
		this.access = access;
		this.clock = clock;
	}

	/** An organisation's plan and modules as the API shows them. */
	record EntitlementsView(UUID organisationId, Plan plan, List<ModuleView> modules, int version) {

		static EntitlementsView of(OrganisationEntitlements entitlements, Instant now) {
			var modules = Arrays.stream(Module.values()).map(module -> {
				var grant = entitlements.modules().get(module);
				return new ModuleView(module, module.displayName(), grant.enabled(), grant.expiresAt(), grant.activeAt(now));
			}).toList();
			return new EntitlementsView(entitlements.organisationId(), entitlements.plan(), modules, entitlements.version());
		}
	}

	/**
	 * @param enabled whether a super admin switched the module on
	 * @param expiresAt when it switches itself off; null for never
	 * @param active whether the organisation may use it now (enabled and not expired)
	 */
	record ModuleView(Module module, String name, boolean enabled, Instant expiresAt, boolean active) {
	}

	record ModuleChange(@NotNull Boolean enabled, Instant expiresAt) {
	}

	/** Null fields are left as they are; modules not named keep their state. */
	record EntitlementChanges(Plan plan, Map<Module, @Valid @NotNull ModuleChange> modules) {
	}

	@GetMapping("/api/v1/organisations/{organisationId}/entitlements")
	@Operation(summary = "What your organisation may use: its plan and which modules are active (for hiding disabled ones)")
	EntitlementsView mine(Caller caller, @PathVariable UUID organisationId) {
		var scope = access.organisation(caller, organisationId, Permission.ORGANISATION_READ);
		return EntitlementsView.of(records.load(scope, organisationId), clock.instant());
	}

	@GetMapping("/api/v1/admin/organisations/{organisationId}/entitlements")
	@Operation(summary = "An organisation's plan and modules (super admins)")
	ResponseEntity<EntitlementsView> get(Caller caller, @PathVariable UUID organisationId) {
		var scope = requireOrganisation(caller, organisationId);
		var view = EntitlementsView.of(records.load(scope, organisationId), clock.instant());
		return ResponseEntity.ok().eTag(Versions.etag(view.version())).body(view);
	}

	@PatchMapping("/api/v1/admin/organisations/{organisationId}/entitlements")
	@Operation(summary = "Set an organisation's plan, enable or disable modules with an optional expiry (super admins); send If-Match")
	ResponseEntity<EntitlementsView> change(Caller caller, @PathVariable UUID organisationId,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
			@Valid @RequestBody EntitlementChanges body) {
		var scope = requireOrganisation(caller, organisationId);
		if (body.plan() == null && (body.modules() == null || body.modules().isEmpty())) {
			throw ApiException.invalid("body", "must change the plan or at least one module");
		}
		var now = clock.instant();
		var errors = new ArrayList<ApiException.FieldProblem>();
		var modules = new EnumMap<Module, EntitlementRecords.GrantChange>(Module.class);
		if (body.modules() != null) {
			body.modules().forEach((module, change) -> {
				if (change.expiresAt() != null && !change.expiresAt().isAfter(now)) {
					errors.add(new ApiException.FieldProblem("modules." + module + ".expiresAt", "must be in the future"));
				}
				if (change.expiresAt() != null && !change.enabled()) {
					errors.add(new ApiException.FieldProblem("modules." + module + ".expiresAt",
							"only an enabled module can expire; leave it out when disabling"));
				}
				modules.put(module, new EntitlementRecords.GrantChange(change.enabled(), change.expiresAt()));
			});
		}
		if (!errors.isEmpty()) {
			throw ApiException.invalid(errors);
		}
		var changed = records.change(scope, organisationId, Versions.expected(ifMatch), body.plan(),
				body.modules() == null ? null : modules);
		entitlements.refresh();
		var view = EntitlementsView.of(changed, now);
		return ResponseEntity.ok().eTag(Versions.etag(view.version())).body(view);
	}

	@GetMapping("/api/v1/admin/organisations/{organisationId}/entitlements/usage")
	@Operation(summary = "Requests per module and day (super admins); from/to are UTC dates, by default the last 30 days")
	Map<String, Object> usage(Caller caller, @PathVariable UUID organisationId,
			@RequestParam(required = false) LocalDate from, @RequestParam(required = false) LocalDate to) {
		var scope = requireOrganisation(caller, organisationId);
		var until = to != null ? to : LocalDate.now(clock.withZone(ZoneOffset.UTC));
		var since = from != null ? from : until.minusDays(29);
		if (since.isAfter(until)) {
			throw ApiException.invalid("from", "must not be after 'to'");
		}
		if (ChronoUnit.DAYS.between(since, until) >= MAX_USAGE_DAYS) {
			throw ApiException.invalid("from", "the range may cover at most " + MAX_USAGE_DAYS + " days");
		}
		return Map.of("organisationId", organisationId, "from", since, "to", until, "items",
				usage.of(scope, organisationId, since, until));
	}

	private Scope requireOrganisation(Caller caller, UUID organisationId) {
		var scope = access.platform(caller);
		organisations.get(scope, organisationId).orElseThrow(() -> ApiException.notFound("organisation"));
		return scope;
	}
}
