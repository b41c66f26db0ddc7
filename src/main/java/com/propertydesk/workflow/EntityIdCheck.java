package com.propertydesk.workflow;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.db.DbEntity;
import org.camunda.bpm.engine.impl.db.PersistenceSession;
import org.camunda.bpm.engine.impl.db.entitymanager.DbEntityManager;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.springframework.stereotype.Component;

/**
 * The engine checks the id of every row it is about to insert, and words the message for a bad id before it
 * checks: each insert wrote out the whole entity ({@code toString} of a variable, an activity instance, a job …)
 * only to throw the text away. That was a twentieth of a ticket's background CPU, spent on the dozens of rows a
 * ticket's start writes. This plugin gives the engine an entity manager that checks the same two things (an id is
 * there and is not {@value Authorization#ANY}) and leaves the wording to the engine's own check when one fails.
 */
@Component
public class EntityIdCheck extends AbstractProcessEnginePlugin {

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<SessionFactory> factories = configuration.getCustomSessionFactories() == null ? new ArrayList<>()
                : new ArrayList<>(configuration.getCustomSessionFactories());
        factories.add(new Factory());
        configuration.setCustomSessionFactories(factories);
    }

    /** Opens the entity manager below in place of the engine's (same session type, so it replaces it). */
    static final class Factory implements SessionFactory {

        @Override
        public Class<?> getSessionType() {
            return DbEntityManager.class;
        }

        @Override
        public DbEntityManager openSession() {
            return new Checking(Context.getProcessEngineConfiguration(),
                    Context.getCommandContext().getSession(PersistenceSession.class));
        }
    }

    /** The engine's entity manager, describing an entity only when its id is wrong. */
    static final class Checking extends DbEntityManager {

        Checking(ProcessEngineConfigurationImpl configuration, PersistenceSession persistence) {
            super(configuration.getIdGenerator(), persistence);
        }

        @Override
        protected void validateId(DbEntity entity) {
            String id = entity.getId();
            if (id == null || Authorization.ANY.equals(id)) {
                super.validateId(entity); // the engine's message and exception
            }
        }
    }
}
