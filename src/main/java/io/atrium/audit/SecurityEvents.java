package io.atrium.audit;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import io.atrium.api.PageOf;
import io.atrium.api.PageQuery;
import io.atrium.database.Scope;
import io.atrium.database.TenantTransactions;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Security signals from the platform's own audit chain (entries with no organisation): failed
 * sign-ins, lockouts, reused refresh tokens, rate-limit rejections and disabled webhook
 * endpoints. Only the platform scope can read that chain, so only super admins see them.
 */
@Service
public class SecurityEvents {

	public static final Map<String, String> SORTABLE = Map.of("occurredAt", "occurred_at");

	/** The kinds of security event, each the audit action that records it. */
	public enum Type {
		SIGN_IN_FAILED("auth.sign_in_failed"),
		LOCKED_OUT("auth.locked_out"),
		REFRESH_TOKEN_REUSED("auth.refresh_token_reused"),
		/** Recorded by the rate limiter under this action, when it audits rejections. */
		RATE_LIMITED("rate_limit.rejected"),
		WEBHOOK_ENDPOINT_DISABLED("webhook.endpoint_disabled");

		private final String action;

		Type(String action) {
			this.action = action;
		}

		public String action() {
			return action;
		}

		static Type of(String action) {
			return Arrays.stream(values()).filter(t -> t.action.equals(action)).findFirst().orElseThrow();
		}
	}

	/**
	 * @param userId the user the event is about or who caused it, if known
	 * @param email the email given, for events that carry one (a failed sign-in for an unknown email has only this)
	 */
	public record SecurityEvent(UUID id, Type type, Instant occurredAt, UUID userId, String email, String entityType,
			String entityId, Map<String, Object> details, String clientAddress, String requestId) {
	}

	/**
	 * @param types the kinds wanted; empty for all
	 * @param from inclusive lower bound of the time
	 * @param to exclusive upper bound
	 * @param email events carrying this email (any case)...
	 * @param userId ...or about this user; both given, either matches (the same person, known or not)
	 */
	public record Filter(Set<Type> types, Instant from, Instant to, String email, UUID userId) {

		public Filter {
			types = types == null || types.isEmpty() ? Set.of(Type.values()) : Set.copyOf(types);
		}
	}

	private final TenantTransactions transactions;
	private final JdbcClient jdbc;
	private final JsonMapper json;

	SecurityEvents(TenantTransactions transactions, JdbcClient jdbc, JsonMapper json) {
		this.transactions = transactions;
		this.jdbc = jdbc;
		this.json = json;
	}

	public PageOf<SecurityEvent> list(Scope scope, Filter filter, PageQuery page) {
		return transactions.read(scope, () -> {
			var where = new StringBuilder(" from audit_events where organisation_id is null and action = any (?)");
			var params = new ArrayList<Object>();
			params.add(filter.types().stream().map(Type::action).sorted().toArray(String[]::new));
			if (filter.from() != null) {
				where.append(" and occurred_at >= ?");
				params.add(filter.from().atOffset(ZoneOffset.UTC));
			}
			if (filter.to() != null) {
				where.append(" and occurred_at < ?");
				params.add(filter.to().atOffset(ZoneOffset.UTC));
			}
			if (filter.email() != null || filter.userId() != null) {
				where.append(" and (lower(details ->> 'email') = lower(cast(? as text))"
						+ " or actor_id = cast(? as uuid) or entity_id = cast(? as text))");
				params.add(filter.email());
				params.add(filter.userId());
				params.add(filter.userId() == null ? null : filter.userId().toString());
			}
			var total = jdbc.sql("select count(*)" + where).params(params).query(Long.class).single();
			var pageParams = new ArrayList<>(params);
			pageParams.add(page.size());
			pageParams.add(page.offset());
			var items = jdbc.sql("select *" + where + page.orderBy() + " limit ? offset ?").params(pageParams)
				.query((rs, n) -> {
					Map<String, Object> details = json.readValue(rs.getString("details"), new TypeReference<Map<String, Object>>() {
					});
					var actor = rs.getObject("actor_id", UUID.class);
					return new SecurityEvent(rs.getObject("id", UUID.class), Type.of(rs.getString("action")),
							rs.getObject("occurred_at", OffsetDateTime.class).toInstant(), actor,
							details.get("email") instanceof String email ? email : null, rs.getString("entity_type"),
							rs.getString("entity_id"), details, rs.getString("client_address"), rs.getString("request_id"));
				}).list();
			return PageOf.of(items, page, total);
		});
	}
}
