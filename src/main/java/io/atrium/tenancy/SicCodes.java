package io.atrium.tenancy;

import java.util.regex.Pattern;

/** UK Standard Industrial Classification of economic activities. */
final class SicCodes {

	static final String VERSION = "SIC2007";

	private static final Pattern FORMAT = Pattern.compile("\\d{5}");

	private SicCodes() {
	}

	static boolean isValid(String code) {
		return code != null && FORMAT.matcher(code).matches();
	}
}
