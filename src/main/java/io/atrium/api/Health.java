package io.atrium.api;

import java.util.Map;

import javax.sql.DataSource;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.tags.Tag;

/** Liveness ({@code /health}: the process answers) and readiness ({@code /ready}: the database answers). */
@RestController
@Tag(name = "Health")
class Health {

	private final JdbcClient jdbc;

	Health(DataSource dataSource) {
		this.jdbc = JdbcClient.create(dataSource);
	}

	@GetMapping("/health")
	Map<String, String> health() {
		return Map.of("status", "UP");
	}

	@GetMapping("/ready")
	ResponseEntity<Map<String, String>> ready() {
		try {
			jdbc.sql("select 1").query(Integer.class).single();
			return ResponseEntity.ok(Map.of("status", "UP", "database", "UP"));
		}
		catch (RuntimeException e) {
			return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).body(Map.of("status", "DOWN", "database", "DOWN"));
		}
	}
}
