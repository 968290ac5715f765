package io.atrium.mail;

/** Sends one plain-text message. */
public interface Mailer {

	void send(String to, String subject, String body);
}
