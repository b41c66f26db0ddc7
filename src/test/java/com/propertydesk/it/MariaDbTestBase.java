package com.propertydesk.it;

import com.propertydesk.support.MariaDb;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The application with the production `mysql` profile (mysql-connector-j, READ COMMITTED, Flyway, the engine's
 * MySQL dialect) against a fresh MariaDB database, with the real job executor running.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "propertydesk.demo.enabled=true",
    "camunda.bpm.job-execution.enabled=true"
})
@ActiveProfiles("mysql")
abstract class MariaDbTestBase {

    @LocalServerPort
    protected int port;

    @DynamicPropertySource
    static void mariaDb(DynamicPropertyRegistry registry) {
        MariaDb.profileSettings(MariaDb.database()).forEach((name, value) -> registry.add(name, () -> value));
    }
}
