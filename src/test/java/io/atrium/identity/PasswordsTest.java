package io.atrium.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.nulabinc.zxcvbn.StandardDictionaries;

class PasswordsTest {

	private static final Passwords passwords = new Passwords();

	@Test
	void refusesAPasswordShorterThanTwelveCharacters() {
		assertThat(passwords.problemWith("elevenchars")).hasValue("must be at least 12 characters");
	}

	@Test
	void acceptsAnUncommonPasswordOfTwelveCharacters() {
		assertThat(passwords.problemWith("fjord kettle")).isEmpty();
	}

	@Test
	void refusesAPasswordLongerThan128Characters() {
		assertThat(passwords.problemWith("z".repeat(129))).hasValue("must be at most 128 characters");
		assertThat(passwords.problemWith("ab".repeat(64))).isEmpty();
	}

	@Test
	void countsCharactersNotUtf16Units() {
		// eleven emoji are 22 UTF-16 units but still eleven characters
		assertThat(passwords.problemWith("🔑".repeat(11))).hasValue("must be at least 12 characters");
		assertThat(passwords.problemWith("🔑".repeat(12))).isEmpty();
	}

	@Test
	void refusesAnEmptyPassword() {
		assertThat(passwords.problemWith("")).hasValue("must not be empty");
		assertThat(passwords.problemWith(null)).hasValue("must not be empty");
	}

	@ParameterizedTest
	@ValueSource(strings = { "1qaz2wsx3edc", "qazwsxedcrfv", "leavemealone", "finalfantasy", "123456789987654321" })
	void refusesPasswordsOnZxcvbnsBreachedPasswordList(String common) {
		assertThat(passwords.problemWith(common)).hasValueSatisfying(problem -> assertThat(problem).startsWith("is too common"));
	}

	@Test
	void refusesEveryPasswordOfTwelveOrMoreCharactersOnZxcvbnsList() throws IOException {
		var list = StandardDictionaries.PASSWORDS_LOADER.load().getFrequencies();
		var longEnough = list.stream().filter(p -> p.codePointCount(0, p.length()) >= Passwords.MIN_LENGTH).toList();

		assertThat(list).hasSizeGreaterThan(20_000);
		assertThat(longEnough).isNotEmpty().allSatisfy(common -> assertThat(passwords.problemWith(common)).isPresent());
	}

	@ParameterizedTest
	@ValueSource(strings = { "welcometoatrium", "correct horse battery staple", "trustno1trustno1" })
	void refusesPasswordsOnOurOwnList(String common) {
		assertThat(passwords.problemWith(common)).hasValueSatisfying(problem -> assertThat(problem).startsWith("is too common"));
	}

	@Test
	void comparesCommonPasswordsIgnoringCase() {
		assertThat(passwords.problemWith("LeaveMeAlone")).isPresent();
		assertThat(passwords.problemWith("WelcomeToAtrium")).isPresent();
	}

	@Test
	void hashesWithArgon2idAndVerifies() {
		var hash = passwords.hash("a long enough test password");

		assertThat(hash).startsWith("$argon2id$");
		assertThat(passwords.matches("a long enough test password", hash)).isTrue();
		assertThat(passwords.matches("a long enough test passworD", hash)).isFalse();
		assertThat(passwords.matches("anything", null)).as("no password set").isFalse();
	}
}
