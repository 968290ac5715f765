package io.atrium.webhooks;

import java.time.Duration;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.atrium.jobs.OneTimeJob;
import io.atrium.jobs.RecurringJob;

/** The durable jobs webhooks run on. */
@Configuration(proxyBeanMethods = false)
class WebhookJobs {

	/** An attempt that throws (a database hiccup, not a failing receiver: that is an outcome) is tried again. */
	@Bean
	OneTimeJob<WebhookDispatcher.Delivery> webhookDeliveryJob(WebhookDispatcher dispatcher) {
		return OneTimeJob.of(WebhookDispatcher.DELIVERY, Duration.ofSeconds(10), 10, dispatcher::deliver);
	}

	@Bean
	OneTimeJob<WebhookNotices.DisabledNotice> webhookDisabledNoticeJob(WebhookNotices notices) {
		return OneTimeJob.of(WebhookNotices.DISABLED_NOTICE, notices::send);
	}

	@Bean
	RecurringJob webhookRetentionJob(WebhookRetention retention) {
		return RecurringJob.every("webhook-retention", Duration.ofHours(6), retention::purge);
	}
}
