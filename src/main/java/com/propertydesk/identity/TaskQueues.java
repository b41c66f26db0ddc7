package com.propertydesk.identity;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.AbstractMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.apache.ibatis.builder.xml.XMLMapperBuilder;
import org.apache.ibatis.executor.Executor;
import org.apache.ibatis.mapping.MappedStatement;
import org.apache.ibatis.plugin.Interceptor;
import org.apache.ibatis.plugin.Intercepts;
import org.apache.ibatis.plugin.Invocation;
import org.apache.ibatis.plugin.Signature;
import org.apache.ibatis.scripting.xmltags.OgnlCache;
import org.apache.ibatis.session.Configuration;
import org.apache.ibatis.session.ResultHandler;
import org.apache.ibatis.session.RowBounds;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.db.AuthorizationCheck;
import org.camunda.bpm.engine.impl.db.CompositePermissionCheck;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Task queries that stay fast however many tasks a department has open: Tasklist's filters and
 * {@code GET /engine-rest/task} read a page of a queue in the order of an index instead of sorting every task the
 * caller may see.
 *
 * <p>Why: with authorizations on, the engine reads a task query as {@code SELECT DISTINCT} over the tasks joined with
 * their candidate identity links and with the caller's authorizations (one row per matching grant), so the database
 * builds every visible task's rows in a temporary table and sorts them before it can return the first 15: at 60,000
 * unclaimed tasks in engineering, about a second per Tasklist refresh, and seconds for a clerk with thousands of
 * per-task grants. Here the same query asks for each task whether a candidate link and a grant exist ({@code EXISTS}),
 * which needs no DISTINCT: the database walks the tasks in the requested order and stops at the page.
 *
 * <p>How: a MyBatis interceptor in the engine's own session factory sends {@code selectTaskByQueryCriteria} and
 * {@code selectTaskCountByQueryCriteria} to the statements of {@code TaskQueues.xml} when the query has a shape they
 * read exactly the same way ({@link #fits}); every other query runs as the engine wrote it. Those statements use
 * the engine's own SQL for every criterion, given the query without its candidate groups and authorization check,
 * and add those two back as conditions on each task: the candidate link as a scalar subquery for a large queue (at
 * least {@code large-queue} links, 1,000: read in index order) or as {@code EXISTS} for a small one (read from its
 * few links); the grant as three conditions (on '*', on the granted definitions, on the task's own id). Counts of
 * large queues are kept for a moment ({@link QueueCounts}). {@code TaskQueuesMariaDbIT} holds the two readings equal
 * for every demo user, filter and query shape, in both forms.
 */
@Component
public class TaskQueues extends AbstractProcessEnginePlugin {

    /** The engine's task statements and ours, by MyBatis id. */
    static final String ENGINE_LIST = "org.camunda.bpm.engine.impl.persistence.entity.TaskEntity.selectTaskByQueryCriteria";
    static final String ENGINE_COUNT =
            "org.camunda.bpm.engine.impl.persistence.entity.TaskEntity.selectTaskCountByQueryCriteria";
    static final String OUR_LIST = TaskQueues.class.getName() + ".selectQueueTasks";
    static final String OUR_COUNT = TaskQueues.class.getName() + ".selectQueueTaskCount";

    /** The authorization check the engine's SQL is given here: none (ours is added as EXISTS). */
    public static final AuthorizationCheck NO_CHECK = new AuthorizationCheck();

    private static final String MAPPER = "com/propertydesk/identity/TaskQueues.xml";

    /** Whether the statement being built reads a large queue: set by {@link Routing} around the statement. */
    private static final ThreadLocal<Boolean> IN_ORDER = ThreadLocal.withInitial(() -> false);

    private volatile boolean enabled;
    /** a queue with at least this many candidate links is read in index order (see TaskQueues.xml) */
    private volatile int largeQueue;
    private final AtomicLong answered = new AtomicLong();
    private final Duration slowCount;
    private final Duration refreshAfter;
    private final Duration maxAge;
    /** whether a set of candidate groups (sorted) is a large queue, looked at again after a minute */
    private final Cache<List<String>, Boolean> large = Caffeine.newBuilder().maximumSize(10_000)
            .expireAfterWrite(Duration.ofMinutes(1)).build();
    private QueueCounts counts;
    private String prefix = "";

    /**
     * @param enabled {@code propertydesk.task-queues.enabled} (default true): false leaves every task query to the
     *        engine's SQL, for an operator who suspects this reading
     * @param largeQueue from this many candidate links of the groups asked for, a queue is read in index order
     * @param slowCount a count that takes longer is kept and refreshed in the background (QueueCounts)
     * @param refreshAfter a kept count older than this is recounted in the background when it is asked for
     * @param maxAge a kept count older than this is counted again before it is answered
     */
    public TaskQueues(@Value("${propertydesk.task-queues.enabled:true}") boolean enabled,
            @Value("${propertydesk.task-queues.large-queue:1000}") int largeQueue,
            @Value("${propertydesk.task-queues.counts.keep-slower-than:25ms}") Duration slowCount,
            @Value("${propertydesk.task-queues.counts.refresh-after:2s}") Duration refreshAfter,
            @Value("${propertydesk.task-queues.counts.max-age:30s}") Duration maxAge) {
        this.enabled = enabled;
        this.largeQueue = largeQueue;
        this.slowCount = slowCount;
        this.refreshAfter = refreshAfter;
        this.maxAge = maxAge;
    }

    /** Whether the statement being built reads a large queue in index order (called from TaskQueues.xml). */
    public static boolean readInOrder() {
        return IN_ORDER.get();
    }

    /** Switches our reading on or off at once (tests compare it with the engine's). */
    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    /** Changes the size from which a queue is read in index order, at once (tests read both forms). */
    public void setLargeQueue(int links) {
        this.largeQueue = links;
        large.invalidateAll();
    }

    /** Forgets every kept count at once: the next count of each queue is counted (tests that change the data). */
    public void forgetKeptCounts() {
        counts.forget();
    }

    /** How many task queries (lists and counts) our statements have answered since start. */
    public long answered() {
        return answered.get();
    }

    @Override
    public void postInit(ProcessEngineConfigurationImpl engine) {
        Configuration mybatis = engine.getSqlSessionFactory().getConfiguration();
        if (mybatis.hasStatement(OUR_LIST, false)) {
            return;
        }
        try (InputStream xml = TaskQueues.class.getClassLoader().getResourceAsStream(MAPPER)) {
            if (xml == null) {
                throw new IllegalStateException(MAPPER + " is missing from the classpath");
            }
            new XMLMapperBuilder(xml, mybatis, MAPPER, mybatis.getSqlFragments()).parse();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        prefix = engine.getDatabaseTablePrefix() == null ? "" : engine.getDatabaseTablePrefix();
        counts = new QueueCounts(mybatis, engine.getDataSource(), slowCount, refreshAfter, maxAge);
        mybatis.addInterceptor(new Routing(this, Map.of(
                ENGINE_LIST, mybatis.getMappedStatement(OUR_LIST, false),
                ENGINE_COUNT, mybatis.getMappedStatement(OUR_COUNT, false))));
    }

    /**
     * Whether our statements read the query exactly as the engine's do. Not for: OR queries, candidate users or
     * group patterns, involved users, "with candidate groups/users" (these need the identity link rows themselves),
     * an empty list of candidate groups, sorting by variables (a join that repeats tasks), revoke checks and nested
     * permission checks, and case or standalone tasks (the engine then joins the definition with a left join).
     */
    static boolean fits(TaskQueryImpl query) {
        if (query.getQueries().size() != 1 || query.getCandidateUser() != null || query.getCandidateGroupLike() != null
                || query.getInvolvedUser() != null || Boolean.TRUE.equals(query.isWithCandidateGroups())
                || Boolean.TRUE.equals(query.isWithCandidateUsers())) {
            return false;
        }
        List<String> groups = query.getCandidateGroups();
        if (groups != null && groups.isEmpty()) {
            return false;
        }
        if (query.getOrderingProperties().stream().anyMatch(ordering -> ordering.getRelation() != null)) {
            return false;
        }
        AuthorizationCheck check = query.getAuthCheck();
        if (!check.shouldPerformAuthorizatioCheck() || check.getAuthUserId() == null) {
            return true;
        }
        CompositePermissionCheck permissions = check.getPermissionChecks();
        return !check.isRevokeAuthorizationCheckEnabled() && !check.isUseLeftJoin()
                && query.isQueryForProcessTasksOnly() && !permissions.getAtomicChecks().isEmpty()
                && permissions.getCompositeChecks().isEmpty();
    }

    /** The query as the engine's SQL is to read it here: the same, without candidate groups. */
    public static List<Map<String, Object>> withoutCandidateGroups(TaskQueryImpl query) {
        return List.of(new WithoutCandidateGroups(query));
    }

    /** Whether the groups have at least {@link #largeQueue} candidate links (at most that many are read). */
    private boolean large(Executor executor, List<String> groups) throws SQLException {
        List<String> key = groups.stream().sorted().toList();
        Boolean known = large.getIfPresent(key);
        if (known != null) {
            return known;
        }
        String sql = "select count(*) from (select 1 from " + prefix + "ACT_RU_IDENTITYLINK where TYPE_ = 'candidate'"
                + " and GROUP_ID_ in (" + String.join(",", java.util.Collections.nCopies(key.size(), "?"))
                + ") limit " + largeQueue + ") L";
        try (PreparedStatement statement = executor.getTransaction().getConnection().prepareStatement(sql)) {
            for (int i = 0; i < key.size(); i++) {
                statement.setString(i + 1, key.get(i));
            }
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                boolean answer = rows.getLong(1) >= largeQueue;
                large.put(key, answer);
                return answer;
            }
        }
    }

    /** A query's properties as OGNL reads them, except its candidate groups. */
    private static final class WithoutCandidateGroups extends AbstractMap<String, Object> {
        private final TaskQueryImpl query;

        WithoutCandidateGroups(TaskQueryImpl query) {
            this.query = query;
        }

        @Override
        public Object get(Object property) {
            return "candidateGroups".equals(property) ? null : OgnlCache.getValue((String) property, query);
        }

        @Override
        public Set<Entry<String, Object>> entrySet() {
            return Set.of();
        }
    }

    /** Sends the engine's task statements to ours for the queries that {@link #fits fit}. */
    @Intercepts(@Signature(type = Executor.class, method = "query",
            args = {MappedStatement.class, Object.class, RowBounds.class, ResultHandler.class}))
    private static final class Routing implements Interceptor {
        private final TaskQueues queues;
        private final Map<String, MappedStatement> ours;

        Routing(TaskQueues queues, Map<String, MappedStatement> ours) {
            this.queues = queues;
            this.ours = ours;
        }

        @Override
        public Object intercept(Invocation invocation) throws Throwable {
            Object[] args = invocation.getArgs();
            MappedStatement replacement = ours.get(((MappedStatement) args[0]).getId());
            if (replacement == null || !queues.enabled || !(args[1] instanceof TaskQueryImpl query) || !fits(query)) {
                return invocation.proceed();
            }
            args[0] = replacement;
            queues.answered.incrementAndGet();
            List<String> groups = query.getCandidateGroups();
            IN_ORDER.set(groups != null && queues.large((Executor) invocation.getTarget(), groups));
            try {
                return replacement.getId().equals(OUR_COUNT) ? queues.counts.count(replacement, query, invocation)
                        : invocation.proceed();
            } finally {
                IN_ORDER.remove();
            }
        }
    }
}
