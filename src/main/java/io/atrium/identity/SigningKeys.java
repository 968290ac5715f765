package io.atrium.identity;

import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.InvalidKeySpecException;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;

/**
 * The RSA key that signs access tokens, kept in the database so that every Atrium node signs
 * and verifies with the same key and tokens survive restarts. Created on first start.
 */
@Component
@DependsOnDatabaseInitialization
class SigningKeys {

	private final RSAKey key;

	SigningKeys(JdbcClient jdbc, TransactionTemplate transactions, Clock clock) {
		this.key = transactions.execute(status -> {
			// one node creates the key; the others wait for it and read it
			jdbc.sql("select pg_advisory_xact_lock(7301)").query((rs, n) -> 1).single();
			return jdbc.sql("select id, private_key, public_key from signing_keys order by created_at desc limit 1")
				.query((rs, n) -> toKey(rs.getString(1), rs.getString(2), rs.getString(3)))
				.optional()
				.orElseGet(() -> create(jdbc, clock.instant()));
		});
	}

	RSAKey key() {
		return key;
	}

	RSAPublicKey publicKey() {
		try {
			return key.toRSAPublicKey();
		}
		catch (com.nimbusds.jose.JOSEException e) {
			throw new IllegalStateException(e);
		}
	}

	/** The public half as a JWK Set, for whoever verifies Atrium's tokens. */
	JWKSet publicJwks() {
		return new JWKSet(key.toPublicJWK());
	}

	private static RSAKey create(JdbcClient jdbc, Instant now) {
		try {
			var generator = KeyPairGenerator.getInstance("RSA");
			generator.initialize(2048);
			var pair = generator.generateKeyPair();
			var id = UUID.randomUUID().toString();
			var encoder = Base64.getEncoder();
			var privateKey = encoder.encodeToString(pair.getPrivate().getEncoded());
			var publicKey = encoder.encodeToString(pair.getPublic().getEncoded());
			jdbc.sql("insert into signing_keys (id, private_key, public_key, created_at) values (?, ?, ?, ?)")
				.params(id, privateKey, publicKey, Users.at(now)).update();
			return toKey(id, privateKey, publicKey);
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}

	private static RSAKey toKey(String id, String privateKey, String publicKey) {
		try {
			var factory = KeyFactory.getInstance("RSA");
			var decoder = Base64.getDecoder();
			var pub = (RSAPublicKey) factory.generatePublic(new X509EncodedKeySpec(decoder.decode(publicKey)));
			var priv = (RSAPrivateKey) factory.generatePrivate(new PKCS8EncodedKeySpec(decoder.decode(privateKey)));
			return new RSAKey.Builder(pub).privateKey(priv).keyID(id).keyUse(KeyUse.SIGNATURE)
				.algorithm(com.nimbusds.jose.JWSAlgorithm.RS256).build();
		}
		catch (NoSuchAlgorithmException | InvalidKeySpecException e) {
			throw new IllegalStateException("The stored signing key cannot be read", e);
		}
	}
}
