package io.atrium.flags;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Cache refresh, analytics flushes and scheduled changes run on Spring's scheduler. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class FlagsScheduling {
}
