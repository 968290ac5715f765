package io.atrium.interactions;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.springdoc.core.annotations.ParameterObject;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.atrium.access.Access;
import io.atrium.access.Caller;
import io.atrium.access.Permission;
import io.atrium.api.ApiException;
import io.atrium.api.Versions;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@Tag(name = "Interactions")
class InteractionsController {

	static final String BASE = "/api/v1/sites/{siteId}/interactions";

	private final Interactions interactions;
	private final Finder finder;
	private final InteractionsAccess access;

	InteractionsController(Interactions interactions, Finder finder, InteractionsAccess access) {
		this.interactions = interactions;
		this.finder = finder;
		this.access = access;
	}

	/** A page of the Finder as the API shows it. */
	record PageResource(List<InteractionResource> items, int size, Long total, Boolean totalExact, String nextCursor) {

		static PageResource of(Finder.Page page) {
			return new PageResource(page.items().stream().map(InteractionResource::of).toList(), page.size(), page.total(),
					page.totalExact(), page.nextCursor());
		}
	}

	@PostMapping(BASE)
	@Operation(summary = "Record an interaction (site editors and administrators)")
	ResponseEntity<InteractionResource> create(Caller caller, @PathVariable UUID siteId, @RequestBody InteractionForm body) {
		var site = access.site(caller, siteId, Permission.INTERACTION_WRITE);
		var created = interactions.create(site, body);
		return ResponseEntity.status(HttpStatus.CREATED)
			.header(HttpHeaders.LOCATION, "/api/v1/sites/" + siteId + "/interactions/" + created.id())
			.eTag(Versions.etag(created.version())).body(InteractionResource.of(created));
	}

	@GetMapping(BASE + "/{id}")
	ResponseEntity<InteractionResource> get(Caller caller, @PathVariable UUID siteId, @PathVariable UUID id) {
		var site = access.site(caller, siteId, Permission.INTERACTION_READ);
		var interaction = interactions.get(site, id).orElseThrow(() -> ApiException.notFound("interaction"));
		return ResponseEntity.ok().eTag(Versions.etag(interaction.version())).body(InteractionResource.of(interaction));
	}

	/**
	 * Replaces every field. {@code If-Match} is required (428 without it): a replacement made
	 * without knowing the current version would silently undo someone else's change.
	 */
	@PutMapping(BASE + "/{id}")
	@Operation(summary = "Replace an interaction; If-Match with its ETag is required, a stale one answers 412")
	ResponseEntity<InteractionResource> update(Caller caller, @PathVariable UUID siteId, @PathVariable UUID id,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch, @RequestBody InteractionForm body) {
		var site = access.site(caller, siteId, Permission.INTERACTION_WRITE);
		var expected = Versions.expected(ifMatch);
		if (expected == null) {
			throw new ApiException(HttpStatus.PRECONDITION_REQUIRED, "precondition-required", "Precondition required",
					"Send the ETag of the version you changed as If-Match (GET the interaction to learn it), so that nobody's change is overwritten unseen.",
					null);
		}
		var updated = interactions.update(site, id, expected, body);
		return ResponseEntity.ok().eTag(Versions.etag(updated.version())).body(InteractionResource.of(updated));
	}

	@DeleteMapping(BASE + "/{id}")
	@Operation(summary = "Move an interaction to the trash (site administrators); restorable until purged after the retention period")
	ResponseEntity<Void> delete(Caller caller, @PathVariable UUID siteId, @PathVariable UUID id,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
		var site = access.site(caller, siteId, Permission.INTERACTION_DELETE);
		interactions.delete(site, id, Versions.expected(ifMatch));
		return ResponseEntity.noContent().build();
	}

	@PostMapping(BASE + "/{id}/restore")
	@Operation(summary = "Take an interaction out of the trash (site administrators)")
	ResponseEntity<InteractionResource> restore(Caller caller, @PathVariable UUID siteId, @PathVariable UUID id) {
		var site = access.site(caller, siteId, Permission.INTERACTION_DELETE);
		var restored = interactions.restore(site, id);
		return ResponseEntity.ok().eTag(Versions.etag(restored.version())).body(InteractionResource.of(restored));
	}

	@GetMapping(BASE + "/trash")
	@Operation(summary = "The site's trash, most recently deleted first (site administrators); page with before=<last id>")
	List<InteractionResource> trash(Caller caller, @PathVariable UUID siteId,
			@RequestParam(required = false) UUID before, @RequestParam(required = false) Integer size) {
		var site = access.site(caller, siteId, Permission.INTERACTION_DELETE);
		var limit = size == null ? FinderQuery.DEFAULT_SIZE : size;
		if (limit < 1 || limit > FinderQuery.MAX_SIZE) {
			throw ApiException.invalid("size", "must be between 1 and " + FinderQuery.MAX_SIZE);
		}
		return interactions.trash(site, before, limit).stream().map(InteractionResource::of).toList();
	}

	@GetMapping(BASE)
	@Operation(summary = "The Finder: search, filter, sort and page a site's interactions")
	PageResource find(Caller caller, @PathVariable UUID siteId, @ParameterObject FinderQuery.Parameters parameters) {
		var site = access.site(caller, siteId, Permission.INTERACTION_READ);
		return PageResource.of(finder.find(site.scope(), site.organisationId(), Set.of(siteId), parameters, true));
	}

	/** The sites to search: the requested ones (404 for one the caller may not read), else all the scope covers (null: every site). */
	static Set<UUID> sitesToSearch(io.atrium.database.Scope scope, List<UUID> requested) {
		if (requested == null || requested.isEmpty()) {
			return scope.allSites() ? null : scope.siteIds();
		}
		var sites = new LinkedHashSet<>(requested);
		if (!scope.allSites() && !scope.siteIds().containsAll(sites)) {
			throw ApiException.notFound("site");
		}
		return sites;
	}

	/**
	 * The Finder across sites. The organisation is named explicitly ({@code organisation}, required):
	 * a caller may belong to several. {@code site} (repeatable) narrows to some of its sites; without
	 * it every site where the caller may read interactions is searched.
	 */
	@GetMapping("/api/v1/interactions")
	@Operation(summary = "The Finder across every site of an organisation that the caller may read")
	PageResource findAcrossSites(Caller caller, @RequestParam UUID organisation,
			@RequestParam(required = false) List<UUID> site, @ParameterObject FinderQuery.Parameters parameters) {
		var scope = access.sitesWith(caller, organisation, Permission.INTERACTION_READ);
		var sites = sitesToSearch(scope, site);
		return PageResource.of(finder.find(scope, organisation, sites, parameters, true));
	}
}
