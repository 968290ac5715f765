package io.atrium.flags;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.atrium.access.Access;
import io.atrium.access.Caller;
import io.atrium.access.Permission;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Organisation admins manage the API keys their services evaluate flags with over OFREP. */
@RestController
@RequestMapping("/api/v1/organisations/{organisationId}/feature-flag-keys")
@Tag(name = "Feature flags")
class FlagApiKeysController {

	private final FlagApiKeys keys;
	private final Access access;

	FlagApiKeysController(FlagApiKeys keys, Access access) {
		this.keys = keys;
		this.access = access;
	}

	record NewKey(@NotBlank @Size(max = 100) @Pattern(regexp = "^[^\\r\\n\\t]*$", message = "must be a single line") String name) {
	}

	@PostMapping
	@Operation(summary = "Create an OFREP API key (organisation admins); the key is in this response only")
	ResponseEntity<FlagApiKeys.CreatedKey> create(Caller caller, @PathVariable UUID organisationId,
			@Valid @RequestBody NewKey body) {
		var scope = access.organisation(caller, organisationId, Permission.ORGANISATION_MANAGE);
		var created = keys.create(scope, organisationId, body.name().strip());
		return ResponseEntity.status(HttpStatus.CREATED)
			.header(HttpHeaders.LOCATION, "/api/v1/organisations/" + organisationId + "/feature-flag-keys/" + created.id())
			.body(created);
	}

	@GetMapping
	@Operation(summary = "The organisation's OFREP API keys, newest first, revoked ones included")
	Map<String, List<FlagApiKeys.ApiKey>> list(Caller caller, @PathVariable UUID organisationId) {
		var scope = access.organisation(caller, organisationId, Permission.ORGANISATION_MANAGE);
		return Map.of("items", keys.list(scope, organisationId));
	}

	@DeleteMapping("/{keyId}")
	@Operation(summary = "Revoke an OFREP API key; it stops working on every node within seconds")
	ResponseEntity<Void> revoke(Caller caller, @PathVariable UUID organisationId, @PathVariable UUID keyId) {
		var scope = access.organisation(caller, organisationId, Permission.ORGANISATION_MANAGE);
		keys.revoke(scope, organisationId, keyId);
		return ResponseEntity.noContent().build();
	}
}
