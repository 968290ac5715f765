package io.atrium.webhooks;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.StringEntity;
import org.apache.hc.core5.util.Timeout;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Sends one webhook request: no redirects followed (a redirect could lead anywhere), no
 * cookies, no retries of its own, a hard deadline for the whole exchange, and only the first
 * kilobyte of the answer read. Connections resolve names through {@link TargetPolicy}, which
 * refuses internal addresses at the moment of connecting.
 */
@Component
class WebhookClient implements DisposableBean {

	static final int EXCERPT_BYTES = 1024;

	private final CloseableHttpClient http;
	private final TargetPolicy targets;
	private final Duration timeout;
	private final ScheduledExecutorService deadlines = Executors.newSingleThreadScheduledExecutor(
			Thread.ofPlatform().name("webhook-deadlines").daemon().factory());

	WebhookClient(WebhookProperties properties, TargetPolicy targets) {
		this.targets = targets;
		this.timeout = properties.timeout();
		var limit = Timeout.of(properties.timeout());
		var connections = PoolingHttpClientConnectionManagerBuilder.create()
			.setDnsResolver(targets)
			.setDefaultConnectionConfig(ConnectionConfig.custom().setConnectTimeout(limit).setSocketTimeout(limit)
				.setTimeToLive(Timeout.ofMinutes(5)).build())
			.setMaxConnPerRoute(properties.maxConcurrentPerEndpoint())
			.setMaxConnTotal(Math.max(50, properties.maxConcurrentPerOrganisation() * 10))
			.build();
		this.http = HttpClients.custom()
			.setConnectionManager(connections)
			.setDefaultRequestConfig(RequestConfig.custom().setRedirectsEnabled(false).setResponseTimeout(limit)
				.setConnectionRequestTimeout(limit).build())
			.disableRedirectHandling()
			.disableAutomaticRetries()
			.disableCookieManagement()
			.disableAuthCaching()
			.setUserAgent("Atrium-Webhooks/1")
			.build();
	}

	/** What one attempt came to. */
	enum Outcome {
		SUCCEEDED, FAILED, TIMED_OUT, UNREACHABLE, REFUSED
	}

	/**
	 * @param status the HTTP status, when an answer came
	 * @param excerpt the first kilobyte of the answer's body
	 * @param error what went wrong when no usable answer came
	 * @param retryAfter how long the receiver asked us to wait (Retry-After), if it did
	 */
	record Result(Outcome outcome, Integer status, long latencyMillis, String excerpt, String error, Duration retryAfter) {
	}

	Result post(URI url, Map<String, String> headers, String body) {
		var started = System.nanoTime();
		try {
			// checked before connecting too, for a clear refusal without touching the network
			targets.resolve(TargetPolicy.host(url));
		}
		catch (TargetPolicy.RefusedTarget e) {
			return new Result(Outcome.REFUSED, null, millisSince(started), null, "Not sent: the host " + e.getMessage() + ".", null);
		}
		catch (IOException e) {
			return new Result(Outcome.UNREACHABLE, null, millisSince(started), null, "The host could not be resolved: " + e.getMessage(), null);
		}
		var request = new HttpPost(url);
		headers.forEach(request::setHeader);
		request.setEntity(new StringEntity(body, ContentType.APPLICATION_JSON));
		// set before cancelling: the cancelled exchange may fail in this thread before cancel() returns
		var expired = new AtomicBoolean();
		var deadline = deadlines.schedule(() -> {
			expired.set(true);
			request.cancel();
		}, timeout.toMillis(), TimeUnit.MILLISECONDS);
		try (var response = http.executeOpen(null, request, null)) {
			var status = response.getCode();
			var excerpt = response.getEntity() == null ? null : excerpt(response.getEntity().getContent());
			var retryAfter = response.getFirstHeader("Retry-After");
			var outcome = status >= 200 && status < 300 ? Outcome.SUCCEEDED : Outcome.FAILED;
			return new Result(outcome, status, millisSince(started), excerpt,
					outcome == Outcome.SUCCEEDED ? null : "The endpoint answered " + status + ".",
					retryAfter == null ? null : retryAfter(retryAfter.getValue()));
		}
		catch (TargetPolicy.RefusedTarget e) {
			return new Result(Outcome.REFUSED, null, millisSince(started), null, "Not sent: the host " + e.getMessage() + ".", null);
		}
		catch (SocketTimeoutException e) {
			return timedOut(started);
		}
		catch (IOException e) {
			if (expired.get() || e instanceof InterruptedIOException) {
				return timedOut(started);
			}
			return new Result(Outcome.UNREACHABLE, null, millisSince(started), null,
					"No answer: " + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : " " + e.getMessage()), null);
		}
		finally {
			deadline.cancel(false);
		}
	}

	private Result timedOut(long started) {
		return new Result(Outcome.TIMED_OUT, null, millisSince(started), null,
				"No complete answer within " + timeout.toMillis() + " ms.", null);
	}

	private static String excerpt(java.io.InputStream body) throws IOException {
		var bytes = body.readNBytes(EXCERPT_BYTES);
		var text = new String(bytes, StandardCharsets.UTF_8);
		// a multi-byte character cut at the limit decodes to U+FFFD; drop it
		return text.endsWith("\uFFFD") && bytes.length == EXCERPT_BYTES ? text.substring(0, text.length() - 1) : text;
	}

	/** Retry-After as seconds or an HTTP date (RFC 9110 section 10.2.3); null when unreadable. */
	static Duration retryAfter(String value) {
		var text = value.strip();
		try {
			return Duration.ofSeconds(Math.max(0, Long.parseLong(text)));
		}
		catch (NumberFormatException notSeconds) {
			try {
				var at = ZonedDateTime.parse(text, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
				var wait = Duration.between(Instant.now(), at);
				return wait.isNegative() ? Duration.ZERO : wait;
			}
			catch (java.time.format.DateTimeParseException notADate) {
				return null;
			}
		}
	}

	private static long millisSince(long started) {
		return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
	}

	@Override
	public void destroy() throws IOException {
		deadlines.shutdownNow();
		http.close();
	}
}
