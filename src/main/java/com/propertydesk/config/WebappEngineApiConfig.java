package com.propertydesk.config;

import java.util.Set;
import org.camunda.bpm.spring.boot.starter.property.CamundaBpmProperties;
import org.camunda.bpm.webapp.impl.engine.EngineRestApplication;
import org.glassfish.jersey.servlet.ServletContainer;
import org.glassfish.jersey.servlet.ServletProperties;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * The webapps' engine API ({@code /camunda/api/engine/*}), which Tasklist, Cockpit and Admin call, with the same
 * error answers as {@code /engine-rest} ({@link EngineRestConfig}): a double click in Tasklist, or two colleagues
 * claiming one task, reads "该任务已被 … 认领" (409) instead of a 500 with the engine's internals.
 * <p>
 * That API is a JAX-RS application of its own ({@link EngineRestApplication}, run by a Jersey servlet that the
 * webapp starter's {@code CamundaBpmWebappInitializer} registers as "Engine Api"), which neither Spring nor
 * {@code /engine-rest}'s configuration reaches. The starter registers that servlet only if no servlet of that
 * name exists yet; this registers it first, under the same name and path, with the same application plus our
 * exception mappers.
 */
@Configuration(proxyBeanMethods = false)
class WebappEngineApiConfig {

    /** The servlet name the webapp starter uses (and skips when it is taken). */
    static final String SERVLET_NAME = "Engine Api";

    @Bean
    ServletRegistrationBean<ServletContainer> webappEngineApi(CamundaBpmProperties camunda) {
        ServletRegistrationBean<ServletContainer> registration = new ServletRegistrationBean<>(
                new ServletContainer(), camunda.getWebapp().getApplicationPath() + "/api/engine/*");
        registration.setName(SERVLET_NAME);
        registration.addInitParameter(ServletProperties.JAXRS_APPLICATION_CLASS, EngineApi.class.getName());
        // before the webapp starter's initializer, which then finds the name taken
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    /** The webapps' engine API with our exception mappers and JSON mapper ({@link EngineRestJson}; by Jersey). */
    public static class EngineApi extends EngineRestApplication {

        @Override
        public Set<Class<?>> getClasses() {
            Set<Class<?>> classes = EngineRestJson.inPlaceOfTheEngines(super.getClasses());
            classes.addAll(EngineRestConfig.MAPPERS);
            return classes;
        }
    }
}
