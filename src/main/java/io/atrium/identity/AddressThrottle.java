package io.atrium.identity;

import java.time.Clock;

import org.springframework.stereotype.Component;

import io.atrium.api.ApiException;

/**
 * Counts failed sign-in steps (wrong passwords and wrong second-factor codes) per client
 * address, so one address cannot try passwords against many accounts. Kept in memory per node.
 */
@Component
class AddressThrottle {

	private final FixedWindowCounter failures;

	AddressThrottle(IdentityProperties properties, Clock clock) {
		this.failures = new FixedWindowCounter(properties.addressFailureLimit(), properties.lockoutWindow(), clock);
	}

	/** @throws ApiException 429 with Retry-After while the address has too many recent failures */
	void check(String address) {
		var wait = failures.waitSeconds(key(address));
		if (wait > 0) {
			throw ApiException.tooManyRequests(
					"Too many failed sign-ins from your address. Try again in " + wait + " seconds.", wait);
		}
	}

	void failed(String address) {
		failures.count(key(address));
	}

	private static String key(String address) {
		return address == null ? "unknown" : address;
	}
}
