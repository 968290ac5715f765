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
import io.atrium.api.Versions;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * An organisation's interaction types. Any member who may read interactions somewhere in the
 * organisation lists them; organisation admins (INTERACTION_TYPE_MANAGE) add, rename and remove them.
 */
@RestController
@RequestMapping("/api/v1/organisations/{organisationId}/interaction-types")
@Tag(name = "Interaction types")
class InteractionTypesController {

	private final InteractionTypes types;
	private final InteractionsAccess access;

	InteractionTypesController(InteractionTypes types, InteractionsAccess access) {
		this.types = types;
		this.access = access;
	}

	record TypeName(String name) {
	}

	@GetMapping
	List<InteractionTypes.InteractionType> list(Caller caller, @PathVariable UUID organisationId) {
		var scope = access.sitesWith(caller, organisationId, Permission.INTERACTION_READ);
		return types.list(scope, organisationId);
	}

	@PostMapping
	@Operation(summary = "Add an interaction type (organisation admins)")
	ResponseEntity<InteractionTypes.InteractionType> add(Caller caller, @PathVariable UUID organisationId,
			@RequestBody TypeName body) {
		var scope = access.organisation(caller, organisationId, Permission.INTERACTION_TYPE_MANAGE);
		var added = types.add(scope, organisationId, body.name());
		return ResponseEntity.status(HttpStatus.CREATED)
			.header(HttpHeaders.LOCATION, "/api/v1/organisations/" + organisationId + "/interaction-types/" + added.id())
			.eTag(Versions.etag(added.version())).body(added);
	}

	@PutMapping("/{typeId}")
	@Operation(summary = "Rename an interaction type (organisation admins); its interactions follow the new name")
	ResponseEntity<InteractionTypes.InteractionType> rename(Caller caller, @PathVariable UUID organisationId,
			@PathVariable UUID typeId, @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
			@RequestBody TypeName body) {
		var scope = access.organisation(caller, organisationId, Permission.INTERACTION_TYPE_MANAGE);
		var renamed = types.rename(scope, organisationId, typeId, Versions.expected(ifMatch), body.name());
		return ResponseEntity.ok().eTag(Versions.etag(renamed.version())).body(renamed);
	}

	@DeleteMapping("/{typeId}")
	@Operation(summary = "Remove an interaction type no interaction uses (organisation admins)")
	ResponseEntity<Void> remove(Caller caller, @PathVariable UUID organisationId, @PathVariable UUID typeId) {
		var scope = access.organisation(caller, organisationId, Permission.INTERACTION_TYPE_MANAGE);
		types.remove(scope, organisationId, typeId);
		return ResponseEntity.noContent().build();
	}
}
