package io.atrium.identity;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;

import io.atrium.test.AtriumTest;
import io.atrium.test.MutableClock;

/**
 * A running Atrium whose clock tests move ({@link MutableClock}) and whose mail goes to a real
 * SMTP server ({@link MailServer}). Every test class with this annotation shares one context.
 * All tests connect from the same loopback address, so the per-address limits are set out of
 * reach here; {@code AddressLimitsTest} tests them with low limits.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@AtriumTest
@Import({ MutableClock.Configuration.class, MailServer.class })
@TestPropertySource(properties = { "atrium.identity.address-failure-limit=100000",
		"atrium.identity.password-reset-address-limit=100000" })
@interface IdentityTest {
}
