package io.atrium.database;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where Atrium keeps its data. With no {@code url} Atrium starts an embedded PostgreSQL whose
 * cluster lives in {@code embeddedDirectory}; with a {@code url} it uses that server, migrating
 * as {@code user} and serving requests as {@code appUser}.
 *
 * @param url JDBC URL of an external PostgreSQL; blank for the embedded one
 * @param user the owning role that runs migrations
 * @param password its password
 * @param appUser the request role: owns nothing, no superuser, no BYPASSRLS
 * @param appPassword its password
 * @param poolSize connections in the request pool
 * @param embeddedDirectory the embedded cluster's data directory
 * @param embeddedPort the embedded cluster's port, 0 for any free one
 */
@ConfigurationProperties("atrium.db")
public record DatabaseProperties(
		String url,
		@DefaultValue("atrium_owner") String user,
		@DefaultValue("") String password,
		@DefaultValue("atrium_app") String appUser,
		@DefaultValue("atrium_app") String appPassword,
		@DefaultValue("16") int poolSize,
		@DefaultValue("./var/postgres") Path embeddedDirectory,
		@DefaultValue("0") int embeddedPort) {

	boolean embedded() {
		return url == null || url.isBlank();
	}
}
