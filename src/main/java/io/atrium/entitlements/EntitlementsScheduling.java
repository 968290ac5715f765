package io.atrium.entitlements;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Cache refresh and usage flushes run on Spring's scheduler. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class EntitlementsScheduling {
}
