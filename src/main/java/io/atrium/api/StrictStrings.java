package io.atrium.api;

import java.util.regex.Pattern;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JacksonModule;
import tools.jackson.databind.deser.std.StdScalarDeserializer;
import tools.jackson.databind.module.SimpleModule;

/**
 * JSON strings must be strings (no silent number-to-text coercion) and must not carry control
 * characters other than tab, line feed and carriage return.
 */
@Configuration(proxyBeanMethods = false)
class StrictStrings {

	static final Pattern CONTROL = Pattern.compile("[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F]");

	@Bean
	JacksonModule strictStringsModule() {
		return new SimpleModule("atrium-strict-strings").addDeserializer(String.class, new Deserializer());
	}

	static final class Deserializer extends StdScalarDeserializer<String> {

		Deserializer() {
			super(String.class);
		}

		@Override
		public String deserialize(JsonParser parser, DeserializationContext context) {
			if (parser.currentToken() != JsonToken.VALUE_STRING) {
				return (String) context.handleUnexpectedToken(String.class, parser);
			}
			var text = parser.getString();
			if (CONTROL.matcher(text).find()) {
				throw context.weirdStringException(text, String.class, "contains control characters");
			}
			return text;
		}
	}
}
