package io.atrium.mail;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param from the sender address
 * @param smtpHost SMTP server; blank to write mail to {@code logFile} instead
 * @param smtpPort its port
 * @param smtpUsername login, if the server wants one
 * @param smtpPassword its password
 * @param smtpStartTls whether to require STARTTLS
 * @param logFile where mail goes when there is no SMTP server
 */
@ConfigurationProperties("atrium.mail")
public record MailProperties(
		@DefaultValue("Atrium <no-reply@atrium.local>") String from,
		String smtpHost,
		@DefaultValue("25") int smtpPort,
		String smtpUsername,
		String smtpPassword,
		@DefaultValue("false") boolean smtpStartTls,
		@DefaultValue("./var/mail.log") Path logFile) {
}
