package io.atrium.audit;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;
import java.util.regex.Pattern;

import io.atrium.api.ApiException;

/**
 * Where a page of audit entries ended: the last entry's time (in microseconds, as stored) and
 * id. Opaque to clients, who only hand it back; keyset paging stays exact while new entries
 * are appended at the newest end.
 */
record AuditCursor(Instant occurredAt, UUID id) {

	private static final Pattern FORMAT = Pattern.compile("a2:(-?\\d{1,19}):([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})");

	String encode() {
		var micros = Math.addExact(Math.multiplyExact(occurredAt.getEpochSecond(), 1_000_000L), occurredAt.getNano() / 1_000);
		return Base64.getUrlEncoder().withoutPadding()
			.encodeToString(("a2:" + micros + ":" + id).getBytes(StandardCharsets.US_ASCII));
	}

	static AuditCursor decode(String cursor) {
		try {
			var matcher = FORMAT.matcher(new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.US_ASCII));
			if (matcher.matches()) {
				var micros = Long.parseLong(matcher.group(1));
				var instant = Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1_000);
				return new AuditCursor(instant, UUID.fromString(matcher.group(2)));
			}
		}
		catch (IllegalArgumentException | java.time.DateTimeException e) {
			// not base64, or numbers out of range: answered below like any other foreign cursor
		}
		throw ApiException.invalid("cursor", "is not a cursor from an earlier page of this list; start again without it");
	}
}
