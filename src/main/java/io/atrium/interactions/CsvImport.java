package io.atrium.interactions;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

import io.atrium.access.Access.SiteScope;
import io.atrium.api.ApiException;
import io.atrium.api.ApiException.FieldProblem;
import io.atrium.database.TenantTransactions;

/**
 * Imports interactions from CSV (UTF-8, a header row naming the columns in any order). A dry run
 * checks every row by the same rules as the API and reports each row's problems; a real import
 * stores every row in one transaction, or none when any row is invalid.
 */
@Service
class CsvImport {

	/** Columns an import reads. */
	static final List<String> COLUMNS = List.of("title", "type", "lead", "start", "end", "timezone", "location",
			"description", "notes");
	static final Set<String> REQUIRED = Set.of("title", "type", "lead", "start", "timezone");
	/** Columns the export adds, accepted and ignored so that an export can be imported again. */
	static final Set<String> IGNORED = Set.of("id", "siteid", "startutc", "endutc", "createdat", "createdby", "updatedat",
			"updatedby", "version");

	private final TenantTransactions transactions;
	private final Interactions interactions;
	private final InteractionTypes types;
	private final InteractionsProperties properties;

	CsvImport(TenantTransactions transactions, Interactions interactions, InteractionTypes types,
			InteractionsProperties properties) {
		this.transactions = transactions;
		this.interactions = interactions;
		this.types = types;
		this.properties = properties;
	}

	/** One data row's problems; {@code row} counts data rows from 1, {@code line} is the file's line. */
	record RowProblems(int row, int line, List<FieldProblem> errors) {
	}

	/**
	 * @param rows data rows read
	 * @param valid rows without problems
	 * @param created interactions stored (0 on a dry run)
	 */
	record Report(boolean dryRun, int rows, int valid, int created, List<RowProblems> errors, List<UUID> ids) {
	}

	Report run(SiteScope site, byte[] file, boolean dryRun) {
		var records = Csv.parse(decode(file), properties.importMaxRows() + 1);
		if (records.isEmpty()) {
			throw ApiException.badRequest("csv-empty", "The file is empty. Send a header row and one row per interaction.");
		}
		var columns = header(records.get(0).fields());
		if (records.size() == 1) {
			throw ApiException.badRequest("csv-empty", "The file has a header but no rows.");
		}
		return transactions.write(site.scope(), () -> {
			var catalogue = types.catalogue(site.organisationId());
			var problems = new ArrayList<RowProblems>();
			var valid = new ArrayList<InteractionForm.Details>();
			for (int i = 1; i < records.size(); i++) {
				var record = records.get(i);
				if (record.fields().size() != columns.size()) {
					problems.add(new RowProblems(i, record.line(), List.of(new FieldProblem("row",
							"has " + record.fields().size() + " fields; the header has " + columns.size()))));
					continue;
				}
				var values = new HashMap<String, String>();
				for (int c = 0; c < columns.size(); c++) {
					if (columns.get(c) != null) {
						values.put(columns.get(c), Csv.uncell(record.fields().get(c)));
					}
				}
				var checked = new InteractionForm(values.get("title"), values.get("type"), values.get("lead"),
						values.get("start"), values.get("end"), values.get("timezone"), values.get("location"),
						values.get("description"), values.get("notes")).check(catalogue);
				if (checked.problems().isEmpty()) {
					valid.add(checked.details());
				}
				else {
					problems.add(new RowProblems(i, record.line(), checked.problems()));
				}
			}
			var rows = records.size() - 1;
			if (dryRun) {
				return new Report(true, rows, valid.size(), 0, problems, List.of());
			}
			if (!problems.isEmpty()) {
				throw new ApiException(HttpStatus.BAD_REQUEST, "import-invalid", "Invalid rows",
						problems.size() + " of " + rows + " rows are invalid; nothing was imported. Fix them (see rows) and import again.",
						Map.of("rows", problems));
			}
			var ids = valid.stream().map(details -> interactions.insert(site, details).id()).toList();
			return new Report(false, rows, valid.size(), ids.size(), List.of(), ids);
		});
	}

	/** The column each field position holds (null for ignored ones); every header problem at once. */
	private static List<String> header(List<String> names) {
		var problems = new ArrayList<FieldProblem>();
		var columns = new ArrayList<String>();
		var seen = new LinkedHashSet<String>();
		for (var raw : names) {
			var name = raw.strip();
			var key = name.toLowerCase(Locale.ROOT);
			var column = COLUMNS.stream().filter(c -> c.equals(key)).findFirst().orElse(null);
			if (column == null && !IGNORED.contains(key)) {
				problems.add(new FieldProblem("header", "'" + name + "' is not a column; columns: " + String.join(", ", COLUMNS)));
			}
			if (!seen.add(key)) {
				problems.add(new FieldProblem("header", "'" + name + "' appears twice"));
			}
			columns.add(column);
		}
		for (var required : COLUMNS) {
			if (REQUIRED.contains(required) && !seen.contains(required)) {
				problems.add(new FieldProblem("header", "the column '" + required + "' is missing"));
			}
		}
		if (!problems.isEmpty()) {
			throw ApiException.invalid(problems);
		}
		return columns;
	}

	private static String decode(byte[] file) {
		try {
			var text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(file)).toString();
			return text.startsWith("\uFEFF") ? text.substring(1) : text;
		}
		catch (CharacterCodingException e) {
			throw ApiException.badRequest("csv-encoding", "The file is not UTF-8. Save it as \"CSV UTF-8\" and import it again.");
		}
	}
}
