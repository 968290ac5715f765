package io.atrium.api;

/** SQL LIKE patterns from user text, with the wildcards in it escaped. */
public final class Like {

	private Like() {
	}

	/** A pattern matching values that contain {@code text} anywhere (use with ILIKE). */
	public static String containing(String text) {
		return "%" + text.strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
	}
}
