package com.propertydesk.identity;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.DataSource;
import org.apache.ibatis.mapping.BoundSql;
import org.apache.ibatis.mapping.MappedStatement;
import org.apache.ibatis.mapping.ParameterMapping;
import org.apache.ibatis.mapping.ParameterMode;
import org.apache.ibatis.plugin.Invocation;
import org.apache.ibatis.reflection.MetaObject;
import org.apache.ibatis.session.Configuration;
import org.apache.ibatis.type.JdbcType;
import org.apache.ibatis.type.TypeHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The counts of large queues, kept for a moment and recounted in the background. Tasklist asks for the count of every
 * filter at each refresh; counting 60,000 unclaimed tasks with their rights takes a few hundred milliseconds
 * whatever the plan, where the page itself takes ten. A count that took longer than {@code keep-slower-than} (25 ms)
 * is kept under its exact SQL and parameters (so per caller, with their groups and rights): asked again, it is
 * answered at once, and if it is older than {@code refresh-after} (2 s) it is counted again on a connection of its
 * own. One older than {@code max-age} (30 s) is counted before it is answered. A count that takes less is never kept,
 * so small queues (and every test's) are always exact. A date in the parameters (Tasklist's {@code ${now()}}) is part
 * of the key as its distance from now, to 10 s: a kept count of "due within two hours" is that of a window a few
 * seconds earlier.
 */
final class QueueCounts {

    private static final Logger LOG = LoggerFactory.getLogger(QueueCounts.class);

    private final Configuration mybatis;
    private final DataSource dataSource;
    private final long slowNanos;
    private final long refreshNanos;
    private final long maxAgeNanos;
    private final Cache<Key, Kept> kept = Caffeine.newBuilder().maximumSize(10_000)
            .expireAfterAccess(Duration.ofMinutes(10)).build();
    private final ThreadPoolExecutor recounts = new ThreadPoolExecutor(1, 1, 1, TimeUnit.MINUTES,
            new ArrayBlockingQueue<>(200), runnable -> {
                Thread thread = new Thread(runnable, "task-queue-counts");
                thread.setDaemon(true);
                return thread;
            });

    QueueCounts(Configuration mybatis, DataSource dataSource, Duration slow, Duration refreshAfter, Duration maxAge) {
        this.mybatis = mybatis;
        this.dataSource = dataSource;
        this.slowNanos = slow.toNanos();
        this.refreshNanos = refreshAfter.toNanos();
        this.maxAgeNanos = maxAge.toNanos();
    }

    /** The count the statement answers for the query: kept, or counted by the invocation. */
    Object count(MappedStatement statement, Object query, Invocation invocation) throws Throwable {
        BoundSql sql = statement.getBoundSql(query);
        List<Object> values = values(sql, query);
        long nowMillis = System.currentTimeMillis();
        Key key = new Key(sql.getSql(), values.stream()
                .map(value -> value instanceof Date date ? new FromNow(date, nowMillis) : value).toList());
        Kept count = kept.getIfPresent(key);
        long now = System.nanoTime();
        if (count != null && now - count.countedAt < maxAgeNanos) {
            if (now - count.countedAt > refreshNanos && count.recounting.compareAndSet(false, true)) {
                recount(key, sql, values, count);
            }
            return new ArrayList<>(List.of(count.value));
        }
        Object answer = invocation.proceed();
        long took = System.nanoTime() - now;
        if (took >= slowNanos && answer instanceof List<?> rows && rows.size() == 1 && rows.get(0) instanceof Long n) {
            kept.put(key, new Kept(n, System.nanoTime()));
        } else {
            kept.invalidate(key);
        }
        return answer;
    }

    void forget() {
        kept.invalidateAll();
    }

    private void recount(Key key, BoundSql sql, List<Object> values, Kept count) {
        try {
            recounts.execute(() -> {
                long started = System.nanoTime();
                try {
                    long value = countNow(sql, values);
                    if (System.nanoTime() - started >= slowNanos) {
                        kept.put(key, new Kept(value, System.nanoTime()));
                    } else {
                        kept.invalidate(key);
                    }
                } catch (SQLException | RuntimeException e) {
                    LOG.debug("Recounting a task queue failed; it is counted again when next asked for", e);
                    kept.invalidate(key);
                }
            });
        } catch (RejectedExecutionException busy) {
            count.recounting.set(false);
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private long countNow(BoundSql sql, List<Object> values) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql.getSql())) {
            List<ParameterMapping> mappings = sql.getParameterMappings();
            for (int i = 0; i < mappings.size(); i++) {
                ParameterMapping mapping = mappings.get(i);
                Object value = values.get(i);
                JdbcType jdbcType = mapping.getJdbcType() != null || value != null ? mapping.getJdbcType()
                        : mybatis.getJdbcTypeForNull();
                ((TypeHandler) mapping.getTypeHandler()).setParameter(statement, i + 1, value, jdbcType);
            }
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    /** The value of each parameter of the statement, read as MyBatis's parameter handler reads it. */
    private List<Object> values(BoundSql sql, Object query) {
        MetaObject properties = mybatis.newMetaObject(query);
        List<Object> values = new ArrayList<>();
        for (ParameterMapping mapping : sql.getParameterMappings()) {
            if (mapping.getMode() == ParameterMode.OUT) {
                throw new IllegalStateException("a count has no OUT parameter: " + mapping.getProperty());
            }
            String property = mapping.getProperty();
            values.add(sql.hasAdditionalParameter(property) ? sql.getAdditionalParameter(property)
                    : properties.getValue(property));
        }
        return values;
    }

    private record Key(String sql, List<Object> values) {
    }

    /** A date parameter in a key: how far from now it is, to 10 s ({@code ${now()}} is a new date at every call). */
    private record FromNow(long tenSeconds) {
        FromNow(Date date, long nowMillis) {
            this(Math.round((date.getTime() - nowMillis) / 10_000.0));
        }
    }

    private static final class Kept {
        final long value;
        final long countedAt;
        final AtomicBoolean recounting = new AtomicBoolean();

        Kept(long value, long countedAt) {
            this.value = value;
            this.countedAt = countedAt;
        }
    }
}
