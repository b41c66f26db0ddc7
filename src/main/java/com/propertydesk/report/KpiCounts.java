package com.propertydesk.report;

/**
 * The counts behind every indicator, for one group of tickets: those received, dispatched and archived in a
 * period. They add up, so a period is the sum of its days.
 */
record KpiCounts(long received, long escalated, long dispatched, long dispatchedOnTime, long closed, long handled,
        long within24h, long resolutionMinutes, long firstTime, long reworked, long surveyed, long satisfied) {

    static final KpiCounts ZERO = new KpiCounts(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);

    static KpiCounts received(long received, long escalated) {
        return new KpiCounts(received, escalated, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
    }

    static KpiCounts dispatched(long dispatched, long onTime) {
        return new KpiCounts(0, 0, dispatched, onTime, 0, 0, 0, 0, 0, 0, 0, 0);
    }

    static KpiCounts closed(long closed, long handled, long within24h, long minutes, long firstTime, long reworked,
            long surveyed, long satisfied) {
        return new KpiCounts(0, 0, 0, 0, closed, handled, within24h, minutes, firstTime, reworked, surveyed,
                satisfied);
    }

    KpiCounts plus(KpiCounts other) {
        return new KpiCounts(received + other.received, escalated + other.escalated, dispatched + other.dispatched,
                dispatchedOnTime + other.dispatchedOnTime, closed + other.closed, handled + other.handled,
                within24h + other.within24h, resolutionMinutes + other.resolutionMinutes,
                firstTime + other.firstTime, reworked + other.reworked, surveyed + other.surveyed,
                satisfied + other.satisfied);
    }

    /** What tickets are counted under; "" where it is not known yet (no department before routing). */
    record Profile(String type, String department, String category, String urgency) {

        static Profile of(String type, String department, String category, String urgency) {
            return new Profile(type, blank(department), blank(category), blank(urgency));
        }

        private static String blank(String value) {
            return value == null ? "" : value;
        }
    }
}
