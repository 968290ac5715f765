package io.atrium.access;

import java.util.Map;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

import io.atrium.access.AccessEvents.MemberInvited;
import io.atrium.access.AccessEvents.MemberUnlocked;
import io.atrium.access.MemberDirectory.MemberView;
import io.atrium.api.ApiException;
import io.atrium.database.Scope;
import io.atrium.database.TenantTransactions;
import io.atrium.identity.UserAccount;
import io.atrium.identity.UserAccounts;

/**
 * Managing an organisation's members on behalf of a caller that {@link Access} has already
 * allowed to manage them. Adds the rules that depend on who is acting; the rules about the
 * membership itself (one owner at least, sites of the organisation only) are {@link Memberships}'.
 */
@Service
class Members {

	private final TenantTransactions transactions;
	private final Memberships memberships;
	private final MemberDirectory directory;
	private final UserAccounts accounts;
	private final ApplicationEventPublisher events;

	Members(TenantTransactions transactions, Memberships memberships, MemberDirectory directory, UserAccounts accounts,
			ApplicationEventPublisher events) {
		this.transactions = transactions;
		this.memberships = memberships;
		this.directory = directory;
		this.accounts = accounts;
		this.events = events;
	}

	/** How a person added by email gets in. */
	enum Onboarding {
		/** An email with a link: new users choose their password there, existing users are told they were added. */
		INVITATION,
		/** New users get a generated password, shown once to the admin, to be changed at first sign-in. */
		TEMPORARY_PASSWORD
	}

	/** A new member: who to add, with which roles, and how they learn of it. */
	record Addition(String email, String displayName, OrganisationRole role, Map<UUID, SiteRole> sites,
			Onboarding onboarding) {
	}

	/**
	 * @param accountCreated whether a user was created for the email
	 * @param temporaryPassword the generated password, only when one was created; never stored in clear
	 */
	record Added(MemberView member, boolean accountCreated, String temporaryPassword) {
	}

	/**
	 * Adds the person with this email, creating their user first when there is none. Creating the
	 * user and the membership is one transaction: a rejected site or role leaves no user behind.
	 */
	Added add(Caller caller, Scope scope, UUID organisationId, Addition addition) {
		onlyOwnersMayGrantOwner(caller, organisationId, addition.role());
		return transactions.write(scope, () -> {
			var existing = accounts.findByEmail(addition.email().strip());
			String temporaryPassword = null;
			UserAccount user;
			if (existing.isPresent()) {
				user = existing.get();
			}
			else {
				if (addition.displayName() == null || addition.displayName().isBlank()) {
					throw ApiException.invalid("displayName", "is required when no user has this email yet");
				}
				if (addition.onboarding() == Onboarding.TEMPORARY_PASSWORD) {
					temporaryPassword = accounts.generatePassword();
				}
				user = accounts.create(addition.email().strip(), addition.displayName().strip(), temporaryPassword,
						temporaryPassword != null, "temporaryPassword");
			}
			memberships.add(scope, organisationId, user.id(), addition.role(), addition.sites());
			if (addition.onboarding() == Onboarding.INVITATION) {
				events.publishEvent(new MemberInvited(organisationId, user.id(), existing.isEmpty()));
			}
			return new Added(view(organisationId, user.id()), existing.isEmpty(), temporaryPassword);
		});
	}

	/** Changes the organisation role and/or replaces the site roles; null leaves either as it is. */
	MemberView change(Caller caller, Scope scope, UUID organisationId, UUID userId, OrganisationRole role,
			Map<UUID, SiteRole> sites) {
		onlyOwnersMayGrantOwner(caller, organisationId, role);
		return changeMember(caller, scope, organisationId, userId,
				() -> memberships.changeRoles(scope, organisationId, userId, role, sites));
	}

	/** Ends the membership for now; the member's tokens stop working in this organisation at once. */
	MemberView deactivate(Caller caller, Scope scope, UUID organisationId, UUID userId) {
		return changeMember(caller, scope, organisationId, userId,
				() -> memberships.deactivate(scope, organisationId, userId));
	}

	MemberView reactivate(Caller caller, Scope scope, UUID organisationId, UUID userId) {
		return changeMember(caller, scope, organisationId, userId,
				() -> memberships.reactivate(scope, organisationId, userId));
	}

	private MemberView changeMember(Caller caller, Scope scope, UUID organisationId, UUID userId, Runnable change) {
		return transactions.write(scope, () -> {
			var current = memberships.get(scope, organisationId, userId).orElseThrow(() -> ApiException.notFound("member"));
			onlyOwnersMayChangeOwners(caller, organisationId, current.role());
			change.run();
			return view(organisationId, userId);
		});
	}

	/** Lifts a sign-in lockout of a member of this organisation (and only of one). */
	MemberView unlock(Scope scope, UUID organisationId, UUID userId) {
		return transactions.write(scope, () -> {
			memberships.get(scope, organisationId, userId).orElseThrow(() -> ApiException.notFound("member"));
			accounts.unlock(userId);
			events.publishEvent(new MemberUnlocked(organisationId, userId));
			return view(organisationId, userId);
		});
	}

	private MemberView view(UUID organisationId, UUID userId) {
		return directory.find(organisationId, userId).orElseThrow(() -> ApiException.notFound("member"));
	}

	/** Owners are the organisation's last word: only an owner may make someone else one. */
	private static void onlyOwnersMayGrantOwner(Caller caller, UUID organisationId, OrganisationRole role) {
		if (role == OrganisationRole.OWNER && !isOwner(caller, organisationId)) {
			throw ApiException.forbidden("Only an owner may make someone an owner.");
		}
	}

	/** Otherwise an admin could demote or deactivate the owners and take the organisation over. */
	private static void onlyOwnersMayChangeOwners(Caller caller, UUID organisationId, OrganisationRole currentRole) {
		if (currentRole == OrganisationRole.OWNER && !isOwner(caller, organisationId)) {
			throw ApiException.forbidden("Only an owner may change, deactivate or reactivate an owner.");
		}
	}

	/** Super admins operate the platform and count as owners of every organisation. */
	private static boolean isOwner(Caller caller, UUID organisationId) {
		if (caller.superAdmin()) {
			return true;
		}
		var membership = caller.memberships().get(organisationId);
		return membership != null && membership.role() == OrganisationRole.OWNER;
	}
}
