package com.propertydesk.report;

import com.propertydesk.ticket.Ticket;
import jakarta.persistence.EntityManagerFactory;
import java.sql.PreparedStatement;
import java.time.LocalDate;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.WeakHashMap;
import java.util.stream.Stream;
import org.hibernate.action.spi.AfterTransactionCompletionProcess;
import org.hibernate.action.spi.BeforeTransactionCompletionProcess;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.engine.spi.SessionImplementor;
import org.hibernate.event.service.spi.EventListenerRegistry;
import org.hibernate.event.spi.EventSource;
import org.hibernate.event.spi.EventType;
import org.hibernate.event.spi.PostInsertEvent;
import org.hibernate.event.spi.PostInsertEventListener;
import org.hibernate.event.spi.PostUpdateEvent;
import org.hibernate.event.spi.PostUpdateEventListener;
import org.hibernate.persister.entity.EntityPersister;
import org.springframework.stereotype.Component;

/**
 * Marks the days a ticket counts in (received, dispatched, archived) whenever the ticket is inserted or updated,
 * however the change was made: intake, a task listener, an escalation, a manager's decision. The markers are
 * written just before the ticket's transaction commits, in it, so they exist exactly when the change does;
 * {@link KpiFacts#refresh()} recomputes those days. Nothing has to remember to publish an event.
 */
@Component
public class KpiChangeTracker implements PostInsertEventListener, PostUpdateEventListener {

    private final KpiFacts facts;
    /** The days marked so far in each open session (transaction), written once at its end. */
    private final Map<SessionImplementor, Set<LocalDate>> pending = Collections.synchronizedMap(new WeakHashMap<>());

    public KpiChangeTracker(KpiFacts facts, EntityManagerFactory entityManagerFactory) {
        this.facts = facts;
        EventListenerRegistry listeners = entityManagerFactory.unwrap(SessionFactoryImplementor.class)
                .getServiceRegistry().getService(EventListenerRegistry.class);
        listeners.appendListeners(EventType.POST_INSERT, this);
        listeners.appendListeners(EventType.POST_UPDATE, this);
    }

    @Override
    public void onPostInsert(PostInsertEvent event) {
        track(event.getEntity(), event.getSession());
    }

    @Override
    public void onPostUpdate(PostUpdateEvent event) {
        track(event.getEntity(), event.getSession());
    }

    @Override
    public boolean requiresPostCommitHandling(EntityPersister persister) {
        return false;
    }

    private void track(Object entity, EventSource session) {
        if (!(entity instanceof Ticket ticket)) {
            return;
        }
        boolean first;
        Set<LocalDate> days;
        synchronized (pending) {
            days = pending.get(session);
            first = days == null;
            if (first) {
                days = new TreeSet<>();
                pending.put(session, days);
            }
        }
        Stream.of(ticket.getCreatedAt(), ticket.getRespondedAt(), ticket.getArchivedAt())
                .filter(Objects::nonNull).map(facts::day).forEach(days::add);
        if (first) {
            session.getActionQueue().registerProcess((BeforeTransactionCompletionProcess) this::writeMarkers);
            // a rolled-back transaction leaves nothing to write, and nothing behind for a later one
            session.getActionQueue().registerProcess(
                    (AfterTransactionCompletionProcess) (success, ended) -> pending.remove(ended));
        }
    }

    private void writeMarkers(SessionImplementor session) {
        Set<LocalDate> days = pending.remove(session);
        if (days == null || days.isEmpty()) {
            return;
        }
        session.doWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO kpi_dirty_day (fact_day) VALUES (?)")) {
                for (LocalDate day : days) {
                    insert.setObject(1, day);
                    insert.addBatch();
                }
                insert.executeBatch();
            }
        });
    }
}
