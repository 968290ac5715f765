package io.atrium.flags;

import java.nio.charset.StandardCharsets;

import org.apache.commons.codec.digest.MurmurHash3;

/**
 * Unleash's rollout buckets, so a percentage rollout puts the same people in as Unleash's
 * clients would: {@code (murmur3_x86_32(utf8(groupId + ":" + stickyValue), seed 0) % 100) + 1},
 * with the hash taken as the unsigned 32-bit number. A subject is in a rollout of p percent when
 * its bucket is at most p, so raising p never drops anyone who was in. Test vectors are in
 * docs/feature-flags.md.
 */
final class Bucketing {

	private Bucketing() {
	}

	/** The unsigned 32-bit MurmurHash3 (x86, 32-bit, seed 0) of the UTF-8 bytes. */
	static long hash(String text) {
		var bytes = text.getBytes(StandardCharsets.UTF_8);
		return Integer.toUnsignedLong(MurmurHash3.hash32x86(bytes, 0, bytes.length, 0));
	}

	/** The subject's bucket for the group, from 1 to 100. */
	static int bucket(String groupId, String stickyValue) {
		return (int) (hash(groupId + ":" + stickyValue) % 100) + 1;
	}

	static boolean inRollout(int percentage, String groupId, String stickyValue) {
		return bucket(groupId, stickyValue) <= percentage;
	}
}
