package io.atrium.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.springframework.http.server.PathContainer;
import org.springframework.web.util.pattern.PathPatternParser;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

/**
 * The handler lookup's pre-test never turns away a path that Spring's own path matching (the
 * oracle: {@link PathPatternParser} as request mappings use it) accepts. Patterns and paths are
 * built from one small pool of words so that they often agree, with variables, wildcards,
 * partial segments, trailing and doubled slashes, escapes and matrix parameters mixed in.
 */
class RouteShapeProperties {

	private static final PathPatternParser PARSER = new PathPatternParser();

	private static final List<String> WORDS = List.of("api", "v1", "sites", "interactions", "export", "a", "A", "x.csv", "");

	@Property(tries = 5000)
	void neverRejectsAPathSpringMatches(@ForAll("patternsWithPaths") List<String> patternAndPath) {
		var pattern = PARSER.parse(patternAndPath.get(0));
		var path = patternAndPath.get(1);
		var segments = RouteShape.segmentsOf(path);
		if (pattern.matches(PathContainer.parsePath(path)) && segments != null) {
			assertThat(RouteShape.of(pattern.getPatternString()).mayMatch(segments)).as("%s matches %s", pattern, path).isTrue();
		}
	}

	@Property(tries = 300)
	void theGeneratedPathsOftenMatch(@ForAll("patternsWithPaths") List<String> patternAndPath) {
		Statistics.label("matches").collect(PARSER.parse(patternAndPath.get(0)).matches(PathContainer.parsePath(patternAndPath.get(1))));
		Statistics.label("matches").coverage(coverage -> coverage.check(true).percentage(p -> p > 15));
	}

	@Property(tries = 2000)
	void rejectsWhatCannotMatchOnLiteralsAlone(@ForAll("literalPatterns") String pattern, @ForAll("paths") String path) {
		var segments = RouteShape.segmentsOf(path);
		Assume.that(segments != null);
		assertThat(RouteShape.of(pattern).mayMatch(segments))
			.isEqualTo(PARSER.parse(pattern).matches(PathContainer.parsePath(path)));
	}

	@Example
	void comparesLiteralSegmentsAndSegmentCount() {
		var interactions = RouteShape.of("/api/v1/sites/{siteId}/interactions");
		assertThat(interactions.mayMatch(RouteShape.segmentsOf("/api/v1/sites/0b1c/interactions"))).isTrue();
		assertThat(interactions.mayMatch(RouteShape.segmentsOf("/api/v1/sites/0b1c/interactions/42"))).isFalse();
		assertThat(interactions.mayMatch(RouteShape.segmentsOf("/api/v1/sites/0b1c/views"))).isFalse();
		assertThat(interactions.mayMatch(RouteShape.segmentsOf("/api/v1/sites/0b1c/interactions/"))).isFalse();
		assertThat(RouteShape.of("/assets/**").isOpen()).isTrue();
		assertThat(RouteShape.of("/files/{*path}").isOpen()).isTrue();
		assertThat(RouteShape.of("/things/{id:\\d+}").isOpen()).isTrue();
		assertThat(RouteShape.segmentsOf("/api/v1/sites/a%20b")).isNull();
		assertThat(RouteShape.segmentsOf("/api/v1;jsessionid=1/sites")).isNull();
	}

	/** A pattern and a path that is either filled in from it (so it often matches) or made up. */
	@Provide
	Arbitrary<List<String>> patternsWithPaths() {
		var segment = Arbitraries.oneOf(Arbitraries.of(WORDS),
				Arbitraries.of("{id}", "{siteId}", "*", "?", "x.*", "{name}.csv", "a?", "**", "{*rest}", "{id:[a-z]+}"));
		var patterns = segment.list().ofMaxSize(5).map(segments -> "/" + String.join("/", segments)).filter(RouteShapeProperties::parses);
		return patterns.flatMap(pattern -> Arbitraries.oneOf(filledIn(pattern), paths()).map(path -> List.of(pattern, path)));
	}

	private static Arbitrary<String> filledIn(String pattern) {
		var value = Arbitraries.of("0b1c", "abc", "x.csv", "", "a%20b", "v1;p=1", "sites/api");
		var segments = pattern.substring(1).split("/", -1);
		Arbitrary<String> path = Arbitraries.just("");
		for (var segment : segments) {
			var filled = segment.contains("{") || segment.contains("*") || segment.contains("?")
					? value.map(v -> segment.replaceAll("\\{\\*?[^}]*}|\\*+|\\?", v.isEmpty() ? "q" : v))
					: Arbitraries.just(segment);
			path = path.flatMap(prefix -> filled.map(s -> prefix + "/" + s));
		}
		return path.flatMap(p -> Arbitraries.of(p, p + "/", p.toUpperCase()));
	}

	private static boolean parses(String pattern) {
		try {
			PARSER.parse(pattern);
			return true;
		}
		catch (RuntimeException invalid) {
			return false;
		}
	}

	@Provide
	Arbitrary<String> literalPatterns() {
		return Arbitraries.of(WORDS).filter(word -> !word.isEmpty()).list().ofMinSize(1).ofMaxSize(5)
			.map(segments -> "/" + String.join("/", segments));
	}

	@Provide
	Arbitrary<String> paths() {
		var segment = Arbitraries.oneOf(Arbitraries.of(WORDS), Arbitraries.of("0b1c", "x.csv", "a%20b", "v1;p=1", "%61pi"),
				Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(3));
		return segment.list().ofMaxSize(6).map(segments -> "/" + String.join("/", segments));
	}
}
