package io.atrium.identity;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

import com.github.f4b6a3.uuid.UuidCreator;

import io.atrium.api.ApiException;
import io.atrium.identity.IdentityEvents.UserCreated;
import io.atrium.identity.IdentityEvents.UserUnlocked;

/**
 * Identities for other modules: create a user, look users up, unlock one. Methods join the
 * caller's transaction.
 */
@Service
public class UserAccounts {

	private static final String TEMPORARY_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
	private static final SecureRandom RANDOM = new SecureRandom();

	private final Users users;
	private final Passwords passwords;
	private final ApplicationEventPublisher events;
	private final Clock clock;

	UserAccounts(Users users, Passwords passwords, ApplicationEventPublisher events, Clock clock) {
		this.users = users;
		this.passwords = passwords;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * Creates a user. With {@code mustChangePassword} the password is temporary and must be
	 * changed at first sign-in; a null password leaves the account without one (invited users
	 * set theirs through the reset link).
	 *
	 * @throws ApiException 409 when the email is taken, 400 when the password breaks the rules
	 */
	public UserAccount create(String email, String displayName, String password, boolean mustChangePassword,
			String passwordField) {
		if (password != null) {
			passwords.problemWith(password).ifPresent(problem -> {
				throw ApiException.invalid(passwordField, problem);
			});
		}
		if (users.byEmail(email).isPresent()) {
			throw ApiException.conflict("email-taken", "A user with this email already exists.");
		}
		var id = UuidCreator.getTimeOrderedEpoch();
		users.insert(id, email.strip(), displayName.strip(), password == null ? null : passwords.hash(password),
				mustChangePassword, clock.instant());
		events.publishEvent(new UserCreated(id, email.strip(), displayName.strip()));
		return users.byId(id).orElseThrow().account();
	}

	public Optional<UserAccount> find(UUID id) {
		return users.byId(id).map(Users.StoredUser::account);
	}

	public Optional<UserAccount> findByEmail(String email) {
		return users.byEmail(email).map(Users.StoredUser::account);
	}

	public Map<UUID, UserAccount> findAll(Collection<UUID> ids) {
		return users.byIds(ids).stream().map(Users.StoredUser::account)
			.collect(Collectors.toMap(UserAccount::id, Function.identity()));
	}

	/** The user's own settings (e.g. the last site they chose), as a JSON object. */
	public String preferences(UUID id) {
		return users.byId(id).map(Users.StoredUser::preferences).orElse("{}");
	}

	/** Replaces the user's settings with this JSON object. */
	public void savePreferences(UUID id, String preferencesJson) {
		users.savePreferences(id, preferencesJson, clock.instant());
	}

	/** Lifts a lockout before it runs out. */
	public void unlock(UUID id) {
		users.unlock(id, clock.instant());
		events.publishEvent(new UserUnlocked(id));
	}

	/** A random password that meets the rules, for temporary passwords. */
	public String generatePassword() {
		var builder = new StringBuilder();
		for (int i = 0; i < 20; i++) {
			builder.append(TEMPORARY_ALPHABET.charAt(RANDOM.nextInt(TEMPORARY_ALPHABET.length())));
		}
		return builder.toString();
	}
}
