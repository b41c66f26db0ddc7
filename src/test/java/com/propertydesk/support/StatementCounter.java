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
        return proxy(DataSource.class, target);
    }

    @SuppressWarnings("unchecked")
    private static <T> T proxy(Class<T> type, Object target) {
        return (T) java.lang.reflect.Proxy.newProxyInstance(StatementCounter.class.getClassLoader(),
                new Class<?>[] {type}, (self, method, args) -> {
                    String name = method.getName();
                    if (name.startsWith("execute")) {
                        STATEMENTS.incrementAndGet();
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
                        return proxy(java.sql.Connection.class, connection);
                    }
                    if (result instanceof java.sql.CallableStatement statement) {
                        return proxy(java.sql.CallableStatement.class, statement);
                    }
                    if (result instanceof java.sql.PreparedStatement statement) {
                        return proxy(java.sql.PreparedStatement.class, statement);
                    }
                    if (result instanceof java.sql.Statement statement) {
                        return proxy(java.sql.Statement.class, statement);
                    }
                    return result;
                });
    }
}
