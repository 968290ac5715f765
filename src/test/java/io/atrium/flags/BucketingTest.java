package io.atrium.flags;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/** The vectors published in docs/feature-flags.md; change both together or not at all. */
class BucketingTest {

	@ParameterizedTest
	@CsvSource({
			"'', 0",
			"hello, 613153351",
			"The quick brown fox jumps over the lazy dog, 776992547",
			"gr1:123, 538421172",
			"groupX:999, 3843606124",
			"new-checkout:user-1, 2230340631",
			"dark-mode:bob, 2279167720" })
	void hashIsUnsignedMurmur3X86With32Bits(String text, long expected) {
		assertThat(Bucketing.hash(text)).isEqualTo(expected);
	}

	@ParameterizedTest
	@CsvSource({
			// published by Unleash as the same in its Node, Java and Go clients
			"gr1, 123, 73",
			"groupX, 999, 25",
			"new-checkout, user-1, 32",
			"new-checkout, 9b2f0c0e-7a55-4c8e-9a53-2b1f0ad1c3e4, 43",
			"dark-mode, alice, 96",
			"dark-mode, bob, 21" })
	void bucketsMatchThePublishedVectors(String groupId, String stickyValue, int bucket) {
		assertThat(Bucketing.bucket(groupId, stickyValue)).isEqualTo(bucket);
	}

	@Test
	void aHashAbove2To31IsTakenUnsigned() {
		// signed, -451361172 % 100 would be -72: Unleash reads the hash as unsigned
		assertThat(Bucketing.bucket("groupX", "999")).isEqualTo(25);
	}

	@ParameterizedTest
	@ValueSource(ints = { 1, 10, 25, 50, 75, 99 })
	void aRolloutReachesItsPercentageWithinOnePointOverAHundredThousandIds(int percentage) {
		var in = 0;
		for (int i = 0; i < 100_000; i++) {
			if (Bucketing.inRollout(percentage, "distribution", "user-" + i)) {
				in++;
			}
		}
		assertThat(in / 1000.0).isCloseTo(percentage, org.assertj.core.data.Offset.offset(1.0));
	}

	@Test
	void noneAreInAtZeroAndAllAtAHundred() {
		for (int i = 0; i < 1000; i++) {
			assertThat(Bucketing.inRollout(0, "edges", "user-" + i)).isFalse();
			assertThat(Bucketing.inRollout(100, "edges", "user-" + i)).isTrue();
		}
	}

	@Property
	void raisingThePercentageNeverDropsAnyoneWhoWasIn(@ForAll String stickyValue, @ForAll @IntRange(max = 100) int lower,
			@ForAll @IntRange(max = 100) int raise) {
		var higher = Math.min(100, lower + raise);
		if (Bucketing.inRollout(lower, "monotonic", stickyValue)) {
			assertThat(Bucketing.inRollout(higher, "monotonic", stickyValue)).isTrue();
		}
	}

	@Property
	void theSameSubjectAlwaysLandsInTheSameBucket(@ForAll String groupId, @ForAll String stickyValue) {
		assertThat(Bucketing.bucket(groupId, stickyValue)).isEqualTo(Bucketing.bucket(groupId, stickyValue)).isBetween(1, 100);
	}
}
