package com.propertydesk.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.propertydesk.config.Conflicts.Kind;
import jakarta.ws.rs.core.Response.Status;
import java.sql.SQLException;
import java.sql.SQLTransactionRollbackException;
import org.apache.ibatis.exceptions.PersistenceException;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.ProcessEnginePersistenceException;
import org.camunda.bpm.engine.TaskAlreadyClaimedException;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.hibernate.StaleObjectStateException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.CannotAcquireLockException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.orm.ObjectOptimisticLockingFailureException;

/**
 * The failures the races produced on MariaDB, wrapped as the engine, the engine REST API, Spring and Hibernate
 * wrap them (see ConcurrencyMariaDbIT), and what each is recognised as; broken things stay unrecognised.
 */
class ConflictsTest {

    private static Kind kind(Throwable failure) {
        return Conflicts.of(failure).map(Conflicts.Conflict::kind).orElse(null);
    }

    @Test
    void aClaimAfterAnotherIsClaimedWithTheAssignee() {
        var conflict = Conflicts.of(new TaskAlreadyClaimedException("t1", "racer4")).orElseThrow();

        assertThat(conflict.kind()).isEqualTo(Kind.CLAIMED);
        assertThat(conflict.assignee()).isEqualTo("racer4");
    }

    @Test
    void theEnginesOptimisticLockingAnywhereInTheChainIsAChange() {
        var engine = new OptimisticLockingException("ENGINE-03005 Execution of 'UPDATE TaskEntity[t1]' failed.");

        assertThat(kind(engine)).isEqualTo(Kind.CHANGED);
        assertThat(kind(new RestException(Status.INTERNAL_SERVER_ERROR, engine, "Cannot submit task form t1"))).isEqualTo(Kind.CHANGED);
    }

    @Test
    void aTicketUpdatedMeanwhileIsAChange() {
        var stale = new ObjectOptimisticLockingFailureException("Row was updated or deleted by another transaction",
                new StaleObjectStateException("com.propertydesk.ticket.Ticket", 19L));

        assertThat(kind(new ProcessEngineException("ENGINE-03051 Exception while invoking TaskListener",
                new ProcessEngineException("Exception while invoking TaskListener", stale)))).isEqualTo(Kind.CHANGED);
        assertThat(kind(new StaleObjectStateException("com.propertydesk.ticket.Ticket", 19L)))
                .isEqualTo(Kind.CHANGED);
    }

    @Test
    void aDeadlockIsBusyWhereverItSits() {
        SQLException deadlock = new SQLTransactionRollbackException(
                "Deadlock found when trying to get lock; try restarting transaction", "40001", 1213);

        assertThat(kind(new ProcessEnginePersistenceException("An exception occurred in the persistence layer",
                new PersistenceException(deadlock)))).isEqualTo(Kind.BUSY);
        assertThat(kind(new CannotAcquireLockException("could not execute statement", deadlock)))
                .isEqualTo(Kind.BUSY);
        assertThat(kind(new SQLException("Lock wait timeout exceeded; try restarting transaction", "HY000", 1205)))
                .isEqualTo(Kind.BUSY);
        ProcessEngineException coded = new ProcessEngineException("flush failed");
        coded.setCode(Conflicts.CODE_DEADLOCK);
        assertThat(kind(coded)).isEqualTo(Kind.BUSY);
    }

    @Test
    void aRowRemovedByAnotherTransactionUnderTheEnginesFeetIsAChange() {
        ProcessEngineException foreignKey = new ProcessEngineException("ENGINE-03004 Exception while executing "
                + "Database Operation 'INSERT VariableInstanceEntity[v1]'");
        foreignKey.setCode(Conflicts.CODE_FOREIGN_KEY_VIOLATION);

        assertThat(kind(foreignKey)).isEqualTo(Kind.CHANGED);
    }

    @Test
    void aTaskCompletedMeanwhileIsGone() {
        assertThat(kind(new RestException(Status.INTERNAL_SERVER_ERROR,
                new NullValueException("Cannot find task with id t1: task is null"), "Cannot complete task t1"))).isEqualTo(Kind.GONE);
    }

    @Test
    void whatIsBrokenOrRefusedIsNoConflict() {
        assertThat(Conflicts.of(new IllegalStateException("a bug"))).isEmpty();
        assertThat(Conflicts.of(new BadUserRequestException("请指定处理人（handler）"))).isEmpty();
        assertThat(Conflicts.of(new NullValueException("variable name is null"))).isEmpty();
        assertThat(Conflicts.of(new DataIntegrityViolationException("value too long",
                new SQLException("Data too long for column", "22001", 1406)))).isEmpty();
        assertThat(Conflicts.of(new ProcessEngineException("ENGINE-09005 Could not parse BPMN process"))).isEmpty();
    }

    @Test
    void aRaceLostInItsOwnTransactionRunsOnceMore() {
        int[] runs = {0};

        String result = Conflicts.retryingOnceIfBusy("test", () -> {
            if (runs[0]++ == 0) {
                throw new CannotAcquireLockException("deadlock");
            }
            return "done";
        });

        assertThat(result).isEqualTo("done");
        assertThat(runs[0]).isEqualTo(2);
    }
}
