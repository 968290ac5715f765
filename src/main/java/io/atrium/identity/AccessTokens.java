package io.atrium.identity;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.stereotype.Component;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;

/**
 * Short-lived signed access tokens (RS256 JWT). Claims: {@code sub} user, {@code sid} session,
 * {@code amr} how the user authenticated ({@code pwd}, plus {@code otp} after MFA), {@code pcr}
 * when the password must be changed before anything else.
 */
@Component
class AccessTokens {

	static final String SESSION = "sid";
	static final String METHODS = "amr";
	static final String PASSWORD_CHANGE_REQUIRED = "pcr";

	private final NimbusJwtEncoder encoder;
	private final SigningKeys keys;
	private final IdentityProperties properties;
	private final Clock clock;

	AccessTokens(SigningKeys keys, IdentityProperties properties, Clock clock) {
		this.keys = keys;
		this.encoder = new NimbusJwtEncoder(new ImmutableJWKSet<>(new JWKSet(keys.key())));
		this.properties = properties;
		this.clock = clock;
	}

	Issued issue(UUID userId, UUID sessionId, boolean mfa, boolean passwordChangeRequired) {
		var now = Instant.now(clock);
		var expires = now.plus(properties.accessTokenTtl());
		var claims = JwtClaimsSet.builder()
			.issuer(properties.issuer())
			.subject(userId.toString())
			.issuedAt(now)
			.expiresAt(expires)
			.id(UUID.randomUUID().toString())
			.claim(SESSION, sessionId.toString())
			.claim(METHODS, mfa ? List.of("pwd", "otp") : List.of("pwd"))
			.claim(PASSWORD_CHANGE_REQUIRED, passwordChangeRequired)
			.build();
		var header = JwsHeader.with(SignatureAlgorithm.RS256).keyId(keys.key().getKeyID()).build();
		var token = encoder.encode(JwtEncoderParameters.from(header, claims)).getTokenValue();
		return new Issued(token, properties.accessTokenTtl().toSeconds());
	}

	record Issued(String token, long expiresInSeconds) {
	}
}
