package io.atrium.jobs;

import java.util.List;
import java.util.Optional;

import javax.sql.DataSource;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.datasource.TransactionAwareDataSourceProxy;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.boot.config.DbSchedulerCustomizer;
import com.github.kagkarlsson.scheduler.serializer.Serializer;
import com.github.kagkarlsson.scheduler.task.Task;

import tools.jackson.databind.json.JsonMapper;

/**
 * db-scheduler as Atrium runs it: job data stored as JSON (readable, and no Java serialization
 * of class versions), and a scheduling client that joins the caller's transaction. The worker
 * itself (polling, threads) is db-scheduler's Spring Boot starter, set in application.yml under
 * {@code db-scheduler}; {@code ATRIUM_JOBS_WORKER=false} makes a node schedule jobs but run none.
 */
@Configuration(proxyBeanMethods = false)
class JobsConfiguration {

	static final String TABLE = "scheduled_tasks";

	@Bean
	DbSchedulerCustomizer atriumSchedulerCustomizer(JsonMapper json) {
		var serializer = new JsonData(json);
		return new DbSchedulerCustomizer() {
			@Override
			public Optional<Serializer> serializer() {
				return Optional.of(serializer);
			}
		};
	}

	/**
	 * Only schedules, so it needs no job definitions; that also lets a job's handler schedule
	 * other jobs without a dependency cycle.
	 */
	@Bean
	TransactionalSchedulerClient transactionalSchedulerClient(DataSource dataSource, JsonMapper json) {
		var source = dataSource instanceof TransactionAwareDataSourceProxy proxy ? proxy
				: new TransactionAwareDataSourceProxy(dataSource);
		return new TransactionalSchedulerClient(SchedulerClient.Builder.create(source, List.<Task<?>>of()).tableName(TABLE)
			.serializer(new JsonData(json)).build());
	}

	/** Writes through the caller's transaction when there is one. */
	record TransactionalSchedulerClient(SchedulerClient client) {
	}

	/** Job data as JSON. */
	static final class JsonData implements Serializer {

		private final JsonMapper json;

		JsonData(JsonMapper json) {
			this.json = json;
		}

		@Override
		public byte[] serialize(Object data) {
			return data == null ? null : json.writeValueAsBytes(data);
		}

		@Override
		public <T> T deserialize(Class<T> type, byte[] data) {
			return data == null || type == Void.class ? null : json.readValue(data, type);
		}
	}
}
