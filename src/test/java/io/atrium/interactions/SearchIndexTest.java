package io.atrium.interactions;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.atrium.test.AtriumTest;

/**
 * New interactions go straight into the search index, not into a pending list that every search
 * would read until vacuum merges it (V65; measured in docs/benchmarks.md). An index rebuilt by a
 * later migration must keep that.
 */
@AtriumTest
class SearchIndexTest {

	@Autowired
	JdbcClient jdbc;

	@Test
	void theSearchIndexKeepsNoPendingList() {
		var options = jdbc.sql("""
				select coalesce(array_to_string(c.reloptions, ','), '') from pg_class c
				join pg_namespace n on n.oid = c.relnamespace
				where n.nspname = current_schema() and c.relname = 'interactions_search_idx'
				""").query(String.class).single();

		assertThat(options).contains("fastupdate=off");
	}
}
