package io.atrium.webhooks;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.atrium.access.Access;
import io.atrium.access.Caller;
import io.atrium.access.Permission;
import io.atrium.api.ApiException;
import io.atrium.api.PageOf;
import io.atrium.api.PageQuery;
import io.atrium.api.Versions;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * An organisation's webhooks, for its admins (organisation management permission): endpoints,
 * their secrets, the delivery log and replays. Secrets and payloads are sensitive, so reading
 * needs the same permission as changing.
 */
@RestController
@RequestMapping("/api/v1/organisations/{organisationId}/webhooks")
@Tag(name = "Webhooks")
class WebhooksController {

	static final String SINGLE_LINE = "^[^\\r\\n\\t]*$";

	private final WebhookEndpoints endpoints;
	private final WebhookDeliveries deliveries;
	private final Access access;

	WebhooksController(WebhookEndpoints endpoints, WebhookDeliveries deliveries, Access access) {
		this.endpoints = endpoints;
		this.deliveries = deliveries;
		this.access = access;
	}

	record NewEndpoint(
			@NotBlank @Size(max = 2000) String url,
			@NotEmpty @Size(max = 50) List<@NotNull @Pattern(regexp = EventTypes.PATTERN, message = EventTypes.MESSAGE) @Size(max = 100) String> eventTypes,
			@Size(max = 500) @Pattern(regexp = SINGLE_LINE, message = "must be a single line") String description,
			Boolean enabled) {
	}

	record EndpointChanges(
			@Size(min = 1, max = 2000) String url,
			@Size(min = 1, max = 50) List<@NotNull @Pattern(regexp = EventTypes.PATTERN, message = EventTypes.MESSAGE) @Size(max = 100) String> eventTypes,
			@Size(max = 500) @Pattern(regexp = SINGLE_LINE, message = "must be a single line") String description,
			Boolean enabled) {
	}

	/** An endpoint as just created: the only answer besides GET .../secret that carries the secret. */
	record CreatedEndpoint(UUID id, UUID organisationId, String url, String description, List<String> eventTypes,
			boolean enabled, java.time.Instant createdAt, int version, String secret) {
	}

	record ReplaySince(@NotNull Instant since, UUID endpointId) {
	}

	@PostMapping("/endpoints")
	@Operation(summary = "Register an endpoint; the answer carries its signing secret")
	ResponseEntity<CreatedEndpoint> create(Caller caller, @PathVariable UUID organisationId, @Valid @RequestBody NewEndpoint body) {
		var scope = access.organisation(caller, organisationId, Permission.ORGANISATION_MANAGE);
		var created = endpoints.create(scope, organisationId,
				new WebhookEndpoints.Details(body.url(), body.description(), body.eventTypes(), body.enabled()));
		var endpoint = created.endpoint();
		return ResponseEntity.status(HttpStatus.CREATED)
			.header(HttpHeaders.LOCATION, "/api/v1/organisations/" + organisationId + "/webhooks/endpoints/" + endpoint.id())
			.eTag(Versions.etag(endpoint.version()))
			.body(new CreatedEndpoint(endpoint.id(), organisationId, endpoint.url(), endpoint.description(),
					endpoint.eventTypes(), endpoint.enabled(), endpoint.createdAt(), endpoint.version(), created.secret()));
	}

	@GetMapping("/endpoints")
	PageOf<WebhookEndpoint> list(Caller caller, @PathVariable UUID organisationId, @RequestParam(required = false) Integer page,
			@RequestParam(required = false) Integer size, @RequestParam(required = false) String sort,
			@RequestParam(required = false) Boolean enabled) {
		var scope = access.organisation(caller, organisationId, Permission.ORGANISATION_MANAGE);
		return endpoints.list(scope, organisationId, PageQuery.of(page, size, sort, WebhookEndpoints.SORTABLE, "createdAt"), enabled);
	}

	@GetMapping("/endpoints/{endpointId}")
	ResponseEntity<WebhookEndpoint> get(Caller caller, @PathVariable UUID organisationId, @PathVariable UUID endpointId) {
		var scope = access.organisation(caller, organisationId, Permission.ORGANISATION_MANAGE);
		var endpoint = endpoints.get(scope, organisationId, endpointId).orElseThrow(() -> ApiException.notFound("webhook endpoint"));
		return ResponseEntity.ok().eTag(Versions.etag(endpoint.version())).body(endpoint);
	}

	@PatchMapping("/endpoints/{endpointId}")
	@Operation(summary = "Change an endpoint; enabling a disabled one clears its failure record")
	ResponseEntity<WebhookEndpoint> update(Caller caller, @PathVariable UUID organisationId, @PathVariable UUID endpointId,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
			@Valid @RequestBody EndpointChanges body) {
		var scope = access.organisation(caller, organisationId, Permission.ORGANISATION_MANAGE);
		var updated = endpoints.update(scope, organisationId, endpointId, Versions.expected(ifMatch),
				new WebhookEndpoints.Details(body.url(), body.description(), body.eventTypes(), body.enabled()));
		return ResponseEntity.ok().eTag(Versions.etag(updated.version())).body(updated);
	}

	@DeleteMapping("/endpoints/{endpointId}")
	@Operation(summary = "Delete an endpoint with its delivery log")
	ResponseEntity<Void> delete(Caller caller, @PathVariable UUID organisationId, @PathVariable UUID endpointId) {
		var scope = access.organisation(caller, organisationId, Permission.ORGANISATION_MANAGE);
		endpoints.delete(scope, organisationId, endpointId);
		return ResponseEntity.noContent().build();
	}

	@GetMapping("/endpoints/{endpointId}/secret")
	@Operation(summary = "The signing secret, and the previous one while it still signs")
	WebhookEndpoints.Secret secret(Caller caller, @PathVariable UUID organisationId, @PathVariable UUID endpointId) {
		var scope = access.organisation(caller, organisationId, Permission.ORGANISATION_MANAGE);
		return endpoints.secret(scope, organisationId, endpointId);
	}

	@PostMapping("/endpoints/{endpointId}/secret/rotate")
	@Operation(summary = "Replace the signing secret; both sign deliveries until the old one expires")
	WebhookEndpoints.Secret rotate(Caller caller, @PathVariable UUID organisationId, @PathVariable UUID endpointId) {
		var scope = access.organisation(caller, organisationId, Permission.ORGANISATION_MANAGE);
		return endpoints.rotate(scope, organisationId, endpointId);
	}

	@GetMapping("/deliveries")
	@Operation(summary = "The delivery log, newest first by default; filter by status, endpoint, event type and time")
	PageOf<WebhookDeliveries.Delivery> deliveries(Caller caller, @PathVariable UUID organisationId,
			@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size,
			@RequestParam(required = false) String sort, @RequestParam(required = false) WebhookDeliveries.Status status,
			@RequestParam(required = false) UUID endpointId,
			@RequestParam(required = false) @Pattern(regexp = EventTypes.PATTERN, message = EventTypes.MESSAGE) String eventType,
			@RequestParam(required = false) Instant from, @RequestParam(required = false) Instant to) {
		var scope = access.organisation(caller, organisationId, Permission.ORGANISATION_MANAGE);
		var query = PageQuery.of(page, size, sort == null ? "createdAt,desc" : sort, WebhookDeliveries.SORTABLE, "createdAt");
		return deliveries.list(scope, organisationId, query, new WebhookDeliveries.Filter(status, endpointId, eventType, from, to));
	}

	@GetMapping("/deliveries/{deliveryId}")
	@Operation(summary = "One delivery with its payload and every attempt")
	WebhookDeliveries.DeliveryDetail delivery(Caller caller, @PathVariable UUID organisationId, @PathVariable UUID deliveryId) {
		var scope = access.organisation(caller, organisationId, Permission.ORGANISATION_MANAGE);
		return deliveries.get(scope, organisationId, deliveryId).orElseThrow(() -> ApiException.notFound("webhook delivery"));
	}

	@GetMapping("/deliveries/{deliveryId}/attempts")
	PageOf<WebhookDeliveries.Attempt> attempts(Caller caller, @PathVariable UUID organisationId, @PathVariable UUID deliveryId,
			@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size,
			@RequestParam(required = false) String sort) {
		var scope = access.organisation(caller, organisationId, Permission.ORGANISATION_MANAGE);
		return deliveries.attempts(scope, organisationId, deliveryId,
				PageQuery.of(page, size, sort, WebhookDeliveries.ATTEMPTS_SORTABLE, "attemptedAt"));
	}

	@PostMapping("/deliveries/{deliveryId}/replay")
	@Operation(summary = "Send a delivery again now, with the same webhook-id and a fresh round of retries")
	ResponseEntity<WebhookDeliveries.Delivery> replay(Caller caller, @PathVariable UUID organisationId, @PathVariable UUID deliveryId) {
		var scope = access.organisation(caller, organisationId, Permission.ORGANISATION_MANAGE);
		return ResponseEntity.accepted().body(deliveries.replay(scope, organisationId, deliveryId));
	}

	@PostMapping("/deliveries/replay")
	@Operation(summary = "Send again every failed delivery created since a time (of one endpoint, if given)")
	ResponseEntity<WebhookDeliveries.Replayed> replaySince(Caller caller, @PathVariable UUID organisationId,
			@Valid @RequestBody ReplaySince body) {
		var scope = access.organisation(caller, organisationId, Permission.ORGANISATION_MANAGE);
		return ResponseEntity.accepted().body(deliveries.replayFailedSince(scope, organisationId, body.since(), body.endpointId()));
	}
}
