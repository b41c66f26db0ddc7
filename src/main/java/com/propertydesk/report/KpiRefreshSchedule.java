package com.propertydesk.report;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.dao.DataAccessException;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Keeps the daily facts close to the tickets in the background (every minute by default), so that reading the
 * indicators rarely has more than a minute of changes to fold in, and builds them after the first start on an
 * existing database. Off with {@code propertydesk.kpi.background-refresh=false}.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@ConditionalOnProperty(name = "propertydesk.kpi.background-refresh", havingValue = "true", matchIfMissing = true)
public class KpiRefreshSchedule {

    private static final Logger LOG = LoggerFactory.getLogger(KpiRefreshSchedule.class);

    private final KpiFacts facts;

    public KpiRefreshSchedule(KpiFacts facts) {
        this.facts = facts;
    }

    @Scheduled(initialDelayString = "PT10S", fixedDelayString = "${propertydesk.kpi.refresh-interval:PT1M}")
    void refresh() {
        try {
            facts.refresh();
        } catch (DataAccessException e) {
            LOG.warn("Could not refresh the indicator facts now; the next refresh or report will: {}", e.getMessage());
        }
    }
}
