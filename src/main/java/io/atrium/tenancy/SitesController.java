package io.atrium.tenancy;

import java.util.UUID;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
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
import io.atrium.access.Permission;
import io.atrium.api.ApiException;
import io.atrium.api.PageOf;
import io.atrium.api.PageQuery;
import io.atrium.api.TimeZones;
import io.atrium.api.Versions;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

@RestController
@RequestMapping("/api/v1/organisations/{organisationId}/sites")
@Tag(name = "Sites")
class SitesController {

	private final Sites sites;
	private final Access access;

	SitesController(Sites sites, Access access) {
		this.sites = sites;
		this.access = access;
	}

	record NewSite(
			@NotBlank @Size(max = 200) @Pattern(regexp = OrganisationsController.SINGLE_LINE, message = "must be a single line") String name,
			@Size(max = 2000) String description,
			@NotBlank @Size(max = 64) String timezone,
			Boolean active) {
	}

	record SiteChanges(
			@Size(min = 1, max = 200) @Pattern(regexp = OrganisationsController.SINGLE_LINE, message = "must be a single line") String name,
			@Size(max = 2000) String description,
			@Size(min = 1, max = 64) String timezone,
			Boolean active) {
	}

	@PostMapping
	ResponseEntity<Site> create(Caller caller, @PathVariable UUID organisationId, @Valid @RequestBody NewSite body) {
		var scope = access.organisation(caller, organisationId, Permission.SITE_MANAGE);
		requireZone(body.timezone());
		var site = sites.create(scope, new Sites.Details(body.name().strip(), body.description(), body.timezone(), body.active()));
		return ResponseEntity.status(HttpStatus.CREATED)
			.header(HttpHeaders.LOCATION, "/api/v1/organisations/" + organisationId + "/sites/" + site.id())
			.eTag(Versions.etag(site.version())).body(site);
	}

	@GetMapping
	PageOf<Site> list(Caller caller, @PathVariable UUID organisationId, @RequestParam(required = false) Integer page,
			@RequestParam(required = false) Integer size, @RequestParam(required = false) String sort,
			@RequestParam(required = false) @Size(max = 200) String q, @RequestParam(required = false) Boolean active) {
		var query = PageQuery.of(page, size, sort, Sites.SORTABLE, "name");
		var scope = access.sitesWith(caller, organisationId, Permission.SITE_READ);
		return sites.list(scope, query, q, active);
	}

	@GetMapping("/{siteId}")
	ResponseEntity<Site> get(Caller caller, @PathVariable UUID organisationId, @PathVariable UUID siteId) {
		var scope = access.sitesWith(caller, organisationId, Permission.SITE_READ);
		var site = sites.get(scope, siteId).orElseThrow(() -> ApiException.notFound("site"));
		return ResponseEntity.ok().eTag(Versions.etag(site.version())).body(site);
	}

	@PatchMapping("/{siteId}")
	ResponseEntity<Site> update(Caller caller, @PathVariable UUID organisationId, @PathVariable UUID siteId,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
			@Valid @RequestBody SiteChanges body) {
		var scope = access.organisation(caller, organisationId, Permission.SITE_MANAGE);
		if (body.timezone() != null) {
			requireZone(body.timezone());
		}
		var site = sites.update(scope, siteId, Versions.expected(ifMatch),
				new Sites.Details(body.name() == null ? null : body.name().strip(), body.description(), body.timezone(),
						body.active()));
		return ResponseEntity.ok().eTag(Versions.etag(site.version())).body(site);
	}

	static void requireZone(String zone) {
		if (!TimeZones.isKnown(zone)) {
			throw ApiException.invalid("timezone", "must be an IANA time zone such as Europe/London");
		}
	}
}
