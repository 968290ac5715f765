package io.atrium.operations;

import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

import io.atrium.api.ApiException;
import io.atrium.database.Scope;
import io.atrium.database.TenantTransactions;
import io.atrium.operations.OperationsEvents.OrganisationResumed;
import io.atrium.operations.OperationsEvents.OrganisationSuspended;
import io.atrium.tenancy.Organisation;
import io.atrium.tenancy.Organisations;

/**
 * Suspending an organisation stops its members from using it (see {@link SuspendedOrganisations})
 * and keeps every piece of its data; resuming gives it back exactly as it was.
 */
@Service
class OrganisationLifecycle {

	private final TenantTransactions transactions;
	private final Organisations organisations;
	private final ApplicationEventPublisher events;

	OrganisationLifecycle(TenantTransactions transactions, Organisations organisations, ApplicationEventPublisher events) {
		this.transactions = transactions;
		this.organisations = organisations;
		this.events = events;
	}

	Organisation suspend(Scope platform, UUID organisationId, String reason) {
		return transactions.write(platform, () -> {
			var current = organisations.get(platform, organisationId).orElseThrow(() -> ApiException.notFound("organisation"));
			if (current.status() == Organisation.Status.SUSPENDED) {
				throw ApiException.conflict("already-suspended",
						"The organisation is already suspended. Resume it with POST /api/v1/admin/organisations/" + organisationId + "/resume.");
			}
			var suspended = organisations.setStatus(platform, organisationId, Organisation.Status.SUSPENDED);
			events.publishEvent(new OrganisationSuspended(organisationId, reason));
			return suspended;
		});
	}

	Organisation resume(Scope platform, UUID organisationId) {
		return transactions.write(platform, () -> {
			var current = organisations.get(platform, organisationId).orElseThrow(() -> ApiException.notFound("organisation"));
			if (current.status() == Organisation.Status.ACTIVE) {
				throw ApiException.conflict("not-suspended", "The organisation is active; there is nothing to resume.");
			}
			var resumed = organisations.setStatus(platform, organisationId, Organisation.Status.ACTIVE);
			events.publishEvent(new OrganisationResumed(organisationId));
			return resumed;
		});
	}
}
