package io.atrium.webhooks;

import java.util.Collection;
import java.util.regex.Pattern;

/**
 * Event types an endpoint subscribes to. Types are dotted ({@code site.created}); a
 * subscription is a type, a prefix ending in {@code .*} for a whole family
 * ({@code interaction.*} matches {@code interaction.created} and {@code interaction.note.added}),
 * or {@code *} for everything.
 */
final class EventTypes {

	static final String PATTERN = "^(\\*|[a-z][a-z0-9_]*(\\.[a-z][a-z0-9_]*)*(\\.\\*)?)$";
	static final String MESSAGE = "must be an event type such as site.created, a family such as interaction.*, or *";

	private static final Pattern VALID = Pattern.compile(PATTERN);

	private EventTypes() {
	}

	static boolean isValid(String subscription) {
		return subscription != null && subscription.length() <= 100 && VALID.matcher(subscription).matches();
	}

	static boolean matches(String subscription, String type) {
		if (subscription.equals("*")) {
			return true;
		}
		if (subscription.endsWith(".*")) {
			return type.startsWith(subscription.substring(0, subscription.length() - 1));
		}
		return subscription.equals(type);
	}

	static boolean anyMatches(Collection<String> subscriptions, String type) {
		return subscriptions.stream().anyMatch(s -> matches(s, type));
	}
}
