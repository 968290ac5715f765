package io.atrium.api;

import java.time.ZoneId;
import java.util.Set;

/**
 * The IANA time zone ids this runtime knows. {@link ZoneId#getAvailableZoneIds()} copies about
 * 600 ids into a new set on every call; validating a form with it was a measurable share of a
 * create's CPU time.
 */
public final class TimeZones {

	private static final Set<String> KNOWN = Set.copyOf(ZoneId.getAvailableZoneIds());

	private TimeZones() {
	}

	/** Whether {@code id} names a region zone such as Europe/London (exactly, case included). */
	public static boolean isKnown(String id) {
		return id != null && KNOWN.contains(id);
	}
}
