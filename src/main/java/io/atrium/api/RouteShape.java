package io.atrium.api;

import java.util.Arrays;

/**
 * The literal segments of a request-mapping path pattern, for a cheap first test of whether
 * the pattern can match a path: {@code /api/v1/sites/{siteId}/interactions} can only match a
 * path of five segments whose first, second, third and fifth are {@code api}, {@code v1},
 * {@code sites} and {@code interactions}. A segment with a variable or a wildcard matches any
 * segment. Patterns whose segment count is not fixed ({@code **}, {@code {*rest}}), that
 * constrain a variable with a regular expression (which may span a {@code /}), or that are not
 * absolute are "open": they may match anything and are left to Spring's own matching.
 */
record RouteShape(String[] literals, boolean isOpen) {

	private static final RouteShape OPEN = new RouteShape(new String[0], true);

	static RouteShape of(String pattern) {
		if (!pattern.startsWith("/") || pattern.contains("**") || pattern.contains("{*") || pattern.contains(":")
				|| pattern.contains("\\")) {
			return OPEN;
		}
		var segments = pattern.substring(1).split("/", -1);
		var literals = new String[segments.length];
		for (int i = 0; i < segments.length; i++) {
			var segment = segments[i];
			boolean variable = segment.indexOf('{') >= 0 || segment.indexOf('*') >= 0 || segment.indexOf('?') >= 0;
			literals[i] = variable ? null : segment;
		}
		return new RouteShape(literals, false);
	}

	/**
	 * The decoded segments of a lookup path, or null when the path is not compared segment by
	 * segment: it carries percent-escapes or matrix parameters (which Spring decodes or strips
	 * before matching) or an empty segment other than a trailing one.
	 */
	static String[] segmentsOf(String lookupPath) {
		if (!lookupPath.startsWith("/") || lookupPath.indexOf('%') >= 0 || lookupPath.indexOf(';') >= 0
				|| lookupPath.contains("//")) {
			return null;
		}
		return lookupPath.substring(1).split("/", -1);
	}

	/** False only when no path with these segments can match the pattern; true for open patterns. */
	boolean mayMatch(String[] segments) {
		if (isOpen) {
			return true;
		}
		if (segments.length != literals.length) {
			return false;
		}
		for (int i = 0; i < literals.length; i++) {
			if (literals[i] != null && !literals[i].equals(segments[i])) {
				return false;
			}
		}
		return true;
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof RouteShape shape && isOpen == shape.isOpen && Arrays.equals(literals, shape.literals);
	}

	@Override
	public int hashCode() {
		return 31 * Arrays.hashCode(literals) + Boolean.hashCode(isOpen);
	}

	@Override
	public String toString() {
		return isOpen ? "open" : Arrays.toString(literals);
	}
}
