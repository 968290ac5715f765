package io.atrium.access;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The mail Atrium wrote to its mail log ({@code atrium.mail.log-file}) when no SMTP server is
 * configured: one entry per message, each opening with a {@code -----} line.
 */
public final class MailLog {

	private static final Pattern TOKEN = Pattern.compile("token=([A-Za-z0-9_-]+)");

	private final Path file;

	public MailLog(Path file) {
		this.file = file;
	}

	/** The messages sent to this address, whole (headers and body), oldest first. */
	public List<String> to(String email) {
		if (!Files.exists(file)) {
			return List.of();
		}
		try {
			var text = Files.readString(file, StandardCharsets.UTF_8);
			return Arrays.stream(text.split("(?m)^----- ")).filter(entry -> entry.contains("\nTo: " + email + "\n")).toList();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** The token of the link in a message. */
	public static String token(String message) {
		var matcher = TOKEN.matcher(message);
		if (!matcher.find()) {
			throw new AssertionError("No link with a token in: " + message);
		}
		return matcher.group(1);
	}
}
