package io.atrium.access;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import io.atrium.database.Scope;
import io.atrium.database.TenantTransactions;
import io.atrium.identity.UserAccounts;

/**
 * On first start, creates the super admin from {@code ATRIUM_ADMIN_EMAIL} and
 * {@code ATRIUM_ADMIN_PASSWORD}; without a password it generates a one-time password, prints it
 * once, and requires it to be changed at first sign-in.
 */
@Component
@Order(0)
class PlatformBootstrap implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(PlatformBootstrap.class);

	private final TenantTransactions transactions;
	private final UserAccounts accounts;
	private final JdbcClient jdbc;
	private final AdminProperties properties;

	PlatformBootstrap(TenantTransactions transactions, UserAccounts accounts, JdbcClient jdbc, AdminProperties properties) {
		this.transactions = transactions;
		this.accounts = accounts;
		this.jdbc = jdbc;
		this.properties = properties;
	}

	@Override
	public void run(ApplicationArguments args) {
		transactions.run(Scope.anonymous(), () -> {
			jdbc.sql("select pg_advisory_xact_lock(7302)").query((rs, n) -> 1).single();
			if (jdbc.sql("select count(*) from platform_roles where role = 'SUPER_ADMIN'").query(Long.class).single() > 0) {
				return;
			}
			var generated = properties.password() == null || properties.password().isBlank();
			var password = generated ? accounts.generatePassword() : properties.password();
			var admin = accounts.findByEmail(properties.email())
				.orElseGet(() -> accounts.create(properties.email(), "Atrium administrator", password, generated, "ATRIUM_ADMIN_PASSWORD"));
			jdbc.sql("insert into platform_roles (user_id, role) values (?, 'SUPER_ADMIN')").param(admin.id()).update();
			if (generated) {
				// printed once, on purpose: this is the only way to learn the first password
				System.out.println("""

						==============================================================
						 Atrium super admin created
						   email:    %s
						   password: %s   (one-time: change it at first sign-in)
						 Set ATRIUM_ADMIN_EMAIL / ATRIUM_ADMIN_PASSWORD to choose them.
						==============================================================
						""".formatted(admin.email(), password));
			}
			else {
				log.info("Created super admin {}", admin.email());
			}
		});
	}

	/**
	 * @param email the first super admin's email
	 * @param password their password; blank to generate a one-time one
	 */
	@ConfigurationProperties("atrium.admin")
	record AdminProperties(@org.springframework.boot.context.properties.bind.DefaultValue("admin@atrium.local") String email,
			String password) {
	}
}
