package io.atrium.identity;

import static org.assertj.core.api.Assertions.assertThat;

import org.springframework.security.web.firewall.StrictHttpFirewall;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The firewall's character checks accept exactly what Spring Security's own regular expressions
 * accept ({@link StrictHttpFirewall#ALLOWED_HEADER_VALUES} and {@link StrictHttpFirewall#ALLOWED_HEADER_NAMES}
 * are the oracle), over text drawn from all of Unicode, with controls, tabs, unassigned code points
 * and lone surrogates made common.
 */
class RequestFirewallProperties {

	@Property(tries = 3000)
	void headerValuesAsSpringSecurityJudgesThem(@ForAll("text") String text) {
		assertThat(RequestFirewall.printableOrTab(text)).isEqualTo(StrictHttpFirewall.ALLOWED_HEADER_VALUES.test(text));
	}

	@Property(tries = 3000)
	void headerAndParameterNamesAsSpringSecurityJudgesThem(@ForAll("text") String text) {
		assertThat(RequestFirewall.printable(text)).isEqualTo(StrictHttpFirewall.ALLOWED_HEADER_NAMES.test(text))
			.isEqualTo(StrictHttpFirewall.ALLOWED_PARAMETER_NAMES.test(text));
	}

	@Example
	void refusesControlsAndUnassignedCharactersAndAllowsTabsOnlyInValues() {
		assertThat(RequestFirewall.printableOrTab("Bearer abc.def")).isTrue();
		assertThat(RequestFirewall.printableOrTab("a\tb")).isTrue();
		assertThat(RequestFirewall.printable("a\tb")).isFalse();
		assertThat(RequestFirewall.printableOrTab("a\nb")).isFalse();
		assertThat(RequestFirewall.printableOrTab("a\u0000b")).isFalse();
		assertThat(RequestFirewall.printableOrTab("a\u0378b")).isFalse(); // unassigned
		assertThat(RequestFirewall.printableOrTab("café 🎉")).isTrue();
	}

	@Provide
	Arbitrary<String> text() {
		var special = Arbitraries.of('\t', '\n', '\r', '\u0000', '\u007f', '\u0085', '\u0378', '\ud800', '\udc00', ' ', 'é');
		var any = Arbitraries.chars().all();
		var surrogatePairs = Arbitraries.strings().withCharRange('\ud83c', '\ud83c').ofLength(1)
			.flatMap(high -> Arbitraries.chars().range('\udf00', '\udfff').map(low -> high + low));
		var piece = Arbitraries.oneOf(special.map(String::valueOf), any.map(String::valueOf), surrogatePairs,
				Arbitraries.strings().alpha().ofMaxLength(5));
		return piece.list().ofMaxSize(12).map(pieces -> String.join("", pieces));
	}
}
