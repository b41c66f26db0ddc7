package com.propertydesk.config;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.ContextResolver;
import jakarta.ws.rs.ext.Provider;
import java.util.HashSet;
import java.util.Set;
import org.camunda.bpm.engine.rest.hal.Hal;
import org.camunda.bpm.engine.rest.mapper.JacksonConfigurator;

/**
 * The engine REST API's JSON mapper, configured as the engine REST API configures it ({@link JacksonConfigurator}:
 * Camunda's date format, unknown properties ignored, {@code java.time}), but made once per API instead of at every
 * lookup. The engine's resolver returns a new {@link ObjectMapper} each time it is asked, and it is asked for every
 * request body, every answer and every filter read, so each Tasklist call built Jackson's serializers and
 * deserializers for its classes again: a fifth of the application's CPU for a saved filter's list. An
 * {@link ObjectMapper} is safe to share once configured (it copies the date format for each use).
 * <p>
 * Used in place of the engine's resolver by both {@code /engine-rest} ({@link EngineRestConfig}) and the webapps'
 * engine API ({@link WebappEngineApiConfig}).
 */
@Provider
@Produces({MediaType.APPLICATION_JSON, Hal.APPLICATION_HAL_JSON})
public class EngineRestJson implements ContextResolver<ObjectMapper> {

    /** Made when Jersey instantiates the provider, once per API. */
    private final ObjectMapper mapper = JacksonConfigurator.configureObjectMapper(new ObjectMapper());

    @Override
    public ObjectMapper getContext(Class<?> type) {
        return mapper;
    }

    /** The engine REST API's configuration classes with this resolver in place of the engine's. */
    static Set<Class<?>> inPlaceOfTheEngines(Set<Class<?>> configuration) {
        Set<Class<?>> classes = new HashSet<>(configuration);
        if (!classes.remove(JacksonConfigurator.class)) {
            throw new IllegalStateException("the engine REST API no longer configures its JSON with "
                    + JacksonConfigurator.class.getName() + "; check " + EngineRestJson.class.getName());
        }
        classes.add(EngineRestJson.class);
        return classes;
    }
}
