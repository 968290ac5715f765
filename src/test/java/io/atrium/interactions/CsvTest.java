package io.atrium.interactions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.atrium.api.ApiException;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.NotEmpty;
import net.jqwik.api.constraints.Size;

/** Writing and reading CSV: RFC 4180 quoting, formula-injection safety, and clear failures on broken files. */
class CsvTest {

	@Test
	void quotesFieldsWithCommasQuotesAndLineBreaks() {
		assertThat(Csv.row(List.of("plain", "a,b", "say \"hi\"", "two\nlines", "")))
			.isEqualTo("plain,\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\",\r\n");
	}

	@Test
	void neutralisesCellsASpreadsheetWouldRunAsFormulas() {
		assertThat(Csv.cell("=HYPERLINK(\"http://evil\")")).isEqualTo("\"'=HYPERLINK(\"\"http://evil\"\")\"");
		assertThat(Csv.cell("+1")).isEqualTo("'+1");
		assertThat(Csv.cell("-1")).isEqualTo("'-1");
		assertThat(Csv.cell("@SUM(A1)")).isEqualTo("'@SUM(A1)");
		assertThat(Csv.cell("\tx")).isEqualTo("'\tx");
		assertThat(Csv.cell("'=already")).isEqualTo("''=already");
		assertThat(Csv.cell("a=b")).isEqualTo("a=b");
	}

	@Property
	void whatIsWrittenIsReadBackExactly(@ForAll @Size(min = 2, max = 6) List<@NotEmpty String> values) {
		var records = Csv.parse(Csv.row(values) + Csv.row(values), 10);
		assertThat(records).hasSize(2);
		assertThat(records.get(1).fields().stream().map(Csv::uncell).toList()).isEqualTo(values);
	}

	@Test
	void readsQuotedFieldsAndCountsLines() {
		var records = Csv.parse("a,b\r\n\"x,1\",\"multi\nline \"\"quoted\"\"\"\n\nlast,\"\"\n", 10);
		assertThat(records).extracting(Csv.Record::fields)
			.containsExactly(List.of("a", "b"), List.of("x,1", "multi\nline \"quoted\""), List.of("last", ""));
		assertThat(records).extracting(Csv.Record::line).containsExactly(1, 2, 5);
	}

	@Test
	void refusesAQuoteThatIsNeverClosed() {
		assertThatThrownBy(() -> Csv.parse("a,b\n1,\"open\n2,3\n", 10)).isInstanceOf(ApiException.class)
			.hasMessageContaining("opened on line 2 is never closed");
	}

	@Test
	void refusesAQuoteInsideAnUnquotedField() {
		assertThatThrownBy(() -> Csv.parse("a,b\n1,fo\"o\n", 10)).hasMessageContaining("line 2: a quote inside an unquoted field");
	}

	@Test
	void refusesTextAfterAClosingQuote() {
		assertThatThrownBy(() -> Csv.parse("a,b\n\"x\"y,1\n", 10)).hasMessageContaining("line 2: text after a closing quote");
	}

	@Test
	void refusesMoreRowsThanAllowed() {
		assertThatThrownBy(() -> Csv.parse("h\n1\n2\n3\n", 3)).isInstanceOf(ApiException.class)
			.satisfies(e -> assertThat(((ApiException) e).status().value()).isEqualTo(413));
	}
}
