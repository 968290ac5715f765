package io.atrium.api;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * @param maxBodySize largest request body accepted; larger ones answer 413
 * @param corsOrigins origins allowed to call the API from a browser; empty for same-origin only
 * @param publicUrl the address people reach Atrium at, used in links sent by email
 */
@ConfigurationProperties("atrium.api")
public record ApiProperties(
		@DefaultValue("1MB") DataSize maxBodySize,
		@DefaultValue List<String> corsOrigins,
		@DefaultValue("http://localhost:8080") String publicUrl) {
}
