package io.atrium.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.atrium.test.AtriumTest;

/**
 * Settings a read asks for hold for its transaction only, like the scope set beside them; work for
 * an organisation reuses a running scope of that organisation.
 */
@AtriumTest
class TenantTransactionsTest {

	@Autowired
	TenantTransactions transactions;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aReadsSettingsHoldForItsTransactionAndEndWithIt() {
		var during = transactions.read(Scope.anonymous(), Map.of("plan_cache_mode", "force_custom_plan"),
				() -> setting("plan_cache_mode"));
		var after = transactions.read(Scope.anonymous(), () -> setting("plan_cache_mode"));

		assertThat(during).isEqualTo("force_custom_plan");
		assertThat(after).isEqualTo("auto");
	}

	@Test
	void aNestedReadInTheSameScopeStillGetsItsSettings() {
		var nested = transactions.read(Scope.anonymous(), () -> transactions.read(Scope.anonymous(),
				Map.of("max_parallel_workers_per_gather", "0"), () -> setting("max_parallel_workers_per_gather")));

		assertThat(nested).isEqualTo("0");
	}

	@Test
	void workForTheOrganisationOfTheRunningScopeKeepsThatScope() {
		var organisation = UUID.randomUUID();
		var user = UUID.randomUUID();
		var seen = new String[1];

		transactions.run(Scope.organisation(user, organisation, false, Set.of()),
				() -> transactions.runForOrganisation(organisation, () -> seen[0] = setting("atrium.user_id")));

		assertThat(seen[0]).isEqualTo(user.toString());
	}

	@Test
	void workForAnotherOrganisationRunsInItsSystemScopeAndTheOuterScopeReturns() {
		var outer = UUID.randomUUID();
		var other = UUID.randomUUID();
		var seen = new String[2];

		var after = transactions.write(Scope.organisation(UUID.randomUUID(), outer, false, Set.of()), () -> {
			transactions.runForOrganisation(other, () -> {
				seen[0] = setting("atrium.org_id");
				seen[1] = setting("atrium.user_id");
			});
			return setting("atrium.org_id");
		});

		assertThat(seen[0]).isEqualTo(other.toString());
		assertThat(seen[1]).isEmpty();
		assertThat(after).isEqualTo(outer.toString());
	}

	private String setting(String name) {
		return jdbc.sql("select current_setting(?)").param(name).query(String.class).single();
	}
}
