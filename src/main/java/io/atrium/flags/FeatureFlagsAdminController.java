package io.atrium.flags;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.atrium.access.Access;
import io.atrium.access.Caller;
import io.atrium.api.ApiException;
import io.atrium.api.PageOf;
import io.atrium.api.PageQuery;
import io.atrium.api.Versions;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

@RestController
@RequestMapping("/api/v1/admin/feature-flags")
@Tag(name = "Feature flags (admin)")
class FeatureFlagsAdminController {

	private static final int MAX_ANALYTICS_DAYS = 366;

	private final FlagDefinitions definitions;
	private final ScheduledFlagChanges schedules;
	private final EvaluationCounts counts;
	private final Access access;
	private final FlagsProperties properties;
	private final Clock clock;

	FeatureFlagsAdminController(FlagDefinitions definitions, ScheduledFlagChanges schedules, EvaluationCounts counts,
			Access access, FlagsProperties properties, Clock clock) {
		this.definitions = definitions;
		this.schedules = schedules;
		this.counts = counts;
		this.access = access;
		this.properties = properties;
		this.clock = clock;
	}

	/**
	 * A BOOLEAN flag without variants gets {@code on: true, off: false} with {@code off} as default;
	 * a STRING flag names its variants and default.
	 */
	record NewFlag(
			@NotBlank @Pattern(regexp = FlagRules.KEY, message = "must be 1 to 100 lower-case letters, digits, dots, underscores or hyphens, starting with a letter or digit") String key,
			@Size(max = 1000) String description,
			@NotNull FeatureFlag.Kind kind,
			Map<String, Object> variants,
			String defaultVariant,
			Boolean enabled,
			List<FeatureFlag.OrganisationOverride> overrides,
			List<FeatureFlag.Rule> rules,
			List<FeatureFlag.Prerequisite> prerequisites) {
	}

	/**
	 * @param stale not evaluated for {@code atrium.flags.stale-after} (30 days by default), counting
	 *        a never evaluated flag from its creation
	 */
	record FlagView(UUID id, String key, String description, FeatureFlag.Kind kind, Map<String, Object> variants,
			String defaultVariant, boolean enabled, List<FeatureFlag.OrganisationOverride> overrides,
			List<FeatureFlag.Rule> rules, List<FeatureFlag.Prerequisite> prerequisites, Instant createdAt,
			Instant updatedAt, Instant lastEvaluatedAt, boolean stale, int version) {
	}

	record NewScheduledChange(@NotNull Instant applyAt, @NotNull @Valid FlagChanges changes) {
	}

	@PostMapping
	@Operation(summary = "Define a feature flag (super admins)")
	ResponseEntity<FlagView> create(Caller caller, @Valid @RequestBody NewFlag body) {
		var scope = access.platform(caller);
		if (body.key().equals("enabled")) {
			throw ApiException.invalid("key", "'enabled' is reserved: GET /api/v1/features/enabled lists all flags");
		}
		var variants = body.variants();
		var defaultVariant = body.defaultVariant();
		if (body.kind() == FeatureFlag.Kind.BOOLEAN && variants == null) {
			variants = new LinkedHashMap<>(Map.of("on", true));
			variants.put("off", false);
			defaultVariant = defaultVariant == null ? "off" : defaultVariant;
		}
		var created = definitions.create(scope, new FeatureFlag(null, body.key(), body.description(), body.kind(), variants,
				defaultVariant, Boolean.TRUE.equals(body.enabled()), body.overrides(), body.rules(), body.prerequisites(),
				null, null, null, 0));
		return ResponseEntity.status(HttpStatus.CREATED).header(HttpHeaders.LOCATION, "/api/v1/admin/feature-flags/" + created.key())
			.eTag(Versions.etag(created.version())).body(view(created));
	}

	@GetMapping
	@Operation(summary = "Feature flags, filtered by text (q), enabled, kind and stale (super admins)")
	PageOf<FlagView> list(Caller caller, @RequestParam(required = false) Integer page,
			@RequestParam(required = false) Integer size, @RequestParam(required = false) String sort,
			@RequestParam(required = false) @Size(max = 200) String q, @RequestParam(required = false) Boolean enabled,
			@RequestParam(required = false) FeatureFlag.Kind kind, @RequestParam(required = false) Boolean stale) {
		var scope = access.platform(caller);
		var query = PageQuery.of(page, size, sort, FlagDefinitions.SORTABLE, "key");
		return definitions.list(scope, query, q, enabled, kind, stale, staleBefore()).map(this::view);
	}

	@GetMapping("/{key}")
	ResponseEntity<FlagView> get(Caller caller, @PathVariable String key) {
		var flag = definitions.get(access.platform(caller), key).orElseThrow(() -> ApiException.notFound("feature flag"));
		return ResponseEntity.ok().eTag(Versions.etag(flag.version())).body(view(flag));
	}

	@PatchMapping("/{key}")
	@Operation(summary = "Change a flag; lists given replace the whole list; send If-Match (super admins)")
	ResponseEntity<FlagView> change(Caller caller, @PathVariable String key,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
			@Valid @RequestBody FlagChanges body) {
		var scope = access.platform(caller);
		if (body.isEmpty()) {
			throw ApiException.invalid("body", "must change at least one field");
		}
		var changed = definitions.change(scope, key, Versions.expected(ifMatch), body, Map.of());
		return ResponseEntity.ok().eTag(Versions.etag(changed.version())).body(view(changed));
	}

	@DeleteMapping("/{key}")
	@Operation(summary = "Delete a flag no other flag depends on (super admins)")
	ResponseEntity<Void> delete(Caller caller, @PathVariable String key,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
		definitions.delete(access.platform(caller), key, Versions.expected(ifMatch));
		return ResponseEntity.noContent().build();
	}

	@GetMapping("/{key}/analytics")
	@Operation(summary = "Evaluations per variant and day (UTC), by default the last 30 days, and whether the flag is stale")
	Map<String, Object> analytics(Caller caller, @PathVariable String key, @RequestParam(required = false) LocalDate from,
			@RequestParam(required = false) LocalDate to) {
		var scope = access.platform(caller);
		var flag = definitions.get(scope, key).orElseThrow(() -> ApiException.notFound("feature flag"));
		var until = to != null ? to : LocalDate.now(clock.withZone(ZoneOffset.UTC));
		var since = from != null ? from : until.minusDays(29);
		if (since.isAfter(until)) {
			throw ApiException.invalid("from", "must not be after 'to'");
		}
		if (ChronoUnit.DAYS.between(since, until) >= MAX_ANALYTICS_DAYS) {
			throw ApiException.invalid("from", "the range may cover at most " + MAX_ANALYTICS_DAYS + " days");
		}
		var days = counts.of(scope, key, since, until);
		var analytics = new LinkedHashMap<String, Object>();
		analytics.put("key", key);
		analytics.put("from", since);
		analytics.put("to", until);
		analytics.put("lastEvaluatedAt", flag.lastEvaluatedAt());
		analytics.put("stale", isStale(flag));
		analytics.put("totals", EvaluationCounts.totals(days));
		analytics.put("days", days);
		return analytics;
	}

	@PostMapping("/{key}/scheduled-changes")
	@Operation(summary = "Schedule a change to a flag at a given time (super admins)")
	ResponseEntity<ScheduledFlagChanges.ScheduledChange> schedule(Caller caller, @PathVariable String key,
			@Valid @RequestBody NewScheduledChange body) {
		var scheduled = schedules.schedule(access.platform(caller), key, body.applyAt(), body.changes());
		return ResponseEntity.status(HttpStatus.CREATED)
			.header(HttpHeaders.LOCATION, "/api/v1/admin/feature-flags/" + key + "/scheduled-changes/" + scheduled.id())
			.body(scheduled);
	}

	@GetMapping("/{key}/scheduled-changes")
	@Operation(summary = "A flag's scheduled changes, pending and past, by time")
	Map<String, Object> scheduled(Caller caller, @PathVariable String key) {
		var scope = access.platform(caller);
		definitions.get(scope, key).orElseThrow(() -> ApiException.notFound("feature flag"));
		return Map.of("items", schedules.of(scope, key));
	}

	@DeleteMapping("/{key}/scheduled-changes/{id}")
	@Operation(summary = "Cancel a pending scheduled change")
	ScheduledFlagChanges.ScheduledChange cancel(Caller caller, @PathVariable String key, @PathVariable UUID id) {
		return schedules.cancel(access.platform(caller), key, id);
	}

	private FlagView view(FeatureFlag flag) {
		return new FlagView(flag.id(), flag.key(), flag.description(), flag.kind(), flag.variants(), flag.defaultVariant(),
				flag.enabled(), flag.overrides(), flag.rules(), flag.prerequisites(), flag.createdAt(), flag.updatedAt(),
				flag.lastEvaluatedAt(), isStale(flag), flag.version());
	}

	private boolean isStale(FeatureFlag flag) {
		var last = flag.lastEvaluatedAt() != null ? flag.lastEvaluatedAt() : flag.createdAt();
		return last.isBefore(staleBefore());
	}

	private Instant staleBefore() {
		return clock.instant().minus(properties.staleAfter());
	}
}
