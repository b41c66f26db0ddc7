package com.propertydesk.config;

import java.sql.SQLException;
import java.util.IdentityHashMap;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.TaskAlreadyClaimedException;
import org.camunda.bpm.engine.exception.NotFoundException;
import org.camunda.bpm.engine.exception.NullValueException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Recognises the failures that mean "somebody else was faster" rather than "something is broken": two people
 * claiming or completing one task, an owner's double tap, a deadlock between two requests on the same ticket.
 * Each is an answer to the caller (409, or 404 for a task that is gone), never a 500: the losing request's
 * transaction has rolled back entirely, so retrying or reloading is always safe.
 * <p>
 * Recognised anywhere in the cause chain, as the engine, Spring and Hibernate each wrap them: the engine's
 * {@link TaskAlreadyClaimedException}, {@link OptimisticLockingException} and its exception codes (1 optimistic
 * locking, 10 000 deadlock, 10 001 a row removed meanwhile by another transaction), Spring's optimistic and
 * pessimistic locking failures, JPA's lock exceptions, and SQL states for deadlocks and lock wait timeouts.
 */
public final class Conflicts {

    private static final Logger LOG = LoggerFactory.getLogger(Conflicts.class);

    /** The engine's own exception codes (BuiltinExceptionCode, public in ProcessEngineException#getCode). */
    static final int CODE_OPTIMISTIC_LOCKING = 1;
    static final int CODE_DEADLOCK = 10_000;
    static final int CODE_FOREIGN_KEY_VIOLATION = 10_001;

    private Conflicts() {
    }

    /** What kind of conflict a failure is. */
    public enum Kind {
        /** the task has an assignee already */
        CLAIMED,
        /** the task or the ticket was changed by another transaction between reading and writing */
        CHANGED,
        /** a deadlock or lock wait timeout: another request held the rows */
        BUSY,
        /** the task no longer exists (completed or cancelled by someone else) */
        GONE
    }

    /** A recognised conflict: its kind, the engine exception code if any, the assignee for CLAIMED. */
    public record Conflict(Kind kind, Integer engineCode, String assignee, Throwable cause) {
    }

    public static Optional<Conflict> of(Throwable failure) {
        Set<Throwable> seen = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        for (Throwable cause = failure; cause != null && seen.add(cause); cause = cause.getCause()) {
            Optional<Conflict> conflict = classify(cause);
            if (conflict.isPresent()) {
                return conflict;
            }
            if (cause instanceof SQLException sql) {
                for (SQLException next = sql.getNextException(); next != null && seen.add(next);
                        next = next.getNextException()) {
                    if (busy(next)) {
                        return Optional.of(new Conflict(Kind.BUSY, CODE_DEADLOCK, null, next));
                    }
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<Conflict> classify(Throwable cause) {
        if (cause instanceof TaskAlreadyClaimedException claimed) {
            return Optional.of(new Conflict(Kind.CLAIMED, null, claimed.getTaskAssignee(), cause));
        }
        if (cause instanceof OptimisticLockingException) {
            return Optional.of(new Conflict(Kind.CHANGED, CODE_OPTIMISTIC_LOCKING, null, cause));
        }
        if ((cause instanceof NullValueException || cause instanceof NotFoundException) && cause.getMessage() != null
                && cause.getMessage().contains("Cannot find task with id")) {
            return Optional.of(new Conflict(Kind.GONE, null, null, cause));
        }
        if (cause instanceof ProcessEngineException engine) {
            switch (engine.getCode()) {
                case CODE_OPTIMISTIC_LOCKING, CODE_FOREIGN_KEY_VIOLATION -> {
                    return Optional.of(new Conflict(Kind.CHANGED, engine.getCode(), null, cause));
                }
                case CODE_DEADLOCK -> {
                    return Optional.of(new Conflict(Kind.BUSY, CODE_DEADLOCK, null, cause));
                }
                default -> {
                    // look further down the chain
                }
            }
        }
        if (cause instanceof OptimisticLockingFailureException || cause instanceof jakarta.persistence.OptimisticLockException
                || cause instanceof org.hibernate.StaleStateException) {
            return Optional.of(new Conflict(Kind.CHANGED, CODE_OPTIMISTIC_LOCKING, null, cause));
        }
        if (cause instanceof PessimisticLockingFailureException || cause instanceof jakarta.persistence.PessimisticLockException
                || cause instanceof jakarta.persistence.LockTimeoutException
                || cause instanceof SQLException sql && busy(sql)) {
            return Optional.of(new Conflict(Kind.BUSY, CODE_DEADLOCK, null, cause));
        }
        return Optional.empty();
    }

    /**
     * A deadlock or serialization failure (SQLSTATE class 40), a lock wait timeout (MySQL/MariaDB 1205, H2 50200)
     * or H2's concurrent update (90131): the transaction lost a race for rows and was rolled back.
     */
    public static boolean busy(SQLException e) {
        String state = e.getSQLState();
        int code = e.getErrorCode();
        return state != null && state.startsWith("40") || code == 1205 || code == 1213 || code == 50200
                || code == 90131;
    }

    /** Whether the failure is a transient lock failure (deadlock, lock wait timeout) that a retry may overcome. */
    public static boolean isBusy(Throwable failure) {
        return of(failure).map(conflict -> conflict.kind() == Kind.BUSY).orElse(false);
    }

    /**
     * Runs work that opens a transaction of its own, and runs it once more when it lost a deadlock or timed out
     * waiting for a lock: its transaction was rolled back entirely, so the second run starts from what is
     * committed now (and may then find that somebody else did it: a clear 409). Inside a caller's transaction,
     * which the failure has marked for rollback, it runs once.
     */
    public static <T> T retryingOnceIfBusy(String what, Supplier<T> work) {
        if (TransactionSynchronizationManager.isActualTransactionActive()) {
            return work.get();
        }
        try {
            return work.get();
        } catch (RuntimeException e) {
            if (!isBusy(e)) {
                throw e;
            }
            LOG.info("{} lost a race for database locks and runs once more: {}", what, e.toString());
            return work.get();
        }
    }
}
