package com.propertydesk.analysis;

import java.util.Date;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.impl.calendar.CycleBusinessCalendar;
import org.camunda.bpm.engine.runtime.Job;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * When the quarterly analysis starts by itself: {@code ${complaintAnalysisSchedule.cron}} in the timer start event
 * of complaint-analysis-schedule (the second pool of complaint-analysis.bpmn), from {@code propertydesk.analysis.cron},
 * in the server's time zone. The engine re-reads it each time the timer
 * fires ({@code reevaluate-time-cycle-when-due}); at start-up the waiting timer is moved to the next time of the
 * configured cron, so a changed setting applies from the next restart, not only after the next quarter.
 */
@Component("complaintAnalysisSchedule")
public class ComplaintAnalysisSchedule {

    private static final Logger LOG = LoggerFactory.getLogger(ComplaintAnalysisSchedule.class);

    private final AnalysisProperties properties;
    /** Looked up when needed: the engine itself reads this bean while it deploys the timer. */
    private final ObjectProvider<ManagementService> management;

    public ComplaintAnalysisSchedule(AnalysisProperties properties, ObjectProvider<ManagementService> management) {
        this.properties = properties;
        this.management = management;
    }

    public String getCron() {
        return properties.cron();
    }

    /** The next time the configured cron fires, from now (the engine's clock). */
    public Date next() {
        return new CycleBusinessCalendar().resolveDuedate(properties.cron());
    }

    @EventListener(ApplicationReadyEvent.class)
    public void alignTimer() {
        Date next = next();
        ManagementService jobs = management.getObject();
        for (Job timer : jobs.createJobQuery().processDefinitionKey(ComplaintAnalysisService.SCHEDULE_PROCESS_KEY)
                .timers().list()) {
            if (timer.getProcessInstanceId() == null && !next.equals(timer.getDuedate())) {
                jobs.setJobDuedate(timer.getId(), next);
                LOG.info("The quarterly complaint analysis next starts at {} (cron {})", next, properties.cron());
            }
        }
    }
}
