package io.atrium.operations;

import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import io.atrium.access.Access;
import io.atrium.access.Callers;
import io.atrium.access.Memberships;
import io.atrium.api.ApiException;
import io.atrium.database.Scope;
import io.atrium.database.TenantTransactions;
import io.atrium.identity.Authentication;
import io.atrium.identity.SignInRestriction;
import io.atrium.tenancy.Organisation;
import io.atrium.tenancy.Organisations;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Refuses a suspended organisation's members every call under
 * {@code /api/v1/organisations/{id}} with a problem that says why, instead of the bare 404 they
 * would otherwise get. Outsiders still get 404; super admins keep access to operate it.
 */
@Configuration(proxyBeanMethods = false)
class SuspendedOrganisations implements WebMvcConfigurer, HandlerInterceptor, SignInRestriction {

	private static final Pattern ORGANISATION_PATH = Pattern.compile("^/api/v1/organisations/([0-9a-fA-F-]{36})(/.*)?$");

	private final Organisations organisations;
	private final Memberships memberships;
	private final TenantTransactions transactions;
	private final JdbcClient jdbc;
	private final Access access;
	private final Callers callers;

	SuspendedOrganisations(Organisations organisations, Memberships memberships, TenantTransactions transactions, JdbcClient jdbc,
			Access access, Callers callers) {
		this.access = access;
		this.callers = callers;
		this.organisations = organisations;
		this.memberships = memberships;
		this.transactions = transactions;
		this.jdbc = jdbc;
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(this).addPathPatterns("/api/v1/organisations/*", "/api/v1/organisations/*/**");
	}

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
		var path = ORGANISATION_PATH.matcher(request.getRequestURI());
		if (!path.matches() || !(SecurityContextHolder.getContext().getAuthentication() instanceof JwtAuthenticationToken token)) {
			return true;
		}
		UUID organisationId;
		try {
			organisationId = UUID.fromString(path.group(1));
		}
		catch (IllegalArgumentException notAnId) {
			return true;
		}
		var caller = callers.resolve(Authentication.of(token.getToken()));
		if (caller.memberships().containsKey(organisationId)) {
			// the caller's memberships are those of active organisations only: nothing to look up
			return true;
		}
		var scope = Scope.system(organisationId);
		var suspended = organisations.get(scope, organisationId).map(o -> o.status() == Organisation.Status.SUSPENDED)
			.orElse(false);
		if (!suspended) {
			return true;
		}
		var member = memberships.get(scope, organisationId, caller.userId())
			.filter(m -> m.status() == Memberships.Member.Status.ACTIVE).isPresent();
		if (member && !caller.superAdmin()) {
			throw new ApiException(HttpStatus.FORBIDDEN, "organisation-suspended", "Organisation suspended",
					"This organisation has been suspended by the Atrium operators. Its data is kept, but nobody can use it "
							+ "until it is resumed; contact your Atrium operator.",
					Map.of("organisationId", organisationId.toString()));
		}
		return true;
	}

	/**
	 * Members of suspended organisations cannot sign in: refused when every organisation the user
	 * belongs to is suspended (a user with an active organisation, or with none, may still sign in).
	 */
	@Override
	public java.util.Optional<Refusal> refusal(UUID userId) {
		var memberships = transactions.read(Scope.user(userId), () -> jdbc.sql("""
				select count(*) as total, count(*) filter (where o.status = 'ACTIVE') as active
				from organisation_members m join organisations o on o.id = m.organisation_id
				where m.user_id = ? and m.status = 'ACTIVE'
				""").param(userId).query((rs, n) -> new long[] { rs.getLong("total"), rs.getLong("active") }).single());
		if (memberships[0] == 0 || memberships[1] > 0 || superAdmin(userId)) {
			return java.util.Optional.empty();
		}
		return java.util.Optional.of(new Refusal("organisation-suspended", "Organisation suspended",
				"Your organisation has been suspended by the Atrium operators. Its data is kept, but nobody can sign in "
						+ "until it is resumed; contact your Atrium operator."));
	}

	private boolean superAdmin(UUID userId) {
		return access.isSuperAdmin(userId);
	}
}
