package io.atrium.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.UnknownHostException;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TargetPolicyTest {

	@ParameterizedTest
	@ValueSource(strings = { "127.0.0.1", "127.9.9.9", "10.0.0.1", "172.16.0.1", "172.31.255.255", "192.168.1.1",
			"169.254.169.254", "100.64.0.1", "0.0.0.0", "192.0.0.8", "198.18.0.1", "224.0.0.1", "255.255.255.255",
			"::1", "::", "fe80::1", "fc00::1", "fd12:3456::1", "::ffff:10.0.0.1", "::ffff:127.0.0.1", "64:ff9b::a00:1",
			"2002:c0a8:101::1", "ff02::1" })
	void refusesInternalAddresses(String address) throws UnknownHostException {
		assertThat(TargetPolicy.isInternal(InetAddress.getByName(address))).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "93.184.216.34", "8.8.8.8", "172.32.0.1", "100.128.0.1", "2606:4700:4700::1111",
			"2a00:1450:4009:81f::200e", "64:ff9b::808:808" })
	void allowsPublicAddresses(String address) throws UnknownHostException {
		assertThat(TargetPolicy.isInternal(InetAddress.getByName(address))).isFalse();
	}
}
