package io.atrium.access;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.atrium.access.MemberDirectory.MemberView;
import io.atrium.access.MemberDirectory.SiteRoleView;
import io.atrium.access.Memberships.Member;
import io.atrium.api.ApiException;
import io.atrium.api.PageOf;
import io.atrium.api.PageQuery;
import io.atrium.database.TenantTransactions;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

@RestController
@RequestMapping("/api/v1/organisations/{organisationId}/members")
@Tag(name = "Members")
class MembersController {

	static final String SINGLE_LINE = "^[^\\r\\n\\t]*$";
	/** Something, an @, something with a dot: what jakarta's @Email lets through is too lax for mail delivery. */
	static final String EMAIL = "^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$";

	private final Access access;
	private final Members members;
	private final MemberDirectory directory;
	private final TenantTransactions transactions;

	MembersController(Access access, Members members, MemberDirectory directory, TenantTransactions transactions) {
		this.access = access;
		this.members = members;
		this.directory = directory;
		this.transactions = transactions;
	}

	/**
	 * @param displayName needed only when no user has the email yet
	 * @param sites site roles by site id; the sites must belong to the organisation
	 */
	record NewMember(
			@NotBlank @Size(max = 320) @Email(regexp = EMAIL, message = "must be an email address") String email,
			@Size(min = 1, max = 200) @Pattern(regexp = SINGLE_LINE, message = "must be a single line") String displayName,
			@NotNull OrganisationRole role,
			Map<@NotNull UUID, @NotNull SiteRole> sites,
			@NotNull Members.Onboarding onboarding) {
	}

	/** Null leaves a field as it is; {@code sites} replaces all site roles. */
	record MemberChanges(OrganisationRole role, Map<@NotNull UUID, @NotNull SiteRole> sites) {
	}

	/** A newly added member; {@code temporaryPassword} is shown this once and never again. */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	record AddedMember(UUID userId, String email, String displayName, OrganisationRole role, Member.Status status,
			List<SiteRoleView> sites, boolean mfaEnabled, Instant lockedUntil, Instant createdAt,
			boolean accountCreated, String temporaryPassword) {

		static AddedMember of(Members.Added added) {
			var m = added.member();
			return new AddedMember(m.userId(), m.email(), m.displayName(), m.role(), m.status(), m.sites(),
					m.mfaEnabled(), m.lockedUntil(), m.createdAt(), added.accountCreated(), added.temporaryPassword());
		}
	}

	@GetMapping
	@Operation(summary = "The organisation's members, filtered by name or email (q), role, status or a site they hold a role at")
	PageOf<MemberView> list(Caller caller, @PathVariable UUID organisationId, @RequestParam(required = false) Integer page,
			@RequestParam(required = false) Integer size, @RequestParam(required = false) String sort,
			@RequestParam(required = false) @Size(max = 200) String q,
			@RequestParam(required = false) OrganisationRole role,
			@RequestParam(required = false) Member.Status status, @RequestParam(required = false) UUID siteId) {
		var query = PageQuery.of(page, size, sort, MemberDirectory.SORTABLE, "name");
		var scope = access.organisation(caller, organisationId, Permission.MEMBER_READ);
		return transactions.read(scope,
				() -> directory.list(organisationId, query, new MemberDirectory.Filter(q, role, status, siteId)));
	}

	@GetMapping("/{userId}")
	MemberView get(Caller caller, @PathVariable UUID organisationId, @PathVariable UUID userId) {
		var scope = access.organisation(caller, organisationId, Permission.MEMBER_READ);
		return transactions.read(scope, () -> directory.find(organisationId, userId))
			.orElseThrow(() -> ApiException.notFound("member"));
	}

	@PostMapping
	@Operation(summary = "Add a person by email, creating their user if there is none; onboarding INVITATION emails them, "
			+ "TEMPORARY_PASSWORD answers a one-time password for a new user")
	ResponseEntity<AddedMember> add(Caller caller, @PathVariable UUID organisationId, @Valid @RequestBody NewMember body) {
		var scope = access.organisation(caller, organisationId, Permission.MEMBER_MANAGE);
		var added = members.add(caller, scope, organisationId, new Members.Addition(body.email(), body.displayName(),
				body.role(), body.sites() == null ? Map.of() : body.sites(), body.onboarding()));
		return ResponseEntity.status(HttpStatus.CREATED)
			.header(HttpHeaders.LOCATION, "/api/v1/organisations/" + organisationId + "/members/" + added.member().userId())
			.cacheControl(CacheControl.noStore())
			.body(AddedMember.of(added));
	}

	@PatchMapping("/{userId}")
	@Operation(summary = "Change a member's organisation role and/or replace their site roles")
	MemberView change(Caller caller, @PathVariable UUID organisationId, @PathVariable UUID userId,
			@Valid @RequestBody MemberChanges body) {
		var scope = access.organisation(caller, organisationId, Permission.MEMBER_MANAGE);
		if (body.role() == null && body.sites() == null) {
			throw ApiException.invalid("body", "send role, sites or both");
		}
		return members.change(caller, scope, organisationId, userId, body.role(), body.sites());
	}

	@PostMapping("/{userId}/deactivate")
	@Operation(summary = "Deactivate a member; their sign-ins stop reaching this organisation at once")
	MemberView deactivate(Caller caller, @PathVariable UUID organisationId, @PathVariable UUID userId) {
		var scope = access.organisation(caller, organisationId, Permission.MEMBER_MANAGE);
		return members.deactivate(caller, scope, organisationId, userId);
	}

	@PostMapping("/{userId}/reactivate")
	MemberView reactivate(Caller caller, @PathVariable UUID organisationId, @PathVariable UUID userId) {
		var scope = access.organisation(caller, organisationId, Permission.MEMBER_MANAGE);
		return members.reactivate(caller, scope, organisationId, userId);
	}

	@PostMapping("/{userId}/unlock")
	@Operation(summary = "Lift a member's sign-in lockout before it runs out")
	MemberView unlock(Caller caller, @PathVariable UUID organisationId, @PathVariable UUID userId) {
		var scope = access.organisation(caller, organisationId, Permission.MEMBER_MANAGE);
		return members.unlock(scope, organisationId, userId);
	}
}
