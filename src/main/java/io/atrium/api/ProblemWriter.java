package io.atrium.api;

import java.io.IOException;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;

import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

/** Writes problem+json from servlet filters, which run before Spring MVC's error handling. */
@Component
public class ProblemWriter {

	private final JsonMapper json;

	ProblemWriter(JsonMapper json) {
		this.json = json;
	}

	public void write(HttpServletResponse response, ApiException problem) throws IOException {
		var body = ProblemResponses.problem(problem.status(), problem.type(), problem.title(), problem.getMessage());
		problem.properties().forEach(body::setProperty);
		response.setStatus(problem.status().value());
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		response.setCharacterEncoding("UTF-8");
		response.getWriter().write(json.writeValueAsString(body));
	}

	public void write(HttpServletResponse response, HttpStatus status, String type, String title, String detail)
			throws IOException {
		write(response, new ApiException(status, type, title, detail, null));
	}
}
