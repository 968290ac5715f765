package io.atrium.access;

import java.util.UUID;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.atrium.access.SecurityPolicies.SecurityPolicy;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

@RestController
@RequestMapping("/api/v1/organisations/{organisationId}/security-policy")
@Tag(name = "Security policy")
class SecurityPolicyController {

	private final Access access;
	private final SecurityPolicies policies;

	SecurityPolicyController(Access access, SecurityPolicies policies) {
		this.access = access;
		this.policies = policies;
	}

	record PolicyChange(@NotNull Boolean adminMfaRequired) {
	}

	@GetMapping
	SecurityPolicy get(Caller caller, @PathVariable UUID organisationId) {
		var scope = access.organisation(caller, organisationId, Permission.ORGANISATION_MANAGE);
		return policies.get(scope, organisationId);
	}

	@PutMapping
	@Operation(summary = "Set the organisation's security policy; adminMfaRequired makes owners and admins sign in with a second factor")
	SecurityPolicy change(Caller caller, @PathVariable UUID organisationId, @Valid @RequestBody PolicyChange body) {
		var scope = access.organisation(caller, organisationId, Permission.ORGANISATION_MANAGE);
		return policies.change(caller, scope, organisationId, body.adminMfaRequired());
	}
}
