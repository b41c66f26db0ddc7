package com.propertydesk.support;

import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/** Counts the statements executed and the commits made through the application's DataSource (JDBC proxies). */
public final class StatementCounter {

    private static final AtomicLong STATEMENTS = new AtomicLong();
    private static final AtomicLong COMMITS = new AtomicLong();

    private StatementCounter() {
    }

    /** Statements executed (a JDBC batch counts once: the driver sends it as one multi-row statement) so far. */
    public static long statements() {
        return STATEMENTS.get();
    }

    public static long commits() {
        return COMMITS.get();
    }

    private static volatile java.util.function.Predicate<String> capturing;
    private static final java.util.Map<String, String> CAPTURED = new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * From now on remembers the first prepared statement whose SQL the test accepts, with its parameters written in
     * (for an {@code EXPLAIN} of what the engine really sent), keyed by its text; {@code null} stops.
     */
    public static void capture(java.util.function.Predicate<String> which) {
        CAPTURED.clear();
        capturing = which;
    }

    /** The statements captured since {@link #capture}, parameters written in, by their SQL text. */
    public static java.util.Map<String, String> captured() {
        return java.util.Map.copyOf(CAPTURED);
    }

    /** Import it into a test's context to count what the application's DataSource sends. */
    @TestConfiguration
    public static class Counting {

        @Bean
        static BeanPostProcessor countingDataSource() {
            return new BeanPostProcessor() {
                @Override
                public Object postProcessAfterInitialization(Object bean, String name) {
                    return bean instanceof DataSource dataSource ? wrap(dataSource) : bean;
                }
            };
        }
    }

    static DataSource wrap(DataSource target) {
        return proxy(DataSource.class, target, null);
    }

    /** What a prepared statement was prepared with and is bound to, while capturing. */
    private record Prepared(String sql, java.util.TreeMap<Integer, Object> parameters) {

        String written() {
            StringBuilder text = new StringBuilder();
            int parameter = 0;
            for (char c : sql.toCharArray()) {
                if (c != '?') {
                    text.append(c);
                    continue;
                }
                Object value = parameters.get(++parameter);
                text.append(value == null ? "NULL" : value instanceof Number || value instanceof Boolean ? value
                        : "'" + value.toString().replace("'", "''") + "'");
            }
            return text.toString();
        }
    }

    @SuppressWarnings("unchecked")
    private static <T> T proxy(Class<T> type, Object target, Prepared prepared) {
        return (T) java.lang.reflect.Proxy.newProxyInstance(StatementCounter.class.getClassLoader(),
                new Class<?>[] {type}, (self, method, args) -> {
                    String name = method.getName();
                    if (prepared != null && name.startsWith("set") && args != null && args.length >= 2
                            && args[0] instanceof Integer index) {
                        prepared.parameters().put(index, name.equals("setNull") ? null
                                : args[1] instanceof java.util.Date date ? new java.sql.Timestamp(date.getTime())
                                : args[1]);
                    }
                    if (name.startsWith("execute")) {
                        STATEMENTS.incrementAndGet();
                        if (prepared != null) {
                            CAPTURED.putIfAbsent(prepared.sql(), prepared.written());
                        }
                    } else if (name.equals("commit")) {
                        COMMITS.incrementAndGet();
                    }
                    Object result;
                    try {
                        result = method.invoke(target, args);
                    } catch (java.lang.reflect.InvocationTargetException e) {
                        throw e.getCause();
                    }
                    if (result instanceof java.sql.Connection connection) {
                        return proxy(java.sql.Connection.class, connection, null);
                    }
                    if (result instanceof java.sql.CallableStatement statement) {
                        return proxy(java.sql.CallableStatement.class, statement, null);
                    }
                    if (result instanceof java.sql.PreparedStatement statement) {
                        java.util.function.Predicate<String> which = capturing;
                        boolean captured = which != null && name.equals("prepareStatement") && args != null
                                && args[0] instanceof String sql && which.test(sql);
                        return proxy(java.sql.PreparedStatement.class, statement,
                                captured ? new Prepared((String) args[0], new java.util.TreeMap<>()) : null);
                    }
                    if (result instanceof java.sql.Statement statement) {
                        return proxy(java.sql.Statement.class, statement, null);
                    }
                    return result;
                });
    }
}
