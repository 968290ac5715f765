package io.atrium.entitlements;

/** An organisation's plan tier; feature flags target it and rate limits are sized by it. */
public enum Plan {
	FREE, STANDARD, ENTERPRISE
}
