package com.propertydesk.config;

import db.migration.CamundaSchemaCheck;
import java.util.Set;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.spring.ProcessEngineFactoryBean;
import org.flywaydb.core.api.callback.Callback;
import org.springframework.boot.sql.init.dependency.AbstractBeansOfTypeDependsOnDatabaseInitializationDetector;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * One schema, one order: Flyway migrates our tables and Camunda's (db/migration, V8 onwards run the engine's own
 * scripts) before the process engine is built, and the engine only checks its tables
 * ({@code camunda.bpm.database.schema-update: false}).
 */
@Configuration(proxyBeanMethods = false)
class DatabaseSchemaConfig {

    @Bean
    Callback camundaSchemaCheck() {
        return new CamundaSchemaCheck();
    }

    /**
     * The process engine depends on database initialization (Flyway), like JPA's EntityManagerFactory does: Spring
     * Boot makes every bean this detects wait for Flyway. Registered in META-INF/spring.factories.
     */
    static class ProcessEngineDependsOnFlyway extends AbstractBeansOfTypeDependsOnDatabaseInitializationDetector {

        @Override
        protected Set<Class<?>> getDependsOnDatabaseInitializationBeanTypes() {
            return Set.of(ProcessEngine.class, ProcessEngineFactoryBean.class);
        }
    }
}
