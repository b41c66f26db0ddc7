package com.propertydesk.config;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.BeanProperty;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.deser.ContextualDeserializer;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.datatype.jsr310.deser.InstantDeserializer;
import java.io.IOException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.converter.json.MappingJackson2HttpMessageConverter;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Request bodies are read with JSON types as the client wrote them: a number or a boolean is not a string (a
 * reporter's name of {@code 123} is refused, not stored as "123"), a string is not a number or a boolean, a
 * number is not a boolean or an enum, 4.5 is not the integer 4, and a date-time is ISO-8601 text, not epoch
 * seconds. Text may not carry control characters other than tab, line feed and carriage return: a NUL in a
 * description is never meant, and the process variables, Tasklist forms and reports downstream would carry it on.
 * Each refusal is a 400 naming the field's JSON path (see {@link ProblemDetailsAdvice}). Only the HTTP message
 * converter's mapper is strict: the application's own ObjectMapper reads back what it wrote (the stored
 * quarterly reports) as before.
 */
@Configuration(proxyBeanMethods = false)
public class StrictJsonConfig implements WebMvcConfigurer {

    /** C0 control characters but tab, LF and CR, and DEL. */
    static final Pattern CONTROL = Pattern.compile("[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F]");
    static final String CONTROL_MESSAGE = "must not contain control characters (such as NUL)";
    static final String SURROGATE_MESSAGE = "must be Unicode text (a \\uD83D without its pair is half a character)";

    static boolean unpairedSurrogate(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void extendMessageConverters(List<HttpMessageConverter<?>> converters) {
        // a converter of its own: Boot shares the instances with RestTemplate and RestClient
        for (int i = 0; i < converters.size(); i++) {
            if (converters.get(i).getClass() == MappingJackson2HttpMessageConverter.class) {
                var jackson = (MappingJackson2HttpMessageConverter) converters.get(i);
                var strict = new MappingJackson2HttpMessageConverter(strict(jackson.getObjectMapper()));
                strict.setSupportedMediaTypes(jackson.getSupportedMediaTypes());
                converters.set(i, strict);
            }
        }
    }

    /** A copy of the mapper that reads JSON strictly. */
    @SuppressWarnings("deprecation")
    public static ObjectMapper strict(ObjectMapper base) {
        ObjectMapper mapper = base.copy();
        mapper.configure(MapperFeature.ALLOW_COERCION_OF_SCALARS, false);
        mapper.configure(DeserializationFeature.ACCEPT_FLOAT_AS_INT, false);
        mapper.configure(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS, true);
        mapper.configure(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES, true);
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
        SimpleModule text = new SimpleModule("strict-request-text");
        text.addDeserializer(String.class, new PlainTextDeserializer());
        text.addDeserializer(OffsetDateTime.class, new TextOnly<>(OffsetDateTime.class,
                InstantDeserializer.OFFSET_DATE_TIME));
        text.setDeserializerModifier(new BeanDeserializerModifier() {
            @Override
            public JsonDeserializer<?> modifyEnumDeserializer(DeserializationConfig config, JavaType type,
                    BeanDescription description, JsonDeserializer<?> deserializer) {
                return new ExactEnum(deserializer);
            }
        });
        mapper.registerModule(text);
        return mapper;
    }

    /** An enum constant by its exact name: Jackson would trim " REPAIR\u0000" to REPAIR. */
    static final class ExactEnum extends StdDeserializer<Object> implements ContextualDeserializer {

        private final JsonDeserializer<?> delegate;

        ExactEnum(JsonDeserializer<?> delegate) {
            super(delegate.handledType());
            this.delegate = delegate;
        }

        @Override
        public Object deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (p.hasToken(JsonToken.VALUE_STRING) && !p.getText().equals(p.getText().trim())) {
                return ctxt.handleWeirdStringValue(handledType(), p.getText(), "not exactly one of the names");
            }
            return delegate.deserialize(p, ctxt);
        }

        @Override
        public JsonDeserializer<?> createContextual(DeserializationContext ctxt, BeanProperty property)
                throws JsonMappingException {
            if (delegate instanceof ContextualDeserializer contextual) {
                return new ExactEnum(contextual.createContextual(ctxt, property));
            }
            return this;
        }
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
            if (text != null && unpairedSurrogate(text)) {
                // half of a 4-byte character is no character: MySQL would store "?" instead
                throw ctxt.weirdStringException(text, String.class, SURROGATE_MESSAGE);
            }
            return text;
        }
    }
}
