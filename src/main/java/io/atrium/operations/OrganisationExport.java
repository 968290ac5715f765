package io.atrium.operations;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import io.atrium.database.Scope;
import io.atrium.database.TenantTransactions;
import io.atrium.operations.OperationsEvents.OrganisationExported;
import tools.jackson.databind.json.JsonMapper;

/**
 * All of one organisation's data as a ZIP archive: one JSON file per table (an array of rows),
 * written as it is read so an archive of any size streams in constant memory. Every table
 * with an {@code organisation_id} is included, so tables added later are exported without
 * anyone remembering to; the rows are read in the organisation's own row-level security scope,
 * so no other organisation's row can slip in. Secrets (signing secrets, password hashes,
 * tokens) are left out.
 */
@Service
class OrganisationExport {

	/** Columns never exported. */
	static final Pattern SECRET = Pattern.compile(".*(secret|password|token|private_key).*");
	static final int FETCH_SIZE = 500;

	private final TenantTransactions transactions;
	private final JdbcClient jdbc;
	private final ApplicationEventPublisher events;
	private final JsonMapper json;
	private final Clock clock;

	OrganisationExport(TenantTransactions transactions, JdbcClient jdbc, ApplicationEventPublisher events, JsonMapper json,
			Clock clock) {
		this.transactions = transactions;
		this.jdbc = jdbc;
		this.events = events;
		this.json = json;
		this.clock = clock;
	}

	/** Records in the audit trail that the platform operator is exporting the organisation; returns the tables. */
	List<String> begin(Scope platform, UUID organisationId) {
		return transactions.write(platform, () -> {
			var tables = new ArrayList<String>();
			tables.add("organisations");
			tables.add("users");
			tables.addAll(tenantTables());
			events.publishEvent(new OrganisationExported(organisationId, tables));
			return tables;
		});
	}

	/** Writes the archive: a manifest, the organisation, its members' user profiles and every tenant table's rows. */
	void write(UUID organisationId, OutputStream out) throws IOException {
		var zip = new ZipOutputStream(out, StandardCharsets.UTF_8);
		var counts = new TreeMap<String, Long>();
		var redacted = new TreeMap<String, List<String>>();
		transactions.read(Scope.system(organisationId), () -> {
			counts.put("organisations", table(zip, "organisations", "select * from organisations where id = ?", organisationId, redacted));
			counts.put("users", table(zip, "users", """
					select u.id, u.email, u.display_name, u.status, u.created_at, u.updated_at from users u
					where u.id in (select m.user_id from organisation_members m where m.organisation_id = ?)
					order by u.email
					""", organisationId, redacted));
			for (var name : tenantTables()) {
				// names come from the catalogue, not from a request, and are quoted all the same
				counts.put(name, table(zip, name, "select * from \"" + name.replace("\"", "\"\"") + "\" where organisation_id = ?",
						organisationId, redacted));
			}
			return null;
		});
		var manifest = new LinkedHashMap<String, Object>();
		manifest.put("organisationId", organisationId.toString());
		manifest.put("exportedAt", clock.instant().toString());
		manifest.put("format", "One JSON array of row objects per table, named <table>.json; timestamps in ISO-8601 UTC.");
		manifest.put("rows", counts);
		manifest.put("omittedColumns", redacted);
		zip.putNextEntry(new ZipEntry("manifest.json"));
		zip.write(json.writerWithDefaultPrettyPrinter().writeValueAsBytes(manifest));
		zip.closeEntry();
		zip.finish();
		zip.flush();
	}

	/** Tables holding an organisation's rows, found in the catalogue. */
	private List<String> tenantTables() {
		return jdbc.sql("""
				select c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace
				where n.nspname = current_schema() and c.relkind in ('r', 'p')
				  and exists (select 1 from pg_attribute a where a.attrelid = c.oid and a.attname = 'organisation_id' and not a.attisdropped)
				order by c.relname
				""").query(String.class).list();
	}

	private long table(ZipOutputStream zip, String name, String sql, UUID organisationId, Map<String, List<String>> redacted) {
		try {
			zip.putNextEntry(new ZipEntry(name + ".json"));
			zip.write('[');
			var rows = new long[] { 0 };
			jdbc.sql(sql).param(organisationId).withFetchSize(FETCH_SIZE).query((RowCallbackHandler) rs -> {
				try {
					zip.write(rows[0] == 0 ? "\n".getBytes(StandardCharsets.UTF_8) : ",\n".getBytes(StandardCharsets.UTF_8));
					zip.write(json.writeValueAsBytes(row(rs, name, redacted)));
					rows[0]++;
				}
				catch (IOException e) {
					throw new UncheckedIOException(e);
				}
			});
			zip.write("\n]\n".getBytes(StandardCharsets.UTF_8));
			zip.closeEntry();
			return rows[0];
		}
		catch (IOException e) {
			throw new UncheckedIOException("Writing the export of " + name + " failed", e);
		}
	}

	private Map<String, Object> row(ResultSet rs, String table, Map<String, List<String>> redacted) throws SQLException {
		var meta = rs.getMetaData();
		var row = new LinkedHashMap<String, Object>();
		for (int i = 1; i <= meta.getColumnCount(); i++) {
			var column = meta.getColumnName(i);
			if (SECRET.matcher(column).matches()) {
				var omitted = redacted.computeIfAbsent(table, t -> new ArrayList<>());
				if (!omitted.contains(column)) {
					omitted.add(column);
				}
				continue;
			}
			row.put(column, value(rs, i, meta.getColumnTypeName(i)));
		}
		return row;
	}

	private Object value(ResultSet rs, int column, String type) throws SQLException {
		if (rs.getObject(column) == null) {
			return null;
		}
		return switch (type) {
			case "timestamptz", "timestamp" -> rs.getObject(column, OffsetDateTime.class).toInstant().toString();
			case "json", "jsonb" -> json.readTree(rs.getString(column));
			case "bytea" -> Base64.getEncoder().encodeToString(rs.getBytes(column));
			case "uuid" -> rs.getObject(column).toString();
			default -> {
				if (type.startsWith("_")) {
					yield List.of((Object[]) rs.getArray(column).getArray());
				}
				var value = rs.getObject(column);
				yield value instanceof Number || value instanceof Boolean || value instanceof String ? value : value.toString();
			}
		};
	}
}
