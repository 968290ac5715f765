package io.atrium.webhooks;

import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import io.atrium.api.ApiProperties;
import io.atrium.database.Scope;
import io.atrium.database.TenantTransactions;
import io.atrium.jobs.JobHandler.JobRun;
import io.atrium.jobs.JobOutcome;
import io.atrium.jobs.JobType;
import io.atrium.mail.Mailer;
import io.atrium.tenancy.Organisations;

/** Tells an organisation's owners and admins by email that one of its endpoints was disabled. */
@Component
class WebhookNotices {

	static final JobType<DisabledNotice> DISABLED_NOTICE = new JobType<>("webhook-disabled-notice", DisabledNotice.class);

	record DisabledNotice(UUID organisationId, UUID endpointId, String reason) {
	}

	private final TenantTransactions transactions;
	private final JdbcClient jdbc;
	private final Organisations organisations;
	private final Mailer mailer;
	private final ApiProperties api;

	WebhookNotices(TenantTransactions transactions, JdbcClient jdbc, Organisations organisations, Mailer mailer, ApiProperties api) {
		this.transactions = transactions;
		this.jdbc = jdbc;
		this.organisations = organisations;
		this.mailer = mailer;
		this.api = api;
	}

	JobOutcome send(DisabledNotice notice, JobRun run) {
		var scope = Scope.system(notice.organisationId());
		var organisation = organisations.get(scope, notice.organisationId()).orElse(null);
		var url = transactions.read(scope, () -> jdbc.sql("select url from webhook_endpoints where organisation_id = ? and id = ?")
			.params(notice.organisationId(), notice.endpointId()).query(String.class).optional());
		if (organisation == null || url.isEmpty()) {
			return JobOutcome.done(); // deleted meanwhile: nothing left to tell
		}
		var subject = "Atrium stopped sending webhooks to " + url.get();
		var base = api.publicUrl().replaceAll("/+$", "") + "/api/v1/organisations/" + notice.organisationId() + "/webhooks";
		var body = """
				Atrium has disabled a webhook endpoint of %s:

				  %s

				%s

				No events are sent to it until an admin enables it again. Once the receiver works:
				  1. enable it:      PATCH %s/endpoints/%s with {"enabled": true}
				  2. send what it missed: POST %s/deliveries/replay with {"since": "<when it started failing>"}

				The delivery log (GET %s/deliveries?endpointId=%s) shows every attempt and the receiver's answers.
				""".formatted(organisation.name(), url.get(), notice.reason(), base, notice.endpointId(), base, base,
				notice.endpointId());
		for (var email : admins(scope, notice.organisationId())) {
			mailer.send(email, subject, body);
		}
		return JobOutcome.done();
	}

	/** The active owners and admins of the organisation. */
	private List<String> admins(Scope scope, UUID organisationId) {
		// a read across the access and identity tables, kept here until access offers "the admins of"
		return transactions.read(scope, () -> jdbc.sql("""
				select u.email from organisation_members m join users u on u.id = m.user_id
				where m.organisation_id = ? and m.status = 'ACTIVE' and m.role in ('OWNER', 'ADMIN') and u.status = 'ACTIVE'
				order by u.email
				""").param(organisationId).query(String.class).list());
	}
}
