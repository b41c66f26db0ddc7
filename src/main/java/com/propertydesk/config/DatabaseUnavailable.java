package com.propertydesk.config;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.EOFException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.jdbc.CannotGetJdbcConnectionException;

/**
 * "The database cannot be reached right now", recognised anywhere in a failure's cause chain, and its one answer:
 * 503 {@code application/problem+json} of type {@value #TYPE} with {@code Retry-After: 5}, never a 500 or a hanging
 * request.
 * <p>
 * What counts: the pool found no connection within its connection timeout ({@link SQLTransientConnectionException},
 * Spring's {@link CannotGetJdbcConnectionException}), the driver lost or could not open its connection (SQLSTATE class
 * 08, {@link SQLRecoverableException} such as mysql-connector-j's {@code CommunicationsException},
 * {@link SQLNonTransientConnectionException}, the driver's own {@code CJCommunicationsException}), a socket that timed
 * out, was refused or reset, as the engine (MyBatis, {@code ProcessEngineException}), Spring and Hibernate each wrap
 * them. A statement that lost its connection has taken its transaction with it: the database rolls back whatever
 * was not committed, so the caller retries (an intake with the same {@code Idempotency-Key} finds the ticket if its
 * commit got through).
 */
public final class DatabaseUnavailable {

    public static final String TYPE = "urn:propertydesk:problem:database-unavailable";
    /** Seconds a client should wait before it retries. */
    public static final int RETRY_AFTER_SECONDS = 5;
    public static final String TITLE = "数据库暂时不可用（Database unavailable）";
    public static final String DETAIL = "数据库暂时不可用，请稍后重试。一项操作要么完整生效、要么完全没有生效，不会只做一半；"
            + "重新提交工单时请带上同一个 Idempotency-Key，不会重复建单。(The database cannot be reached at the moment;"
            + " retry in a few seconds. An operation takes effect entirely or not at all; retry an intake with the same"
            + " Idempotency-Key and it is never filed twice.)";
    /** The same for staff in Tasklist, who read the engine API's {@code message}. */
    public static final String STAFF_MESSAGE = "数据库暂时不可用，未能确认您的操作已完成（不会只完成一半）。请稍后刷新页面："
            + "任务仍在就重新提交，任务已不在说明已经完成";

    private static final ObjectMapper JSON = new ObjectMapper();

    private DatabaseUnavailable() {
    }

    /** Whether the failure, or anything it was caused by, says the database is unreachable. */
    public static boolean in(Throwable failure) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Throwable cause = failure; cause != null && seen.add(cause); cause = cause.getCause()) {
            if (unreachable(cause)) {
                return true;
            }
            if (cause instanceof SQLException sql) {
                for (SQLException next = sql.getNextException(); next != null && seen.add(next);
                        next = next.getNextException()) {
                    if (unreachable(next)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private static boolean unreachable(Throwable cause) {
        if (cause instanceof SQLTransientConnectionException || cause instanceof SQLNonTransientConnectionException
                || cause instanceof SQLRecoverableException || cause instanceof CannotGetJdbcConnectionException
                || cause instanceof SocketTimeoutException || cause instanceof ConnectException
                || cause instanceof NoRouteToHostException) {
            return true;
        }
        if (cause instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("08")) {
            return true;
        }
        if (cause instanceof org.hibernate.exception.JDBCConnectionException) {
            return true;
        }
        // the pool's stand-in for a connection it has thrown away as broken (Hikari gives it no SQLSTATE)
        if (cause instanceof SQLException && "Connection is closed".equals(cause.getMessage())) {
            return true;
        }
        // a rollback that the connection could not carry out: the transaction ends with the connection, on the
        // server; Spring then throws this instead of the failure that made it roll back
        if (cause instanceof org.hibernate.TransactionException && cause.getMessage() != null
                && cause.getMessage().startsWith("Unable to rollback") && cause.getCause() instanceof SQLException) {
            return true;
        }
        String name = cause.getClass().getName();
        if (name.startsWith("com.mysql.cj.") && (name.endsWith("CommunicationsException")
                || name.endsWith("ConnectionIsClosedException") || name.endsWith("StatementIsClosedException"))) {
            // a statement closed under its user: the pool closed its connection after a link failure on it
            return true;
        }
        if (cause instanceof SQLException && "No operations allowed after statement closed.".equals(
                cause.getMessage())) {
            return true;
        }
        // a connection reset or broken pipe below a resource failure of Spring's (not any socket of the app's)
        return cause instanceof DataAccessResourceFailureException && in(cause.getCause(), SocketException.class,
                EOFException.class);
    }

    private static boolean in(Throwable failure, Class<?>... types) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            for (Class<?> type : types) {
                if (type.isInstance(cause)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The answer of the integrator API and of anything else not the engine API. */
    public static ProblemDetail problem(String instance) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, DETAIL);
        problem.setType(URI.create(TYPE));
        problem.setTitle(TITLE);
        if (instance != null) {
            problem.setInstance(URI.create(instance));
        }
        problem.setProperty("retryable", true);
        return problem;
    }

    /**
     * The body as plain JSON: the problem's members plus the engine API's own {@code message} (Tasklist shows it),
     * for answers written without Spring's message converters (servlet filters, the JAX-RS engine API).
     */
    public static String body(String instance, String message) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", TYPE);
        body.put("title", TITLE);
        body.put("status", HttpStatus.SERVICE_UNAVAILABLE.value());
        body.put("detail", DETAIL);
        if (instance != null) {
            body.put("instance", instance);
        }
        body.put("retryable", true);
        if (message != null) {
            body.put("message", message);
        }
        try {
            return JSON.writeValueAsString(body);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Writes the 503 to a servlet response that has not been committed yet. */
    public static void write(HttpServletResponse response, String instance) throws IOException {
        response.setHeader(HttpHeaders.RETRY_AFTER, Integer.toString(RETRY_AFTER_SECONDS));
        RawProblem.write(response, HttpStatus.SERVICE_UNAVAILABLE, body(instance, STAFF_MESSAGE));
    }
}
