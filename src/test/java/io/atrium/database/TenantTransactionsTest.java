package io.atrium.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.atrium.test.AtriumTest;

/** Settings a read asks for hold for its transaction only, like the scope set beside them. */
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

	private String setting(String name) {
		return jdbc.sql("select current_setting(?)").param(name).query(String.class).single();
	}
}
