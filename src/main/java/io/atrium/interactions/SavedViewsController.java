package io.atrium.interactions;

import java.util.List;
import java.util.UUID;

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
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.atrium.access.Access;
import io.atrium.access.Caller;
import io.atrium.access.Permission;
import io.atrium.api.ApiException;
import io.atrium.api.Versions;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * Saved Finder views at a site. Anyone who reads the site's interactions keeps personal views;
 * sharing a view with the site needs INTERACTION_WRITE (editors); changing or deleting someone
 * else's shared view needs INTERACTION_DELETE (site administrators).
 */
@RestController
@RequestMapping("/api/v1/sites/{siteId}/interaction-views")
@Tag(name = "Interaction views")
class SavedViewsController {

	private final SavedViews views;
	private final InteractionsAccess access;

	SavedViewsController(SavedViews views, InteractionsAccess access) {
		this.views = views;
		this.access = access;
	}

	@GetMapping
	@Operation(summary = "Your personal views and the site's shared ones")
	List<SavedViews.SavedView> list(Caller caller, @PathVariable UUID siteId) {
		return views.list(access.site(caller, siteId, Permission.INTERACTION_READ));
	}

	@GetMapping("/{id}")
	ResponseEntity<SavedViews.SavedView> get(Caller caller, @PathVariable UUID siteId, @PathVariable UUID id) {
		var view = views.get(access.site(caller, siteId, Permission.INTERACTION_READ), id)
			.orElseThrow(() -> ApiException.notFound("view"));
		return ResponseEntity.ok().eTag(Versions.etag(view.version())).body(view);
	}

	@PostMapping
	@Operation(summary = "Save a view; shared views need editor rights at the site")
	ResponseEntity<SavedViews.SavedView> create(Caller caller, @PathVariable UUID siteId,
			@RequestBody SavedViews.ViewForm body) {
		var site = access.site(caller, siteId,
				Boolean.TRUE.equals(body.shared()) ? Permission.INTERACTION_WRITE : Permission.INTERACTION_READ);
		var created = views.create(site, body);
		return ResponseEntity.status(HttpStatus.CREATED)
			.header(HttpHeaders.LOCATION, "/api/v1/sites/" + siteId + "/interaction-views/" + created.id())
			.eTag(Versions.etag(created.version())).body(created);
	}

	@PutMapping("/{id}")
	@Operation(summary = "Replace a view (its owner, or a site administrator for a shared view)")
	ResponseEntity<SavedViews.SavedView> update(Caller caller, @PathVariable UUID siteId, @PathVariable UUID id,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
			@RequestBody SavedViews.ViewForm body) {
		var site = access.site(caller, siteId,
				Boolean.TRUE.equals(body.shared()) ? Permission.INTERACTION_WRITE : Permission.INTERACTION_READ);
		var updated = views.update(site, id, Versions.expected(ifMatch), body, mayManageShared(caller, siteId));
		return ResponseEntity.ok().eTag(Versions.etag(updated.version())).body(updated);
	}

	@DeleteMapping("/{id}")
	ResponseEntity<Void> delete(Caller caller, @PathVariable UUID siteId, @PathVariable UUID id) {
		var site = access.site(caller, siteId, Permission.INTERACTION_READ);
		views.delete(site, id, mayManageShared(caller, siteId));
		return ResponseEntity.noContent().build();
	}

	private boolean mayManageShared(Caller caller, UUID siteId) {
		try {
			access.site(caller, siteId, Permission.INTERACTION_DELETE);
			return true;
		}
		catch (ApiException forbidden) {
			return false;
		}
	}
}
