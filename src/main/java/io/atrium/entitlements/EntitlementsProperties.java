package io.atrium.entitlements;

import java.time.Duration;
import java.util.Set;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param defaultPlan the plan of an organisation no super admin has set one for
 * @param defaultModules the modules enabled for an organisation no super admin has changed them for
 * @param refreshInterval how often a node checks whether another node changed entitlements
 * @param usageFlushInterval how often usage counted in memory is added to the database
 */
@ConfigurationProperties("atrium.entitlements")
record EntitlementsProperties(
		@DefaultValue("FREE") Plan defaultPlan,
		@DefaultValue({ "INTERACTIONS", "INTEGRATIONS", "ISP", "MARKET" }) Set<Module> defaultModules,
		@DefaultValue("2s") Duration refreshInterval,
		@DefaultValue("60s") Duration usageFlushInterval) {
}
