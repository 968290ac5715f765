package io.atrium.identity;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

import io.atrium.test.Api;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Small steps identity journeys share: signing in over HTTP and reading what comes back. */
final class SignInSteps {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private SignInSteps() {
	}

	static Api.Response login(Api api, String email, String password) {
		return api.post("/api/v1/auth/login", Map.of("email", email, "password", password));
	}

	static Api.Response loginWithCode(Api api, String mfaToken, String code) {
		return api.post("/api/v1/auth/login/mfa", Map.of("mfaToken", mfaToken, "code", code));
	}

	static Api.Response loginWithRecoveryCode(Api api, String mfaToken, String recoveryCode) {
		return api.post("/api/v1/auth/login/mfa", Map.of("mfaToken", mfaToken, "recoveryCode", recoveryCode));
	}

	static Api.Response refresh(Api api, String refreshToken) {
		return api.post("/api/v1/auth/refresh", Map.of("refreshToken", refreshToken));
	}

	/** The claims of an access token, read without verifying it (the server verifies). */
	static JsonNode claims(String accessToken) {
		var payload = accessToken.split("\\.")[1];
		return JSON.readTree(new String(Base64.getUrlDecoder().decode(payload), StandardCharsets.UTF_8));
	}

	static String problemType(Api.Response response) {
		var type = response.json().path("type").asString();
		return type.substring(type.lastIndexOf('/') + 1);
	}
}
