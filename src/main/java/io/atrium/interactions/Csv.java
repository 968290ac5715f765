package io.atrium.interactions;

import java.util.ArrayList;
import java.util.List;

import org.springframework.http.HttpStatus;

import io.atrium.api.ApiException;

/**
 * CSV as RFC 4180 writes it: comma-separated, CRLF line ends, fields with commas, quotes or line
 * breaks in double quotes with inner quotes doubled. Cells that a spreadsheet would run as a
 * formula (starting with = + - @ tab or carriage return, after any apostrophes) are written with
 * one more leading apostrophe (OWASP "CSV injection"), and read back without it.
 */
final class Csv {

	/** Apostrophes then a formula character: guarded on the way out, so that the guard can be undone exactly. */
	private static final java.util.regex.Pattern GUARDED = java.util.regex.Pattern.compile("^'*[=+\\-@\t\r]");
	private static final java.util.regex.Pattern UNGUARD = java.util.regex.Pattern.compile("^'+[=+\\-@\t\r]");

	private Csv() {
	}

	/** One parsed record and the line of the file it starts on. */
	record Record(int line, List<String> fields) {
	}

	static String cell(String value) {
		if (value == null || value.isEmpty()) {
			return "";
		}
		var safe = GUARDED.matcher(value).find() ? "'" + value : value;
		if (safe.indexOf(',') >= 0 || safe.indexOf('"') >= 0 || safe.indexOf('\n') >= 0 || safe.indexOf('\r') >= 0) {
			return '"' + safe.replace("\"", "\"\"") + '"';
		}
		return safe;
	}

	static String row(List<String> values) {
		var line = new StringBuilder();
		for (int i = 0; i < values.size(); i++) {
			if (i > 0) {
				line.append(',');
			}
			line.append(cell(values.get(i)));
		}
		return line.append("\r\n").toString();
	}

	/** Undoes the formula guard of {@link #cell}: {@code uncell(cell(v))} is {@code v} for every v. */
	static String uncell(String value) {
		return UNGUARD.matcher(value).find() ? value.substring(1) : value;
	}

	/**
	 * Parses the whole text; blank lines are skipped. Broken quoting cannot be recovered from (where
	 * the next record starts is unknowable), so it fails the whole file with the line to look at.
	 *
	 * @param maxRecords the most records accepted, header included
	 */
	static List<Record> parse(String text, int maxRecords) {
		var records = new ArrayList<Record>();
		var fields = new ArrayList<String>();
		var field = new StringBuilder();
		var line = 1;
		var recordLine = 1;
		var i = 0;
		var n = text.length();
		var fieldStarted = false;
		while (i < n) {
			var c = text.charAt(i);
			if (!fieldStarted && c == '"') {
				var openedOn = line;
				i++;
				while (true) {
					if (i >= n) {
						throw malformed("a quoted field opened on line " + openedOn + " is never closed");
					}
					var q = text.charAt(i);
					if (q == '"') {
						if (i + 1 < n && text.charAt(i + 1) == '"') {
							field.append('"');
							i += 2;
							continue;
						}
						i++;
						break;
					}
					if (q == '\n' || (q == '\r' && (i + 1 >= n || text.charAt(i + 1) != '\n'))) {
						line++;
					}
					field.append(q);
					i++;
				}
				if (i < n && text.charAt(i) != ',' && text.charAt(i) != '\r' && text.charAt(i) != '\n') {
					throw malformed("line " + line + ": text after a closing quote; write a quote inside a quoted field as two quotes (\"\")");
				}
				fieldStarted = true;
				continue;
			}
			if (c == ',') {
				fields.add(field.toString());
				field.setLength(0);
				fieldStarted = false;
				i++;
				continue;
			}
			if (c == '\r' || c == '\n') {
				i += c == '\r' && i + 1 < n && text.charAt(i + 1) == '\n' ? 2 : 1;
				fields.add(field.toString());
				field.setLength(0);
				fieldStarted = false;
				addRecord(records, recordLine, fields, maxRecords);
				fields = new ArrayList<>();
				line++;
				recordLine = line;
				continue;
			}
			if (c == '"') {
				throw malformed("line " + line + ": a quote inside an unquoted field; put the whole field in quotes and write inner quotes twice");
			}
			field.append(c);
			fieldStarted = true;
			i++;
		}
		if (fieldStarted || !fields.isEmpty()) {
			fields.add(field.toString());
			addRecord(records, recordLine, fields, maxRecords);
		}
		return records;
	}

	private static void addRecord(List<Record> records, int line, List<String> fields, int maxRecords) {
		if (fields.size() == 1 && fields.get(0).isEmpty()) {
			return; // a blank line
		}
		if (records.size() >= maxRecords) {
			throw new ApiException(HttpStatus.CONTENT_TOO_LARGE, "too-many-rows", "Too many rows",
					"A file may hold at most " + (maxRecords - 1) + " rows. Split it and import the parts one by one.", null);
		}
		records.add(new Record(line, List.copyOf(fields)));
	}

	private static ApiException malformed(String detail) {
		return ApiException.badRequest("csv-malformed", "The CSV file cannot be read: " + detail + ". Nothing was imported.");
	}
}
