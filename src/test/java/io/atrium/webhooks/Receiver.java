package io.atrium.webhooks;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpServer;

/**
 * A webhook receiver on loopback: records every request per path and answers with scripted
 * replies, then 200 once the script runs out.
 */
final class Receiver implements AutoCloseable {

	private final HttpServer server;
	private final Map<String, Deque<Reply>> scripts = new ConcurrentHashMap<>();
	private final Map<String, List<Received>> received = new ConcurrentHashMap<>();

	record Received(Map<String, List<String>> headers, String body, Instant at) {

		String header(String name) {
			return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name)).findFirst()
				.map(e -> e.getValue().get(0)).orElse(null);
		}
	}

	record Reply(int status, Duration delay, Map<String, String> headers) {

		static Reply status(int status) {
			return new Reply(status, Duration.ZERO, Map.of());
		}

		static Reply slow(Duration delay) {
			return new Reply(200, delay, Map.of());
		}
	}

	Receiver() {
		try {
			server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 50);
		}
		catch (IOException e) {
			throw new IllegalStateException(e);
		}
		server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
		server.createContext("/", exchange -> {
			var path = exchange.getRequestURI().getPath();
			var body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
			received.computeIfAbsent(path, p -> new CopyOnWriteArrayList<>())
				.add(new Received(Map.copyOf(exchange.getRequestHeaders()), body, Instant.now()));
			Reply reply;
			synchronized (scripts) {
				var script = scripts.get(path);
				reply = script == null || script.isEmpty() ? Reply.status(200) : script.poll();
			}
			if (!reply.delay().isZero()) {
				try {
					Thread.sleep(reply.delay());
				}
				catch (InterruptedException e) {
					Thread.currentThread().interrupt();
				}
			}
			reply.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
			var answer = ("received " + reply.status()).getBytes(StandardCharsets.UTF_8);
			try {
				exchange.sendResponseHeaders(reply.status(), answer.length);
				exchange.getResponseBody().write(answer);
			}
			catch (IOException closedByTheSender) {
				// the sender gave up waiting (a timeout test): nothing left to answer
			}
			exchange.close();
		});
		server.start();
	}

	/** A fresh path on this receiver, as a URL. */
	String url(String path) {
		return "http://127.0.0.1:" + server.getAddress().getPort() + path;
	}

	int port() {
		return server.getAddress().getPort();
	}

	void script(String path, Reply... replies) {
		synchronized (scripts) {
			scripts.put(path, new ArrayDeque<>(List.of(replies)));
		}
	}

	List<Received> received(String path) {
		return List.copyOf(received.getOrDefault(path, List.of()));
	}

	@Override
	public void close() {
		server.stop(0);
	}
}
