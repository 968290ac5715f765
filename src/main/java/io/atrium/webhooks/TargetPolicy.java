package io.atrium.webhooks;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Locale;

import org.apache.hc.client5.http.DnsResolver;
import org.springframework.stereotype.Component;

import io.atrium.api.ApiException;

/**
 * Where webhooks may go. Only https (plain http to hosts the operator lists), and never to
 * private, loopback, link-local or otherwise internal addresses, so an endpoint cannot make
 * Atrium call into its own network (SSRF). Every address a name resolves to is checked, when
 * an endpoint is registered and again by the HTTP client each time it connects, so a name that
 * later resolves to an internal address (DNS rebinding) is refused too.
 */
@Component
class TargetPolicy implements DnsResolver {

	private final WebhookProperties properties;

	TargetPolicy(WebhookProperties properties) {
		this.properties = properties;
	}

	/** The URL an admin registers, checked; answers 400 naming what is wrong. */
	URI registrable(String url) {
		URI uri;
		try {
			uri = new URI(url.strip());
		}
		catch (URISyntaxException e) {
			throw ApiException.invalid("url", "must be a valid absolute URL");
		}
		var scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
		if (!scheme.equals("https") && !scheme.equals("http")) {
			throw ApiException.invalid("url", "must start with https://");
		}
		var host = host(uri);
		if (host == null) {
			throw ApiException.invalid("url", "must name a host");
		}
		if (uri.getRawUserInfo() != null) {
			throw ApiException.invalid("url", "must not contain a user name or password");
		}
		if (uri.getRawFragment() != null) {
			throw ApiException.invalid("url", "must not contain a fragment (#...)");
		}
		if (scheme.equals("http") && !properties.allowedHttpHosts().contains(host.toLowerCase(Locale.ROOT))) {
			throw ApiException.invalid("url", "must use https (the operator allows plain http only to: "
					+ (properties.allowedHttpHosts().isEmpty() ? "no host" : String.join(", ", properties.allowedHttpHosts())) + ")");
		}
		try {
			resolve(host);
		}
		catch (RefusedTarget e) {
			throw ApiException.invalid("url", e.getMessage());
		}
		catch (UnknownHostException e) {
			// may be a name not published yet or a passing DNS failure: delivery checks again
		}
		return uri;
	}

	static String host(URI uri) {
		var host = uri.getHost();
		if (host == null || host.isBlank()) {
			return null;
		}
		return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
	}

	/** Resolves a host and refuses it when any of its addresses is internal. Used at every connection. */
	@Override
	public InetAddress[] resolve(String host) throws UnknownHostException {
		var addresses = InetAddress.getAllByName(host);
		if (!properties.allowPrivateTargets()) {
			for (var address : addresses) {
				if (isInternal(address)) {
					throw new RefusedTarget(host, address);
				}
			}
		}
		return addresses;
	}

	@Override
	public String resolveCanonicalHostname(String host) throws UnknownHostException {
		var addresses = resolve(host);
		return addresses.length == 0 ? host : addresses[0].getCanonicalHostName();
	}

	/** Addresses no webhook may reach: this host, private networks, link-local, multicast and reserved ranges. */
	static boolean isInternal(InetAddress address) {
		if (address.isAnyLocalAddress() || address.isLoopbackAddress() || address.isLinkLocalAddress()
				|| address.isSiteLocalAddress() || address.isMulticastAddress()) {
			return true;
		}
		var b = address.getAddress();
		if (address instanceof Inet4Address) {
			return isInternalV4(b);
		}
		if ((b[0] & 0xfe) == 0xfc) {
			return true; // fc00::/7 unique local
		}
		if ((b[0] & 0xff) == 0xfe && (b[1] & 0xc0) == 0xc0) {
			return true; // fec0::/10 site-local (deprecated)
		}
		// IPv6 forms that carry an IPv4 address: mapped, compatible, NAT64 (64:ff9b::/96), 6to4 (2002::/16)
		if (isZero(b, 0, 10) && ((b[10] == (byte) 0xff && b[11] == (byte) 0xff) || (b[10] == 0 && b[11] == 0))) {
			return isInternalV4(Arrays.copyOfRange(b, 12, 16));
		}
		if (b[0] == 0x00 && b[1] == 0x64 && b[2] == (byte) 0xff && b[3] == (byte) 0x9b && isZero(b, 4, 12)) {
			return isInternalV4(Arrays.copyOfRange(b, 12, 16));
		}
		if (b[0] == 0x20 && b[1] == 0x02) {
			return isInternalV4(Arrays.copyOfRange(b, 2, 6));
		}
		return false;
	}

	private static boolean isInternalV4(byte[] b) {
		int first = b[0] & 0xff;
		int second = b[1] & 0xff;
		return first == 0 || first == 10 || first == 127
				|| (first == 100 && (second & 0xc0) == 64) // 100.64.0.0/10 carrier-grade NAT
				|| (first == 169 && second == 254)
				|| (first == 172 && (second & 0xf0) == 16)
				|| (first == 192 && second == 168)
				|| (first == 192 && second == 0 && (b[2] & 0xff) == 0) // 192.0.0.0/24 protocol assignments
				|| (first == 198 && (second & 0xfe) == 18) // 198.18.0.0/15 benchmarking
				|| first >= 224; // multicast, reserved, broadcast
	}

	private static boolean isZero(byte[] bytes, int from, int to) {
		for (int i = from; i < to; i++) {
			if (bytes[i] != 0) {
				return false;
			}
		}
		return true;
	}

	/** A host refused because it resolves to an internal address. */
	static final class RefusedTarget extends UnknownHostException {

		RefusedTarget(String host, InetAddress address) {
			super("resolves to " + address.getHostAddress() + ", a private, loopback, link-local or reserved address; "
					+ "webhooks are only sent to public addresses" + (host.equals(address.getHostAddress()) ? "" : " (" + host + ")"));
		}
	}
}
