package io.atrium.mail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.util.Properties;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSenderImpl;

@Configuration(proxyBeanMethods = false)
class MailConfiguration {

	private static final Logger log = LoggerFactory.getLogger(MailConfiguration.class);

	@Bean
	Mailer mailer(MailProperties properties, Clock clock) {
		if (properties.smtpHost() == null || properties.smtpHost().isBlank()) {
			log.info("No SMTP server configured (ATRIUM_SMTP_HOST); outgoing mail is written to {}",
					properties.logFile().toAbsolutePath());
			return (to, subject, body) -> appendToLog(properties, clock.instant(), to, subject, body);
		}
		var sender = new JavaMailSenderImpl();
		sender.setHost(properties.smtpHost());
		sender.setPort(properties.smtpPort());
		sender.setUsername(properties.smtpUsername());
		sender.setPassword(properties.smtpPassword());
		var javaMail = new Properties();
		javaMail.put("mail.smtp.auth", properties.smtpUsername() != null && !properties.smtpUsername().isBlank());
		javaMail.put("mail.smtp.starttls.enable", properties.smtpStartTls());
		javaMail.put("mail.smtp.starttls.required", properties.smtpStartTls());
		javaMail.put("mail.smtp.connectiontimeout", 10_000);
		javaMail.put("mail.smtp.timeout", 10_000);
		sender.setJavaMailProperties(javaMail);
		return (to, subject, body) -> {
			var message = new SimpleMailMessage();
			message.setFrom(properties.from());
			message.setTo(to);
			message.setSubject(subject);
			message.setText(body);
			sender.send(message);
		};
	}

	private static synchronized void appendToLog(MailProperties properties, Instant at, String to, String subject, String body) {
		var entry = """
				----- %s
				From: %s
				To: %s
				Subject: %s

				%s

				""".formatted(at, properties.from(), to, subject, body);
		try {
			var file = properties.logFile().toAbsolutePath();
			Files.createDirectories(file.getParent());
			Files.writeString(file, entry, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
		}
		catch (IOException e) {
			throw new IllegalStateException("Could not write to the mail log " + properties.logFile() + ": " + e.getMessage(), e);
		}
	}
}
