package com.propertydesk.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransactionRollbackException;
import java.sql.SQLTransientConnectionException;
import org.apache.ibatis.exceptions.PersistenceException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.ProcessEnginePersistenceException;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * The failures a database out of reach produces, wrapped as the pool, the driver, the engine, Spring and Hibernate
 * wrap them (see DatabaseOutageMariaDbIT), recognised as "database unavailable"; races and broken things are not.
 */
class DatabaseUnavailableTest {

    /** Hikari's answer when no connection could be had within its connection timeout. */
    private static final SQLTransientConnectionException POOL_TIMEOUT = new SQLTransientConnectionException(
            "HikariPool-1 - Connection is not available, request timed out after 3001ms (total=0, active=0, idle=0,"
                    + " waiting=0)", "08001");

    /** mysql-connector-j's CommunicationsException is an SQLRecoverableException of SQLSTATE 08S01. */
    private static final SQLException LINK_FAILURE = new SQLRecoverableException("Communications link failure",
            "08S01", 0, new SocketTimeoutException("Read timed out"));

    @Test
    void noConnectionFromThePoolIsUnavailableHoweverWrapped() {
        assertThat(DatabaseUnavailable.in(POOL_TIMEOUT)).isTrue();
        assertThat(DatabaseUnavailable.in(new CannotGetJdbcConnectionException("Failed to obtain JDBC Connection",
                POOL_TIMEOUT))).isTrue();
        assertThat(DatabaseUnavailable.in(new CannotCreateTransactionException("Could not open JPA EntityManager",
                new org.hibernate.exception.JDBCConnectionException("Unable to acquire JDBC Connection",
                        POOL_TIMEOUT)))).isTrue();
    }

    @Test
    void aConnectionLostUnderTheEngineIsUnavailable() {
        var engine = new ProcessEnginePersistenceException("ENGINE-03083 Exception while executing Batch Database"
                + " Operations", new PersistenceException("### Error flushing statements", LINK_FAILURE));

        assertThat(DatabaseUnavailable.in(engine)).isTrue();
        assertThat(DatabaseUnavailable.in(new RestException(Status.INTERNAL_SERVER_ERROR, engine,
                "Cannot submit task form t1"))).isTrue();
        assertThat(DatabaseUnavailable.in(new ProcessEngineException("ENGINE-03005 Execution of 'UPDATE"
                + " TaskEntity[t1]' failed", new SQLNonTransientConnectionException(
                        "No operations allowed after connection closed.", "08003")))).isTrue();
        assertThat(DatabaseUnavailable.in(new SQLException("Could not create connection", "08001", 0,
                new ConnectException("Connection refused")))).isTrue();
    }

    @Test
    void aRollbackOnAConnectionThePoolThrewAwayIsUnavailable() {
        // what Spring throws instead of the failure that made the transaction roll back (seen in the outage test)
        var rollback = new org.springframework.orm.jpa.JpaSystemException(new org.hibernate.TransactionException(
                "Unable to rollback against JDBC Connection", new SQLException("Connection is closed")));

        assertThat(DatabaseUnavailable.in(rollback)).isTrue();
        // a statement whose connection the pool closed after a link failure on it (seen in the outage test)
        assertThat(DatabaseUnavailable.in(new org.springframework.orm.jpa.JpaSystemException(
                new org.hibernate.exception.GenericJDBCException("error executing work", new SQLException(
                        "No operations allowed after statement closed.", "S1009"))))).isTrue();
        assertThat(EngineRestConfig.respond(rollback, null).getStatus()).isEqualTo(503);
    }

    @Test
    void racesAndBrokenThingsAreNotUnavailability() {
        assertThat(DatabaseUnavailable.in(new OptimisticLockingException("ENGINE-03005 Execution of 'UPDATE"
                + " TaskEntity[t1]' failed. Entity was updated by another transaction concurrently."))).isFalse();
        assertThat(DatabaseUnavailable.in(new SQLTransactionRollbackException("Deadlock found", "40001", 1213)))
                .isFalse();
        assertThat(DatabaseUnavailable.in(new DataIntegrityViolationException("Duplicate entry",
                new SQLException("Duplicate entry 'k' for key 'ux_ticket_idempotency'", "23000", 1062)))).isFalse();
        assertThat(DatabaseUnavailable.in(new IllegalStateException("a bug"))).isFalse();
    }

    @Test
    void theEngineApiAnswers503WithRetryAfterAndAMessageForTasklist() throws Exception {
        Response response = EngineRestConfig.respond(new RestException(Status.INTERNAL_SERVER_ERROR,
                new ProcessEnginePersistenceException("flush", LINK_FAILURE), "Cannot submit task form t1"), null);

        assertThat(response.getStatus()).isEqualTo(503);
        assertThat(response.getHeaderString("Retry-After")).isEqualTo("5");
        assertThat(response.getMediaType().toString()).startsWith("application/problem+json");
        var body = new ObjectMapper().readTree((String) response.getEntity());
        assertThat(body.get("type").asText()).isEqualTo(DatabaseUnavailable.TYPE);
        assertThat(body.get("status").asInt()).isEqualTo(503);
        assertThat(body.get("message").asText()).contains("数据库暂时不可用");
    }

    @Test
    void aServletResponseIsA503ProblemWithRetryAfter() throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();

        DatabaseUnavailable.write(response, "/api/v1/tickets");

        assertThat(response.getStatus()).isEqualTo(503);
        assertThat(response.getHeader("Retry-After")).isEqualTo("5");
        assertThat(response.getContentType()).startsWith("application/problem+json");
        var body = new ObjectMapper().readTree(response.getContentAsByteArray());
        assertThat(body.get("type").asText()).isEqualTo(DatabaseUnavailable.TYPE);
        assertThat(body.get("instance").asText()).isEqualTo("/api/v1/tickets");
        assertThat(body.get("detail").asText()).startsWith("数据库暂时不可用，请稍后重试");
    }
}
