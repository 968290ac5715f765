/**
 * Outgoing email: through SMTP when {@code ATRIUM_SMTP_HOST} is set, otherwise appended to a
 * local mail log so that nothing sent is lost on a machine with no mail server.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Mail", allowedDependencies = {})
package io.atrium.mail;
