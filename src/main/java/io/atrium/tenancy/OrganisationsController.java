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
import io.atrium.api.Versions;
import io.atrium.database.Scope;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

@RestController
@RequestMapping("/api/v1/organisations")
@Tag(name = "Organisations")
class OrganisationsController {

	static final String SLUG = "^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$";
	static final String SINGLE_LINE = "^[^\\r\\n\\t]*$";

	private final Organisations organisations;
	private final Access access;

	OrganisationsController(Organisations organisations, Access access) {
		this.organisations = organisations;
		this.access = access;
	}

	record NewOrganisation(
			@NotBlank @Size(max = 200) @Pattern(regexp = SINGLE_LINE, message = "must be a single line") String name,
			@NotBlank @Size(max = 63) @Pattern(regexp = SLUG, message = "must be lower-case letters, digits and hyphens, not starting or ending with a hyphen") String slug,
			Industry industry,
			@Pattern(regexp = "^\\d{5}$", message = "must be a five-digit UK SIC 2007 code") String sicCode) {
	}

	record OrganisationChanges(
			@Size(min = 1, max = 200) @Pattern(regexp = SINGLE_LINE, message = "must be a single line") String name,
			@Size(max = 63) @Pattern(regexp = SLUG, message = "must be lower-case letters, digits and hyphens, not starting or ending with a hyphen") String slug,
			Industry industry,
			@Pattern(regexp = "^\\d{5}$", message = "must be a five-digit UK SIC 2007 code") String sicCode) {
	}

	@PostMapping
	@Operation(summary = "Create an organisation (super admins)")
	ResponseEntity<Organisation> create(Caller caller, @Valid @RequestBody NewOrganisation body) {
		var scope = access.platform(caller);
		var created = organisations.create(scope,
				new Organisations.Details(body.name().strip(), body.slug(), body.industry(), body.sicCode()));
		return ResponseEntity.status(HttpStatus.CREATED).header(HttpHeaders.LOCATION, "/api/v1/organisations/" + created.id())
			.eTag(Versions.etag(created.version())).body(created);
	}

	@GetMapping
	@Operation(summary = "Organisations you belong to (all of them for super admins)")
	PageOf<Organisation> list(Caller caller, @RequestParam(required = false) Integer page,
			@RequestParam(required = false) Integer size, @RequestParam(required = false) String sort,
			@RequestParam(required = false) @Size(max = 200) String q,
			@RequestParam(required = false) Organisation.Status status,
			@RequestParam(required = false) Industry industry) {
		var query = PageQuery.of(page, size, sort, Organisations.SORTABLE, "name");
		var scope = caller.superAdmin() ? Scope.platform(caller.userId()) : Scope.user(caller.userId());
		return organisations.list(scope, query, q, status, industry);
	}

	@GetMapping("/{organisationId}")
	ResponseEntity<Organisation> get(Caller caller, @PathVariable UUID organisationId) {
		var scope = access.organisation(caller, organisationId, Permission.ORGANISATION_READ);
		var organisation = organisations.get(scope, organisationId).orElseThrow(() -> ApiException.notFound("organisation"));
		return ResponseEntity.ok().eTag(Versions.etag(organisation.version())).body(organisation);
	}

	@PatchMapping("/{organisationId}")
	@Operation(summary = "Change an organisation (its admins); send If-Match to avoid overwriting someone else's change")
	ResponseEntity<Organisation> update(Caller caller, @PathVariable UUID organisationId,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
			@Valid @RequestBody OrganisationChanges body) {
		var scope = access.organisation(caller, organisationId, Permission.ORGANISATION_MANAGE);
		var updated = organisations.update(scope, organisationId, Versions.expected(ifMatch),
				new Organisations.Details(body.name() == null ? null : body.name().strip(), body.slug(), body.industry(),
						body.sicCode()));
		return ResponseEntity.ok().eTag(Versions.etag(updated.version())).body(updated);
	}
}
