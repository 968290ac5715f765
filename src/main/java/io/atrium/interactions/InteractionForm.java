package io.atrium.interactions;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import io.atrium.api.ApiException;
import io.atrium.api.ApiException.FieldProblem;
import io.atrium.api.TimeZones;

/**
 * An interaction as a person submits it, every field as text, through the API or a CSV row. The
 * server's checks here are the source of truth: {@link #check} reports every invalid field at
 * once rather than stopping at the first.
 *
 * <p>{@code start} and {@code end} are ISO-8601 local date-times read in {@code timezone}. They may
 * carry the zone's offset ({@code 2026-10-25T01:30:00+00:00}), which picks one of the two moments a
 * local time names when clocks go back; without it the earlier one is meant. A local time that
 * does not exist (clocks go forward) is refused rather than silently moved.
 */
record InteractionForm(String title, String type, String lead, String start, String end, String timezone,
		String location, String description, String notes) {

	static final int TITLE_MAX = 200;
	static final int LEAD_MAX = 100;
	static final int LOCATION_MAX = 200;
	static final int TEXT_MAX = 20_000;
	static final int TIMEZONE_MAX = 64;

	private static final Pattern CONTROL = Pattern.compile("[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F]");
	private static final Pattern LINE_BREAK = Pattern.compile("[\\r\\n\\t]");

	/** Checked details, ready to store. */
	record Details(String title, String type, String lead, Instant start, Instant end, String timezone, String location,
			String description, String notes) {
	}

	/** Either details or the problems that keep them from being valid. */
	record Checked(Details details, List<FieldProblem> problems) {

		Details orThrow() {
			if (!problems.isEmpty()) {
				throw ApiException.invalid(problems);
			}
			return details;
		}
	}

	Checked check(InteractionTypes.Catalogue types) {
		var problems = new ArrayList<FieldProblem>();
		var title = line("title", this.title, TITLE_MAX, true, problems);
		var lead = line("lead", this.lead, LEAD_MAX, true, problems);
		var location = line("location", this.location, LOCATION_MAX, false, problems);
		var description = text("description", this.description, problems);
		var notes = text("notes", this.notes, problems);
		String type = null;
		if (blank(this.type)) {
			problems.add(new FieldProblem("type", "is required; one of: " + String.join(", ", types.names())));
		}
		else {
			type = types.resolve(this.type.strip()).orElse(null);
			if (type == null) {
				problems.add(new FieldProblem("type", "must be one of the organisation's interaction types: "
						+ String.join(", ", types.names())));
			}
		}
		ZoneId zone = null;
		if (blank(timezone)) {
			problems.add(new FieldProblem("timezone", "is required; an IANA time zone such as Europe/London"));
		}
		else if (timezone.length() > TIMEZONE_MAX || !TimeZones.isKnown(timezone.strip())) {
			problems.add(new FieldProblem("timezone", "must be an IANA time zone such as Europe/London"));
		}
		else {
			zone = ZoneId.of(timezone.strip());
		}
		Instant start = null;
		if (blank(this.start)) {
			problems.add(new FieldProblem("start", "is required; an ISO-8601 local date-time such as 2026-03-14T09:30:00"));
		}
		else {
			start = moment("start", this.start.strip(), zone, problems);
		}
		Instant end = blank(this.end) ? null : moment("end", this.end.strip(), zone, problems);
		if (start != null && end != null && end.isBefore(start)) {
			problems.add(new FieldProblem("end", "must not be before start"));
		}
		var details = problems.isEmpty()
				? new Details(title, type, lead, start, end, zone.getId(), location, description, notes) : null;
		return new Checked(details, sorted(problems));
	}

	private static List<FieldProblem> sorted(List<FieldProblem> problems) {
		return problems.stream().sorted(java.util.Comparator.comparing(FieldProblem::field)).toList();
	}

	private static boolean blank(String value) {
		return value == null || value.isBlank();
	}

	private static String line(String field, String value, int max, boolean required, List<FieldProblem> problems) {
		if (blank(value)) {
			if (required) {
				problems.add(new FieldProblem(field, "is required"));
			}
			return null;
		}
		var stripped = value.strip();
		if (CONTROL.matcher(stripped).find() || LINE_BREAK.matcher(stripped).find()) {
			problems.add(new FieldProblem(field, "must be a single line without control characters"));
		}
		else if (stripped.codePointCount(0, stripped.length()) > max) {
			problems.add(new FieldProblem(field, "must be at most " + max + " characters"));
		}
		return stripped;
	}

	private static String text(String field, String value, List<FieldProblem> problems) {
		if (blank(value)) {
			return null;
		}
		if (CONTROL.matcher(value).find()) {
			problems.add(new FieldProblem(field, "must not contain control characters"));
		}
		else if (value.codePointCount(0, value.length()) > TEXT_MAX) {
			problems.add(new FieldProblem(field, "must be at most " + TEXT_MAX + " characters"));
		}
		return value;
	}

	/** A local date-time (optionally with the zone's offset) read in the zone; null and a problem when it names no moment. */
	static Instant moment(String field, String text, ZoneId zone, List<FieldProblem> problems) {
		LocalDateTime local;
		ZoneOffset offset = null;
		try {
			local = LocalDateTime.parse(text, DateTimeFormatter.ISO_LOCAL_DATE_TIME);
		}
		catch (DateTimeParseException notLocal) {
			try {
				var withOffset = OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME);
				local = withOffset.toLocalDateTime();
				offset = withOffset.getOffset();
			}
			catch (DateTimeParseException e) {
				problems.add(new FieldProblem(field, "must be an ISO-8601 local date-time such as 2026-03-14T09:30:00"));
				return null;
			}
		}
		if (local.getYear() < 1 || local.getYear() > 9999) {
			problems.add(new FieldProblem(field, "must be in the years 0001 to 9999"));
			return null;
		}
		if (local.getNano() % 1000 != 0) {
			problems.add(new FieldProblem(field, "must not be more precise than microseconds"));
			return null;
		}
		if (zone == null) {
			return null; // the time zone's own problem is reported; the moment cannot be known without it
		}
		try {
			var valid = zone.getRules().getValidOffsets(local);
			if (valid.isEmpty()) {
				problems.add(new FieldProblem(field, text + " does not exist in " + zone.getId()
						+ ": the clocks go forward then. Choose a time outside the gap."));
				return null;
			}
			if (offset != null && !valid.contains(offset)) {
				problems.add(new FieldProblem(field, "has offset " + offset + ", but " + zone.getId() + " is at "
						+ valid.stream().map(ZoneOffset::toString).collect(java.util.stream.Collectors.joining(" or "))
						+ " then"));
				return null;
			}
			return ZonedDateTime.ofLocal(local, zone, offset).toInstant();
		}
		catch (DateTimeException e) {
			problems.add(new FieldProblem(field, "cannot be read in " + zone.getId()));
			return null;
		}
	}
}
