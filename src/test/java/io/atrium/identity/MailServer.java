package io.atrium.identity;

import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistrar;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

/**
 * A real SMTP server (GreenMail) on a free port, with Atrium's {@code atrium.mail.smtp-host} and
 * {@code smtp-port} pointed at it, so tests read the mail Atrium actually sent.
 */
@TestConfiguration(proxyBeanMethods = false)
class MailServer {

	private static final Pattern TOKEN = Pattern.compile("reset-password\\?token=([A-Za-z0-9_-]+)");

	@Bean(destroyMethod = "stop")
	GreenMail greenMail() {
		var greenMail = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
		greenMail.start();
		return greenMail;
	}

	@Bean
	DynamicPropertyRegistrar smtpServer(GreenMail greenMail) {
		return registry -> {
			registry.add("atrium.mail.smtp-host", () -> "127.0.0.1");
			registry.add("atrium.mail.smtp-port", () -> greenMail.getSmtp().getPort());
		};
	}

	/** Messages delivered to this address so far. */
	static List<MimeMessage> messagesTo(GreenMail greenMail, String address) {
		return Arrays.stream(greenMail.getReceivedMessages()).filter(message -> {
			try {
				return Arrays.stream(message.getRecipients(Message.RecipientType.TO))
					.anyMatch(recipient -> recipient.toString().equalsIgnoreCase(address));
			}
			catch (MessagingException e) {
				throw new IllegalStateException(e);
			}
		}).toList();
	}

	/** The decoded text of a plain-text message. */
	static String body(MimeMessage message) {
		try {
			return (String) message.getContent();
		}
		catch (MessagingException | java.io.IOException e) {
			throw new IllegalStateException(e);
		}
	}

	/** The token in the link of a reset or invitation email. */
	static String linkToken(MimeMessage message) {
		var matcher = TOKEN.matcher(body(message));
		if (!matcher.find()) {
			throw new AssertionError("No reset link in: " + body(message));
		}
		return matcher.group(1);
	}
}
