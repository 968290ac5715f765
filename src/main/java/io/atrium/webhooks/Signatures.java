package io.atrium.webhooks;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.stream.Collectors;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Secrets and signatures as Standard Webhooks defines them
 * (https://github.com/standard-webhooks/standard-webhooks/blob/main/spec/standard-webhooks.md):
 * a secret is {@code whsec_} plus base64 of random bytes; a signature is {@code v1,} plus the
 * base64 HMAC-SHA256 of {@code id.timestamp.body} keyed with the decoded secret.
 */
final class Signatures {

	static final String PREFIX = "whsec_";
	private static final SecureRandom random = new SecureRandom();

	private Signatures() {
	}

	/** A new secret of 32 random bytes. */
	static String newSecret() {
		var bytes = new byte[32];
		random.nextBytes(bytes);
		return PREFIX + Base64.getEncoder().encodeToString(bytes);
	}

	static String sign(String secret, String messageId, long timestamp, String body) {
		try {
			var mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring(PREFIX.length())), "HmacSHA256"));
			var signed = mac.doFinal((messageId + "." + timestamp + "." + body).getBytes(StandardCharsets.UTF_8));
			return "v1," + Base64.getEncoder().encodeToString(signed);
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException("HMAC-SHA256 is unavailable", e);
		}
	}

	/** The {@code webhook-signature} header: one signature per secret, separated by spaces. */
	static String header(List<String> secrets, String messageId, long timestamp, String body) {
		return secrets.stream().map(secret -> sign(secret, messageId, timestamp, body)).collect(Collectors.joining(" "));
	}
}
