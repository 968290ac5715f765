package io.atrium.tenancy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SicCodesTest {

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			59140 | J | Motion picture projection activities
			55100 | I | Hotels and similar accommodation
			93130 | R | Fitness facilities
			47110 | G | Retail sale in non-specialised stores with food, beverages or tobacco predominating
			61100 | J | Wired telecommunications activities
			01110 | A | Growing of cereals (except rice), leguminous crops and oil seeds
			62012 | J | Business and domestic software development
			99999 | U | Dormant Company
			""")
	void knownCodesAreValidWithTheirSectionAndDescription(String code, String section, String description) {
		assertThat(SicCodes.isValid(code)).isTrue();
		assertThat(SicCodes.find(code)).contains(new SicCode(code, section, description));
	}

	@ParameterizedTest
	@ValueSource(strings = { "00000", "12345", "59141", "99998", "5914", "591400", "ABCDE", "" })
	void madeUpCodesAreRejected(String code) {
		assertThat(SicCodes.isValid(code)).isFalse();
	}

	@Test
	void theListHoldsAboutSevenHundredAndThirtyCodes() {
		assertThat(SicCodes.all()).hasSizeBetween(720, 740);
	}

	@Test
	void everyLineOfTheResourceIsAUniqueFiveDigitCodeWithASectionAndDescription() throws IOException {
		var lines = resourceLines();
		assertThat(lines).isNotEmpty().allSatisfy(line -> assertThat(line).matches("\\d{5}\t[A-U]\t\\S.*"));
		var codes = lines.stream().map(line -> line.substring(0, 5)).toList();
		assertThat(codes).doesNotHaveDuplicates().hasSameSizeAs(SicCodes.all());
	}

	@Test
	void everySectionFromAToUHasCodesAndEachDivisionBelongsToOneSection() {
		var sections = SicCodes.all().stream().map(SicCode::section).collect(Collectors.toSet());
		assertThat(sections).containsExactlyInAnyOrder("A", "B", "C", "D", "E", "F", "G", "H", "I", "J", "K", "L", "M",
				"N", "O", "P", "Q", "R", "S", "T", "U");
		var sectionsPerDivision = SicCodes.all().stream()
			.collect(Collectors.groupingBy(code -> code.code().substring(0, 2),
					Collectors.mapping(SicCode::section, Collectors.toSet())));
		assertThat(sectionsPerDivision.values()).allSatisfy(letters -> assertThat(letters).hasSize(1));
	}

	private static List<String> resourceLines() throws IOException {
		try (var reader = new BufferedReader(new InputStreamReader(
				SicCodes.class.getResourceAsStream(SicCodes.RESOURCE), StandardCharsets.UTF_8))) {
			return reader.lines().filter(line -> !line.isBlank() && !line.startsWith("#")).toList();
		}
	}
}
