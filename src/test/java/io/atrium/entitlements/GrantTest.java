package io.atrium.entitlements;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import io.atrium.entitlements.OrganisationEntitlements.Grant;

class GrantTest {

	static final Instant NOW = Instant.parse("2026-11-22T12:00:00Z");

	@Test
	void anEnabledGrantWithoutExpiryIsActive() {
		assertThat(new Grant(true, null).activeAt(NOW)).isTrue();
	}

	@Test
	void aDisabledGrantIsNeverActive() {
		assertThat(new Grant(false, null).activeAt(NOW)).isFalse();
	}

	@Test
	void aGrantStopsAtItsExpiry() {
		var grant = new Grant(true, NOW);
		assertThat(grant.activeAt(NOW.minusSeconds(1))).isTrue();
		assertThat(grant.activeAt(NOW)).isFalse();
	}
}
