package com.propertydesk.config;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.HistoryLevel;
import org.camunda.bpm.engine.impl.history.event.HistoryEventType;
import org.camunda.bpm.engine.impl.history.event.HistoryEventTypes;
import org.springframework.stereotype.Component;

/**
 * The engine's history as at level "full" (process and activity instances, tasks, variables with their last value,
 * decisions with their inputs and outputs, incidents, identity links, job log, user operations), without one row per
 * variable change ({@code ACT_HI_DETAIL}). What a ticket went through is in its own timeline; a variable's successive
 * values are a copy of what the ticket holds. Selected with {@code camunda.bpm.history-level:
 * full-without-variable-details} (id {@value #ID} in the database).
 */
@Component
public class LeanHistoryLevel extends AbstractProcessEnginePlugin implements HistoryLevel {

    public static final int ID = 31;
    public static final String NAME = "full-without-variable-details";

    @Override
    public int getId() {
        return ID;
    }

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    public boolean isHistoryEventProduced(HistoryEventType eventType, Object entity) {
        return eventType != HistoryEventTypes.VARIABLE_INSTANCE_UPDATE_DETAIL;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<HistoryLevel> levels = configuration.getCustomHistoryLevels() == null ? new ArrayList<>()
                : new ArrayList<>(configuration.getCustomHistoryLevels());
        levels.add(this);
        configuration.setCustomHistoryLevels(levels);
    }
}
