package com.propertydesk.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.propertydesk.support.SpringTestBase;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;

/** The schema comes from Flyway, before the process engine, which only checks it. */
class DatabaseSchemaTest extends SpringTestBase {

    @Autowired
    ConfigurableListableBeanFactory beans;

    @Autowired
    Flyway flyway;

    @Test
    void theProcessEngineIsBuiltAfterFlywayAndDoesNotTouchTheSchema() {
        assertThat(beans.getBeanDefinition("processEngineFactoryBean").getDependsOn()).contains("flywayInitializer");
        assertThat(((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getDatabaseSchemaUpdate())
                .isEqualTo(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_FALSE);
        assertThat(flyway.info().pending()).isEmpty();
        assertThat(flyway.info().applied()).extracting(info -> info.getVersion().getVersion()).contains("8", "9", "10");
        assertThat(engine.getManagementService().getTableCount()).as("Camunda 7.24's tables").hasSize(49);
    }
}
