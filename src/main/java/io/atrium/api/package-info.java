/**
 * The HTTP edge every module shares: one RFC 9457 problem+json error contract, request ids,
 * request size limits, paging, health and the OpenAPI document.
 */
@org.springframework.modulith.ApplicationModule(displayName = "API edge", type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package io.atrium.api;
