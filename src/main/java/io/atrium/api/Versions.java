package io.atrium.api;

import java.util.regex.Pattern;

/**
 * Optimistic locking over HTTP (RFC 9110 §13.1.1): a record's version is its ETag, and an
 * update may send it back in {@code If-Match} to fail with 412 when someone else changed it first.
 */
public final class Versions {

	private static final Pattern ETAG = Pattern.compile("(?:W/)?\"(\\d{1,9})\"");

	private Versions() {
	}

	public static String etag(int version) {
		return "\"" + version + "\"";
	}

	/** The version an {@code If-Match} header expects; null when absent or {@code *}. */
	public static Integer expected(String ifMatch) {
		if (ifMatch == null || ifMatch.isBlank() || ifMatch.strip().equals("*")) {
			return null;
		}
		var matcher = ETAG.matcher(ifMatch.strip());
		if (!matcher.matches()) {
			throw ApiException.invalid("If-Match", "must be an ETag from an earlier response, such as \"3\"");
		}
		return Integer.parseInt(matcher.group(1));
	}
}
