package io.atrium.jobs;

import java.util.Objects;

/**
 * The name and data of a kind of one-time job: what {@link Jobs#schedule} needs to schedule an
 * instance, and what {@link OneTimeJob#of} binds a handler to. Keep it as a constant.
 *
 * @param name unique across Atrium, stored with every scheduled instance; never rename a live one
 * @param dataType the instance data, stored as JSON (a record of ids, never secrets)
 */
public record JobType<T>(String name, Class<T> dataType) {

	public JobType {
		requireValidName(name);
		Objects.requireNonNull(dataType, "dataType");
	}

	static String requireValidName(String name) {
		Objects.requireNonNull(name, "name");
		if (!name.matches("[a-z][a-z0-9-]{0,62}")) {
			throw new IllegalArgumentException("A job name is lower-case letters, digits and hyphens: " + name);
		}
		return name;
	}
}
