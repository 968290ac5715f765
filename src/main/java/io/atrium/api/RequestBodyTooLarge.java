package io.atrium.api;

import java.io.IOException;

/** Thrown while reading a request body that grows past the configured limit. */
class RequestBodyTooLarge extends IOException {

	RequestBodyTooLarge(long limit) {
		super("The request body is larger than " + limit + " bytes. Send less data per request.");
	}
}
