package io.atrium.interactions;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.atrium.access.OrganisationRole;
import io.atrium.access.SiteRole;
import io.atrium.database.Scope;
import io.atrium.database.TenantTransactions;
import io.atrium.test.Api;
import io.atrium.test.AtriumTest;
import io.atrium.test.Fixtures;

/** CSV export of the Finder's result and CSV import with a dry run and an all-or-nothing commit. */
@AtriumTest
class InteractionsCsvTest {

	static final String HEADER = "title,type,lead,start,end,timezone,location,description,notes\r\n";

	@LocalServerPort
	int port;

	@Autowired
	Fixtures.Factory factory;

	@Autowired
	TenantTransactions transactions;

	@Autowired
	JdbcClient jdbc;

	Fixtures fixtures;
	UUID organisation;
	UUID site;
	Api editor;
	Api viewer;
	String path;

	@BeforeEach
	void setUp() {
		fixtures = factory.at(port);
		organisation = fixtures.organisation("Csv");
		site = fixtures.site(organisation, "Leeds");
		editor = fixtures.signIn(fixtures.member(organisation, OrganisationRole.MEMBER, Map.of(site, SiteRole.EDITOR)));
		viewer = fixtures.signIn(fixtures.member(organisation, OrganisationRole.MEMBER, Map.of(site, SiteRole.VIEWER)));
		path = "/api/v1/sites/" + site + "/interactions";
	}

	Api.Response importCsv(Api api, String csv, boolean dryRun) {
		return api.raw("POST", path + "/import?dryRun=" + dryRun, "text/csv", csv);
	}

	long stored() {
		return transactions.read(Scope.system(organisation),
				() -> jdbc.sql("select count(*) from interactions where site_id = ?").param(site).query(Long.class).single());
	}

	List<Csv.Record> export(Api api, String query) {
		var response = api.get(path + "/export" + query);
		assertThat(response.status()).as(response.toString()).isEqualTo(200);
		assertThat(response.contentType()).isEqualTo("text/csv;charset=UTF-8");
		assertThat(response.header("Content-Disposition")).contains("attachment");
		return Csv.parse(response.body(), 100_000);
	}

	@Test
	void exportsTheFindersResultWithSafeEscaping() {
		var tricky = InteractionsApiTest.meeting("=HYPERLINK(\"http://evil.example\",\"click\")");
		tricky.put("description", "Line one, with a comma\nLine two \"quoted\"");
		tricky.put("type", "Call");
		assertThat(editor.post(path, tricky).status()).isEqualTo(201);
		assertThat(editor.post(path, InteractionsApiTest.meeting("Plain meeting")).status()).isEqualTo(201);

		var all = export(viewer, "?sort=title,asc");
		assertThat(all.get(0).fields()).containsExactlyElementsOf(InteractionsCsvController.EXPORT_COLUMNS);
		assertThat(all).hasSize(3);
		// "=" sorts before letters, so the formula row comes first
		var formula = all.get(1).fields();
		assertThat(all.get(2).fields().get(2)).isEqualTo("Plain meeting");
		assertThat(formula.get(2)).isEqualTo("'=HYPERLINK(\"http://evil.example\",\"click\")");
		assertThat(formula.get(9)).isEqualTo("Line one, with a comma\nLine two \"quoted\"");
		assertThat(formula.get(5)).isEqualTo("2026-03-14T09:30:00Z");

		var calls = export(viewer, "?type=Call");
		assertThat(calls).hasSize(2);
		assertThat(calls.get(1).fields().get(3)).isEqualTo("Call");
	}

	@Test
	void exportsEveryMatchingRowAcrossManyPagesAndImportsItBackUnchanged() {
		var csv = new StringBuilder(HEADER);
		IntStream.range(0, 450).forEach(i -> csv.append("Meeting ").append(i).append(",Visit,Grace Hopper,2026-04-")
			.append(String.format("%02d", 1 + i % 28)).append("T10:00:00,,Asia/Kolkata,,\"=1+").append(i).append("\",\r\n"));
		var imported = importCsv(editor, csv.toString(), false);
		assertThat(imported.status()).as(imported.toString()).isEqualTo(201);
		assertThat(imported.json().get("created").asInt()).isEqualTo(450);

		var exported = export(viewer, "?sort=start,asc");
		assertThat(exported).hasSize(451);
		assertThat(exported.stream().skip(1).map(r -> r.fields().get(0)).distinct()).hasSize(450);
		assertThat(exported.get(1).fields().get(9)).startsWith("'=1+");

		// what was exported imports again as it is, formula guard undone
		var again = Csv.parse(viewer.get(path + "/export?sort=start,asc").body(), 10_000);
		var text = new StringBuilder();
		again.forEach(record -> text.append(Csv.row(record.fields())));
		var dryRun = importCsv(editor, text.toString(), true);
		assertThat(dryRun.status()).as(dryRun.toString()).isEqualTo(200);
		assertThat(dryRun.json().get("valid").asInt()).isEqualTo(450);
		assertThat(dryRun.json().get("errors")).isEmpty();
		assertThat(transactions.read(Scope.system(organisation), () -> jdbc
			.sql("select count(*) from interactions where site_id = ? and description like '=1+%'").param(site)
			.query(Long.class).single())).isEqualTo(450);
	}

	@Test
	void aDryRunReportsEveryRowsProblemsAndStoresNothing() {
		var csv = HEADER + "Good,Meeting,Ada,2026-03-14T09:00:00,,Europe/London,,,\r\n"
				+ "Backwards,Meeting,Ada,2026-03-14T09:00:00,2026-03-14T08:00:00,Europe/London,,,\r\n"
				+ ",Picnic,Ada,2026-03-14T09:00:00,,Mars/Base,,,\r\n"
				+ "Short,Meeting\r\n";
		var response = importCsv(editor, csv, true);
		assertThat(response.status()).as(response.toString()).isEqualTo(200);
		var report = response.json();
		assertThat(report.get("dryRun").asBoolean()).isTrue();
		assertThat(report.get("rows").asInt()).isEqualTo(4);
		assertThat(report.get("valid").asInt()).isEqualTo(1);
		assertThat(report.get("errors")).extracting(e -> e.get("row").asInt()).containsExactly(2, 3, 4);
		assertThat(report.get("errors").get(0).get("errors")).extracting(e -> e.get("field").asString()).containsExactly("end");
		assertThat(report.get("errors").get(1).get("errors")).extracting(e -> e.get("field").asString())
			.containsExactly("timezone", "title", "type");
		assertThat(report.get("errors").get(2).get("errors").get(0).get("message").asString())
			.isEqualTo("has 2 fields; the header has 9");
		assertThat(stored()).isZero();
	}

	@Test
	void anImportWithAnyInvalidRowStoresNothing() {
		var csv = HEADER + "Good,Meeting,Ada,2026-03-14T09:00:00,,Europe/London,,,\r\n"
				+ "Bad,Meeting,Ada,yesterday,,Europe/London,,,\r\n";
		var response = importCsv(editor, csv, false);
		assertThat(response.status()).isEqualTo(400);
		assertThat(response.json().get("type").asString()).endsWith("/import-invalid");
		assertThat(response.json().get("rows").get(0).get("row").asInt()).isEqualTo(2);
		assertThat(stored()).isZero();
	}

	@Test
	void aValidImportStoresEveryRowWithItsAuditEntries() {
		var csv = "Notes,TITLE,type,lead,start,timezone\r\n" + "\"multi\nline\",Imported one,call,Ada,2026-03-14T09:00:00,Europe/London\r\n"
				+ ",Imported two,Visit,Ada,2026-03-15T09:00:00,Europe/London\r\n";
		var response = importCsv(editor, csv, false);
		assertThat(response.status()).as(response.toString()).isEqualTo(201);
		assertThat(response.json().get("created").asInt()).isEqualTo(2);
		var titles = editor.get(path + "?sort=title").json().get("items").valueStream()
			.map(n -> n.get("title").asString() + "/" + n.get("type").asString() + "/"
					+ (n.get("notes").isNull() ? "(none)" : n.get("notes").asString())).toList();
		assertThat(titles).containsExactly("Imported one/Call/multi\nline", "Imported two/Visit/(none)");
		assertThat(transactions.read(Scope.system(organisation), () -> jdbc
			.sql("select count(*) from audit_events where action = 'interaction.created' and site_id = ?").param(site)
			.query(Long.class).single())).isEqualTo(2);
	}

	@Test
	void refusesBrokenQuotingWithTheLineToLookAt() {
		var response = importCsv(editor, HEADER + "\"Unclosed,Meeting,Ada,2026-03-14T09:00:00,,Europe/London,,,\r\n", true);
		assertThat(response.status()).isEqualTo(400);
		assertThat(response.json().get("type").asString()).endsWith("/csv-malformed");
		assertThat(response.json().get("detail").asString()).contains("opened on line 2");
	}

	@Test
	void refusesWrongColumnsListingEachProblem() {
		var response = importCsv(editor, "title,kind,lead,lead,start\r\nA,Meeting,Ada,Ada,2026-03-14T09:00:00\r\n", true);
		assertThat(response.status()).isEqualTo(400);
		assertThat(response.json().get("errors")).extracting(e -> e.get("message").asString()).containsExactlyInAnyOrder(
				"'kind' is not a column; columns: title, type, lead, start, end, timezone, location, description, notes",
				"'lead' appears twice", "the column 'type' is missing", "the column 'timezone' is missing");
	}

	@Test
	void refusesHugeFilesEmptyFilesAndOtherEncodings() throws IOException, InterruptedException {
		var huge = HEADER + ("x,Meeting,Ada,2026-03-14T09:00:00,,Europe/London,,," + "d".repeat(1000) + ",\r\n").repeat(1100);
		assertThat(importCsv(editor, huge, true).status()).isEqualTo(413);
		var many = HEADER + "x,Meeting,Ada,2026-03-14T09:00:00,,UTC,,,\r\n".repeat(5001);
		var tooMany = importCsv(editor, many, true);
		assertThat(tooMany.status()).isEqualTo(413);
		assertThat(tooMany.json().get("type").asString()).endsWith("/too-many-rows");
		assertThat(importCsv(editor, "", true).status()).isEqualTo(400);
		assertThat(importCsv(editor, HEADER, true).status()).isEqualTo(400);

		var latin1 = (HEADER + "Caf\u00e9,Meeting,Ada,2026-03-14T09:00:00,,UTC,,,\r\n").getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
		var token = editor.get("/api/v1/sites/" + site + "/interactions?size=1");
		assertThat(token.status()).isEqualTo(200);
		var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path + "/import"))
			.header("Content-Type", "text/csv").header("Authorization", bearer(editor))
			.POST(HttpRequest.BodyPublishers.ofByteArray(latin1)).build();
		var response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(response.body()).contains("csv-encoding");
	}

	@Test
	void viewersExportButDoNotImport() {
		assertThat(importCsv(viewer, HEADER + "x,Meeting,Ada,2026-03-14T09:00:00,,UTC,,,\r\n", true).status()).isEqualTo(403);
		assertThat(viewer.get(path + "/export").status()).isEqualTo(200);
		assertThat(viewer.get(path + "/export?sort=nope").status()).isEqualTo(400);
	}

	/** The bearer token an {@link Api} client sends, for the one request that needs raw bytes. */
	private static String bearer(Api api) {
		try {
			var field = Api.class.getDeclaredField("token");
			field.setAccessible(true);
			return "Bearer " + field.get(api);
		}
		catch (ReflectiveOperationException e) {
			throw new IllegalStateException(e);
		}
	}
}
