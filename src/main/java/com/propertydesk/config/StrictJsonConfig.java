package com.propertydesk.config;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.BeanProperty;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.ContextualDeserializer;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.datatype.jsr310.deser.InstantDeserializer;
import java.io.IOException;
import java.time.OffsetDateTime;
import java.util.regex.Pattern;
import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * JSON types are taken as the client wrote them: a number or a boolean is not a string (a reporter's name of
 * {@code 123} is refused, not stored as "123"), a string is not a number, a number is not a boolean or an enum,
 * and 4.5 is not the integer 4 (the scalar coercion settings are in application.yaml). Text may not carry
 * control characters other than tab, line feed and carriage return: a NUL in a description is never meant, and
 * the process variables, Tasklist forms and reports downstream would carry it on. Each refusal is a 400 naming
 * the field's JSON path (see {@link ProblemDetailsAdvice}).
 */
@Configuration(proxyBeanMethods = false)
public class StrictJsonConfig {

    /** C0 control characters but tab, LF and CR, and DEL. */
    static final Pattern CONTROL = Pattern.compile("[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F]");
    static final String CONTROL_MESSAGE = "must not contain control characters (such as NUL)";

    @Bean
    Jackson2ObjectMapperBuilderCustomizer strictJsonTypes() {
        return builder -> builder.postConfigurer(mapper -> {
            mapper.coercionConfigFor(LogicalType.Textual)
                    .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
            mapper.coercionConfigFor(LogicalType.Boolean)
                    .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.String, CoercionAction.Fail);
            mapper.coercionConfigFor(LogicalType.Integer)
                    .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.String, CoercionAction.Fail);
            mapper.coercionConfigFor(LogicalType.Float)
                    .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.String, CoercionAction.Fail);
            mapper.coercionConfigFor(LogicalType.Enum)
                    .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail);
            SimpleModule text = new SimpleModule("no-control-characters");
            text.addDeserializer(String.class, new PlainTextDeserializer());
            text.addDeserializer(OffsetDateTime.class, new TextOnly<>(OffsetDateTime.class,
                    InstantDeserializer.OFFSET_DATE_TIME));
            mapper.registerModule(text);
        });
    }

    /**
     * A date-time only as ISO-8601 text: Jackson would read a number as epoch seconds (and fail on one beyond a
     * long without naming the field).
     */
    static final class TextOnly<T> extends StdDeserializer<T> implements ContextualDeserializer {

        private final JsonDeserializer<T> delegate;

        TextOnly(Class<T> type, JsonDeserializer<T> delegate) {
            super(type);
            this.delegate = delegate;
        }

        @Override
        @SuppressWarnings("unchecked")
        public T deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (!p.hasToken(JsonToken.VALUE_STRING)) {
                return (T) ctxt.handleUnexpectedToken(handledType(), p);
            }
            return delegate.deserialize(p, ctxt);
        }

        @Override
        @SuppressWarnings("unchecked")
        public JsonDeserializer<?> createContextual(DeserializationContext ctxt, BeanProperty property)
                throws JsonMappingException {
            if (delegate instanceof ContextualDeserializer contextual) {
                return new TextOnly<>((Class<T>) handledType(),
                        (JsonDeserializer<T>) contextual.createContextual(ctxt, property));
            }
            return this;
        }
    }

    /** Jackson's string deserializer, refusing control characters. */
    static final class PlainTextDeserializer extends StringDeserializer {

        @Override
        public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            String text = super.deserialize(p, ctxt);
            if (text != null && CONTROL.matcher(text).find()) {
                throw ctxt.weirdStringException(text, String.class, CONTROL_MESSAGE);
            }
            return text;
        }
    }
}
