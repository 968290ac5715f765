package io.atrium.test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A plain HTTP client for end-to-end API tests: real requests against the running server,
 * JSON in and out.
 */
public final class Api {

	private static final JsonMapper JSON = JsonMapper.builder().build();
	private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final String base;
	private final String token;
	private final Map<String, String> headers;

	public Api(int port) {
		this("http://localhost:" + port, null, Map.of());
	}

	private Api(String base, String token, Map<String, String> headers) {
		this.base = base;
		this.token = token;
		this.headers = headers;
	}

	/** The same client sending this bearer token. */
	public Api as(String accessToken) {
		return new Api(base, accessToken, headers);
	}

	public Api withHeader(String name, String value) {
		var copy = new LinkedHashMap<>(headers);
		copy.put(name, value);
		return new Api(base, token, copy);
	}

	public Response get(String path) {
		return send("GET", path, null);
	}

	public Response delete(String path) {
		return send("DELETE", path, null);
	}

	public Response post(String path, Object body) {
		return send("POST", path, body);
	}

	public Response put(String path, Object body) {
		return send("PUT", path, body);
	}

	public Response patch(String path, Object body) {
		return send("PATCH", path, body);
	}

	/** Sends a raw body as it is, for malformed-input tests. */
	public Response raw(String method, String path, String contentType, String body) {
		var builder = request(path).header("Content-Type", contentType)
			.method(method, HttpRequest.BodyPublishers.ofString(body));
		return execute(builder);
	}

	public Response send(String method, String path, Object body) {
		var builder = request(path);
		if (body == null) {
			builder.method(method, HttpRequest.BodyPublishers.noBody());
		}
		else {
			builder.header("Content-Type", "application/json")
				.method(method, HttpRequest.BodyPublishers.ofString(body instanceof String s ? s : JSON.writeValueAsString(body)));
		}
		return execute(builder);
	}

	private HttpRequest.Builder request(String path) {
		var builder = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30));
		if (token != null) {
			builder.header("Authorization", "Bearer " + token);
		}
		headers.forEach(builder::header);
		return builder;
	}

	private static Response execute(HttpRequest.Builder builder) {
		try {
			var response = CLIENT.send(builder.build(), HttpResponse.BodyHandlers.ofString());
			return new Response(response.statusCode(), response.headers(), response.body());
		}
		catch (IOException e) {
			throw new IllegalStateException(e);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}

	public record Response(int status, java.net.http.HttpHeaders headers, String body) {

		public JsonNode json() {
			return body == null || body.isEmpty() ? JSON.nullNode() : JSON.readTree(body);
		}

		public String header(String name) {
			return headers.firstValue(name).orElse(null);
		}

		public String contentType() {
			return header("Content-Type");
		}

		@Override
		public String toString() {
			return status + " " + body;
		}
	}
}
