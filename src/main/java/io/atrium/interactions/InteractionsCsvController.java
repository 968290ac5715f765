package io.atrium.interactions;

import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.springdoc.core.annotations.ParameterObject;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import io.atrium.access.Access;
import io.atrium.access.Caller;
import io.atrium.access.Permission;
import io.atrium.database.Scope;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** CSV out (the Finder's current result, streamed) and in (dry run, then all or nothing). */
@RestController
@Tag(name = "Interactions")
class InteractionsCsvController {

	static final List<String> EXPORT_COLUMNS = List.of("id", "siteId", "title", "type", "lead", "start", "end", "timezone",
			"location", "description", "notes", "startUtc", "endUtc", "createdAt", "createdBy", "updatedAt", "updatedBy",
			"version");

	private final Finder finder;
	private final CsvImport imports;
	private final InteractionsAccess access;
	private final InteractionsProperties properties;

	InteractionsCsvController(Finder finder, CsvImport imports, InteractionsAccess access, InteractionsProperties properties) {
		this.finder = finder;
		this.imports = imports;
		this.access = access;
		this.properties = properties;
	}

	@GetMapping(InteractionsController.BASE + "/export")
	@Operation(summary = "Every interaction the Finder finds with these parameters (size and cursor aside), as CSV (UTF-8), streamed in the Finder's order")
	ResponseEntity<StreamingResponseBody> export(Caller caller, @PathVariable UUID siteId,
			@ParameterObject FinderQuery.Parameters query) {
		var site = access.site(caller, siteId, Permission.INTERACTION_READ);
		var parameters = query.withSize(Integer.toString(properties.exportBatch())).withCursor(null);
		return stream(site.scope(), site.organisationId(), Set.of(siteId), parameters);
	}

	@GetMapping("/api/v1/interactions/export")
	@Operation(summary = "The cross-site Finder's result as CSV")
	ResponseEntity<StreamingResponseBody> exportAcrossSites(Caller caller, @RequestParam UUID organisation,
			@RequestParam(required = false) List<UUID> site, @ParameterObject FinderQuery.Parameters query) {
		var scope = access.sitesWith(caller, organisation, Permission.INTERACTION_READ);
		var sites = InteractionsController.sitesToSearch(scope, site);
		var parameters = query.withSize(Integer.toString(properties.exportBatch())).withCursor(null);
		return stream(scope, organisation, sites, parameters);
	}

	/**
	 * Checks the parameters before the first byte (so mistakes still answer problem+json), then
	 * walks the Finder's keyset pages, each in a short transaction of its own.
	 */
	private ResponseEntity<StreamingResponseBody> stream(Scope scope, UUID organisation, Set<UUID> sites,
			FinderQuery.Parameters parameters) {
		var first = finder.find(scope, organisation, sites, parameters, false);
		StreamingResponseBody body = output -> {
			var writer = new OutputStreamWriter(output, StandardCharsets.UTF_8);
			writer.write(Csv.row(EXPORT_COLUMNS));
			var page = first;
			while (true) {
				for (var interaction : page.items()) {
					writer.write(Csv.row(values(interaction)));
				}
				writer.flush();
				if (page.nextCursor() == null) {
					break;
				}
				page = finder.find(scope, organisation, sites, parameters.withCursor(page.nextCursor()), false);
			}
			writer.flush();
		};
		return ResponseEntity.ok().contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
			.header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"interactions.csv\"").body(body);
	}

	private static List<String> values(Interaction i) {
		return java.util.Arrays.asList(i.id().toString(), i.siteId().toString(), i.title(), i.type(), i.lead(),
				Interaction.local(i.start(), i.timezone()), Interaction.local(i.end(), i.timezone()), i.timezone(),
				i.location(), i.description(), i.notes(), Interaction.utc(i.start()), Interaction.utc(i.end()),
				Interaction.utc(i.createdAt()), i.createdBy() == null ? null : i.createdBy().toString(),
				Interaction.utc(i.updatedAt()), i.updatedBy() == null ? null : i.updatedBy().toString(),
				Integer.toString(i.version()));
	}

	/**
	 * Imports a CSV file (UTF-8, header row). {@code dryRun} defaults to true: nothing is stored
	 * until the file is sent again with {@code dryRun=false}, and then only if every row is valid.
	 */
	@PostMapping(path = InteractionsController.BASE + "/import", consumes = { "text/csv", "text/plain",
			"application/octet-stream" })
	@Operation(summary = "Import interactions from CSV: dry run (default) reports every row's problems; dryRun=false stores all rows or none")
	ResponseEntity<CsvImport.Report> importCsv(Caller caller, @PathVariable UUID siteId,
			@RequestParam(defaultValue = "true") boolean dryRun, @RequestBody byte[] file) {
		var site = access.site(caller, siteId, Permission.INTERACTION_WRITE);
		var report = imports.run(site, file, dryRun);
		return ResponseEntity.status(dryRun ? HttpStatus.OK : HttpStatus.CREATED).body(report);
	}
}
