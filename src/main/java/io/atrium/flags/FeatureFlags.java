package io.atrium.flags;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Service;

import io.atrium.access.Caller;

/**
 * Evaluates flags in-process, from the cached catalogue, and counts each evaluation for
 * analytics. Other modules use {@link #isEnabled}; the HTTP and OFREP APIs use the rest.
 */
@Service
public class FeatureFlags {

	private final FlagCatalogue catalogue;
	private final EvaluationCounts counts;
	private final FlagSubjects subjects;

	FeatureFlags(FlagCatalogue catalogue, EvaluationCounts counts, FlagSubjects subjects) {
		this.catalogue = catalogue;
		this.counts = counts;
		this.subjects = subjects;
	}

	/**
	 * Whether a boolean flag is on for the caller in an organisation they belong to (null for
	 * none); false for an unknown flag or a string flag.
	 */
	public boolean isEnabled(String key, Caller caller, UUID organisationId) {
		return evaluate(key, subjects.of(caller, organisationId)).map(e -> Boolean.TRUE.equals(e.value())).orElse(false);
	}

	/** One flag for a subject; empty when no flag has that key. */
	Optional<Evaluation> evaluate(String key, Subject subject) {
		var snapshot = catalogue.current();
		var flag = snapshot.flags().get(key);
		if (flag == null) {
			return Optional.empty();
		}
		var evaluation = snapshot.evaluator().evaluate(flag, subject);
		counts.count(evaluation);
		return Optional.of(evaluation);
	}

	/** A bulk evaluation: every flag for the subject, in key order, with the catalogue version it came from. */
	Bulk evaluateAll(Subject subject) {
		var snapshot = catalogue.current();
		var evaluator = snapshot.evaluator();
		var results = snapshot.flags().values().stream().map(flag -> {
			try {
				var evaluation = evaluator.evaluate(flag, subject);
				counts.count(evaluation);
				return new Outcome(flag.key(), evaluation, null);
			}
			catch (Evaluator.TargetingKeyMissing e) {
				return new Outcome(flag.key(), null, e.getMessage());
			}
		}).toList();
		return new Bulk(snapshot.version(), results);
	}

	/** Either an evaluation or why the flag could not be evaluated for the subject. */
	record Outcome(String key, Evaluation evaluation, String targetingKeyMissing) {
	}

	record Bulk(long version, List<Outcome> outcomes) {
	}
}
