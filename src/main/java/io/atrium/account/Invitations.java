package io.atrium.account;

import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

import io.atrium.access.AccessEvents.MemberInvited;
import io.atrium.api.ApiException;
import io.atrium.api.ApiProperties;
import io.atrium.database.Scope;
import io.atrium.identity.PasswordResets;
import io.atrium.identity.UserAccounts;
import io.atrium.mail.Mailer;
import io.atrium.tenancy.Organisation;
import io.atrium.tenancy.Organisations;

/**
 * Tells a person they were added to an organisation. Access publishes {@link MemberInvited} but
 * cannot name the organisation (that is tenancy's, and tenancy depends on access), so the mail is
 * written here. It goes out just before the membership commits: if the mail cannot be sent, the
 * member is not added; if the commit fails after it, the link in it no longer works.
 */
@Component
class Invitations {

	private final Organisations organisations;
	private final PasswordResets resets;
	private final UserAccounts accounts;
	private final Mailer mailer;
	private final ApiProperties api;

	Invitations(Organisations organisations, PasswordResets resets, UserAccounts accounts, Mailer mailer, ApiProperties api) {
		this.organisations = organisations;
		this.resets = resets;
		this.accounts = accounts;
		this.mailer = mailer;
		this.api = api;
	}

	@TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT)
	void on(MemberInvited invited) {
		var organisation = organisations.get(Scope.system(invited.organisationId()), invited.organisationId())
			.map(Organisation::name).orElseThrow(() -> ApiException.notFound("organisation"));
		if (invited.accountCreated()) {
			resets.invite(invited.userId(), organisation);
			return;
		}
		var user = accounts.find(invited.userId()).orElseThrow(() -> ApiException.notFound("user"));
		mailer.send(user.email(), "You have been added to " + organisation + " on Atrium", """
				Hello %s,

				You have been added to %s on Atrium. Sign in as usual to open it:

				%s

				If you have not chosen a password yet, use "Forgot password" on the sign-in page.
				""".formatted(user.displayName(), organisation, api.publicUrl()));
	}
}
