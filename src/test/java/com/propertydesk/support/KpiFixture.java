package com.propertydesk.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * 56 tickets received, dispatched and (51 of them) archived in January 2001 (Asia/Shanghai), in five groups,
 * plus 2 from December 2000 that no January indicator may count. Every expected value is worked out by hand
 * below, group by group.
 *
 * <pre>
 * group  n  type       category / department              urgency    dispatched   archived  minutes to handling    rework / reopen     satisfaction (archived)            escalated
 * A     20  COMPLAINT  ENGINEERING / engineering          NORMAL     16 on time   18 of 20  #0-11: 600, #12-17: 2000 rework #12,#13,#14  #0-11 S, #12 BS, #13,#14 U,        #16-19 (level 1)
 *                                                                    #16-19 late  (#18,#19            (#18,#19 open)         reopen #15,#16        #15-17 none
 *                                                                                  open)
 * B     12  COMPLAINT  CLEANING_GREENING / cleaning       HIGH       12 on time   12        300                  -                   #0-9 S, #10,#11 BS                 -
 * C      8  COMPLAINT  SECURITY_ORDER / security          EMERGENCY  #0-5 on time  #0-5     200                  rework #0, reopen #1 #0,#1 S, #2,#3 U, #4,#5 none       #5 (2), #6 (1), #7 (3)
 *                                                                    #6,#7 late
 * D     10  COMPLAINT  CUSTOMER_SERVICE / customer-service LOW       10 on time   10        5000                 reopen #0,#1        #0-4 BS, #5-9 U                    #0,#1 (level 2)
 * E      6  REPAIR     #0-3 ENGINEERING, #4 CLEANING_GREENING, #5 OTHER / engineering
 *                                                     #0-3 NORMAL 6 on time   #0-4     720                  rework #0 (1), #1 (2) #0-4 S                            -
 *                                                     #4,#5 HIGH
 * </pre>
 */
public final class KpiFixture {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    /**
     * January with a partial day at either end: 31 December from 12:30 (after the decoys were received at 09:00,
     * archived at 11:00 and dispatched at 12:00) and 1 February until 00:30. The same values as January.
     */
    public static final String JANUARY_WITH_PARTIAL_DAYS = "/api/v1/reports/kpis?from=2000-12-31T12:30:00%2B08:00"
            + "&to=2001-02-01T00:30:00%2B08:00";
    /** 08:00 to 16:00 on 11 January, less than a day: group B only (group A #12-17 are archived at 19:20). */
    public static final String ELEVENTH_DAYTIME = "/api/v1/reports/kpis?from=2001-01-11T08:00:00%2B08:00"
            + "&to=2001-01-11T16:00:00%2B08:00";

    private KpiFixture() {
    }

    /** One ticket's facts. */
    private record Row(String group, int index, String type, String category, String department, String urgency,
            boolean onTime, boolean archived, Integer minutes, int rework, int reopen, String satisfaction,
            int escalation, String day) {
    }

    public static void insert(JdbcTemplate jdbc, String prefix) {
        insert(jdbc, prefix, 2001);
    }

    /** The same tickets with January in another year (and the decoys on 31 December of the year before). */
    public static void insert(JdbcTemplate jdbc, String prefix, int year) {
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            boolean archived = i < 18;
            rows.add(new Row("A", i, "COMPLAINT", "ENGINEERING", "engineering", "NORMAL", i < 16, archived,
                    archived ? (i < 12 ? 600 : 2000) : null, i >= 12 && i <= 14 ? 1 : 0, i == 15 || i == 16 ? 1 : 0,
                    !archived ? null : i < 12 ? "SATISFIED" : i == 12 ? "BASICALLY_SATISFIED"
                            : i <= 14 ? "UNSATISFIED" : null, i >= 16 ? 1 : 0, "2001-01-10"));
        }
        for (int i = 0; i < 12; i++) {
            rows.add(new Row("B", i, "COMPLAINT", "CLEANING_GREENING", "cleaning", "HIGH", true, true, 300, 0, 0,
                    i < 10 ? "SATISFIED" : "BASICALLY_SATISFIED", 0, "2001-01-11"));
        }
        for (int i = 0; i < 8; i++) {
            boolean archived = i < 6;
            rows.add(new Row("C", i, "COMPLAINT", "SECURITY_ORDER", "security", "EMERGENCY", i < 6, archived,
                    archived ? 200 : null, i == 0 ? 1 : 0, i == 1 ? 1 : 0,
                    !archived ? null : i < 2 ? "SATISFIED" : i < 4 ? "UNSATISFIED" : null,
                    i == 5 ? 2 : i == 6 ? 1 : i == 7 ? 3 : 0, "2001-01-15"));
        }
        for (int i = 0; i < 10; i++) {
            rows.add(new Row("D", i, "COMPLAINT", "CUSTOMER_SERVICE", "customer-service", "LOW", true, true, 5000, 0,
                    i < 2 ? 1 : 0, i < 5 ? "BASICALLY_SATISFIED" : "UNSATISFIED", i < 2 ? 2 : 0, "2001-01-20"));
        }
        for (int i = 0; i < 6; i++) {
            boolean archived = i < 5;
            rows.add(new Row("E", i, "REPAIR", i < 4 ? "ENGINEERING" : i == 4 ? "CLEANING_GREENING" : "OTHER",
                    "engineering", i < 4 ? "NORMAL" : "HIGH", true, archived, archived ? 720 : null,
                    i == 0 ? 1 : i == 1 ? 2 : 0, 0, archived ? "SATISFIED" : null, 0, "2001-01-25"));
        }
        // December 2000: received, dispatched and archived before the period
        for (int i = 0; i < 2; i++) {
            rows.add(new Row("Z", i, "COMPLAINT", "ENGINEERING", "engineering", "NORMAL", false, true, 60, 1, 1,
                    "UNSATISFIED", 3, "2000-12-31"));
        }
        for (Row row : rows) {
            String day = row.day().replace("2001-", year + "-").replace("2000-", (year - 1) + "-");
            LocalDateTime created = LocalDateTime.parse(day + "T09:00");
            Timestamp createdAt = utc(created);
            Timestamp responseDue = utc(created.plusHours(2));
            Timestamp respondedAt = utc(row.onTime() ? created.plusHours(1) : created.plusHours(3));
            Timestamp handledAt = row.minutes() == null ? null : utc(created.plusMinutes(row.minutes()));
            Timestamp archivedAt = row.archived() ? utc(created.plusMinutes(row.minutes()).plusHours(1)) : null;
            String no = prefix + "-" + row.group() + "-" + row.index();
            jdbc.update("INSERT INTO ticket (ticket_no, type, channel, status, category, urgency, major, department, "
                    + "received_by, reporter_phone, reporter_room, room_key, description, repeat_count, created_at, "
                    + "response_due_at, responded_at, responded_on_time, handled_at, resolution_minutes, archived_at, "
                    + "resolution, satisfaction, rework_count, reopen_count, escalation_level, version) "
                    + "VALUES (?, ?, 'PHONE', ?, ?, ?, FALSE, ?, 'frontdesk', '13800138000', ?, ?, 'KPI fixture', 0, "
                    + "?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)",
                    no, row.type(), row.archived() ? "ARCHIVED" : "IN_PROGRESS", row.category(), row.urgency(),
                    row.department(), no, no, createdAt, responseDue, respondedAt, row.onTime(), handledAt,
                    row.minutes(), archivedAt, row.archived() ? "RESOLVED" : null, row.satisfaction(), row.rework(),
                    row.reopen(), row.escalation());
        }
    }

    /** One complaint received, dispatched on time and not yet handled, as the front desk took it. */
    public static void insertComplaint(JdbcTemplate jdbc, String no, String room, String description, String category,
            String department, LocalDateTime receivedAt) {
        jdbc.update("INSERT INTO ticket (ticket_no, type, channel, status, category, urgency, major, department, "
                + "received_by, reporter_phone, reporter_room, room_key, description, repeat_count, created_at, "
                + "response_due_at, responded_at, responded_on_time, rework_count, reopen_count, escalation_level, "
                + "version) VALUES (?, 'COMPLAINT', 'PHONE', 'IN_PROGRESS', ?, 'NORMAL', FALSE, ?, 'frontdesk', "
                + "'13800138000', ?, ?, ?, 0, ?, ?, ?, TRUE, 0, 0, 0, 0)", no, category, department, room, room,
                description, utc(receivedAt), utc(receivedAt.plusHours(2)), utc(receivedAt.plusHours(1)));
    }

    private static Timestamp utc(LocalDateTime shanghai) {
        // stored as UTC wall time, as Hibernate writes instants (hibernate.jdbc.time_zone: UTC)
        return Timestamp.valueOf(LocalDateTime.ofInstant(shanghai.atZone(SHANGHAI).toInstant(),
                java.time.ZoneOffset.UTC));
    }

    /** January 2001, every ticket: the values worked out by hand. */
    public static void assertWholeCentre(JsonNode kpis) {
        // received: A 20 + B 12 + C 8 + D 10 + E 6 = 56 (the 2 of December do not count)
        assertThat(kpis.get("received").asLong()).isEqualTo(56);
        // dispatched in January: all 56; on time: A 16 + B 12 + C 6 + D 10 + E 6 = 50 → 50/56 = 0.8929
        assertIndicator(kpis, "responseOnTimeRate", 50, 56, 0.8929);
        // archived in January: A 18 + B 12 + C 6 + D 10 + E 5 = 51, all handled;
        // within 24 h (≤ 1440 min): A 12 + B 12 + C 6 + D 0 + E 5 = 35 → 35/51 = 0.6863
        assertIndicator(kpis, "resolvedWithin24hRate", 35, 51, 0.6863);
        // no reopen, no rework: A 18-3-2 = 13, B 12, C 6-1-1 = 4, D 10-2 = 8, E 5-2 = 3 → 40/51 = 0.7843
        assertIndicator(kpis, "firstTimeResolutionRate", 40, 51, 0.7843);
        // minutes: A 12×600 + 6×2000 = 19200, B 12×300 = 3600, C 6×200 = 1200, D 10×5000 = 50000, E 5×720 = 3600
        // = 77600 min = 1293.33 h over 51 tickets → 25.36 h
        assertIndicator(kpis, "avgResolutionHours", 1293.33, 51, 25.36);
        // escalated at least once, of those received: A 4 + C 3 + D 2 = 9 → 9/56 = 0.1607
        assertIndicator(kpis, "escalationRate", 9, 56, 0.1607);
        // answered the callback: A 15 + B 12 + C 4 + D 10 + E 5 = 46;
        // satisfied or basically: A 13 + B 12 + C 2 + D 5 + E 5 = 37 → 37/46 = 0.8043
        assertIndicator(kpis, "satisfactionRate", 37, 46, 0.8043);
        // reworked: A 3 + C 1 + E 2 = 6 → 6/51 = 0.1176
        assertIndicator(kpis, "reworkRate", 6, 51, 0.1176);
        // by category (received): ENGINEERING A 20 + E 4 = 24, CLEANING_GREENING B 12 + E 1 = 13,
        // CUSTOMER_SERVICE 10, SECURITY_ORDER 8, OTHER 1
        assertCounts(kpis.get("byCategory"), "ENGINEERING", 24, "CLEANING_GREENING", 13, "CUSTOMER_SERVICE", 10,
                "SECURITY_ORDER", 8, "OTHER", 1);
        // by department: engineering A 20 + E 6 = 26, cleaning 12, customer-service 10, security 8
        assertCounts(kpis.get("byDepartment"), "engineering", 26, "cleaning", 12, "customer-service", 10,
                "security", 8);
        // by urgency: NORMAL A 20 + E 4 = 24, HIGH B 12 + E 2 = 14, LOW 10, EMERGENCY 8
        assertCounts(kpis.get("byUrgency"), "NORMAL", 24, "HIGH", 14, "LOW", 10, "EMERGENCY", 8);
        // common repair faults: ENGINEERING 4, then CLEANING_GREENING 1 and OTHER 1 (alphabetical on a tie)
        JsonNode faults = kpis.get("commonRepairFaults");
        assertThat(faults).hasSize(3);
        assertThat(faults.get(0).get("category").asText()).isEqualTo("ENGINEERING");
        assertThat(faults.get(0).get("count").asLong()).isEqualTo(4);
        assertThat(faults.get(0).get("label").asText()).isEqualTo("工程维修");
        assertThat(faults.get(1).get("category").asText()).isEqualTo("CLEANING_GREENING");
        assertThat(faults.get(2).get("category").asText()).isEqualTo("OTHER");
    }

    /**
     * Group B alone (12 cleaning complaints received 09:00, dispatched 10:00 on time, handled after 300 minutes,
     * archived 15:00; 10 SATISFIED, 2 BASICALLY_SATISFIED; no rework, reopen or escalation).
     */
    public static void assertGroupB(JsonNode kpis) {
        assertThat(kpis.get("received").asLong()).isEqualTo(12);
        assertIndicator(kpis, "responseOnTimeRate", 12, 12, 1.0);
        assertIndicator(kpis, "resolvedWithin24hRate", 12, 12, 1.0);
        assertIndicator(kpis, "firstTimeResolutionRate", 12, 12, 1.0);
        assertIndicator(kpis, "avgResolutionHours", 60, 12, 5.0);
        assertIndicator(kpis, "escalationRate", 0, 12, 0.0);
        assertIndicator(kpis, "satisfactionRate", 12, 12, 1.0);
        assertIndicator(kpis, "reworkRate", 0, 12, 0.0);
        assertCounts(kpis.get("byCategory"), "CLEANING_GREENING", 12);
    }

    /** January 2001, department engineering only (groups A and E). */
    public static void assertEngineering(JsonNode kpis) {
        // received: A 20 + E 6 = 26; dispatched on time: A 16 + E 6 = 22 of 26 → 0.8462
        assertThat(kpis.get("received").asLong()).isEqualTo(26);
        assertIndicator(kpis, "responseOnTimeRate", 22, 26, 0.8462);
        // archived: A 18 + E 5 = 23; within 24 h: A 12 + E 5 = 17 → 0.7391
        assertIndicator(kpis, "resolvedWithin24hRate", 17, 23, 0.7391);
        // first time: A 13 + E 3 = 16 → 0.6957; rework: A 3 + E 2 = 5 → 0.2174
        assertIndicator(kpis, "firstTimeResolutionRate", 16, 23, 0.6957);
        assertIndicator(kpis, "reworkRate", 5, 23, 0.2174);
        // minutes: 19200 + 3600 = 22800 = 380 h over 23 → 16.52 h
        assertIndicator(kpis, "avgResolutionHours", 380, 23, 16.52);
        // escalated: A 4 of 26 → 0.1538; satisfied: A 13 + E 5 = 18 of A 15 + E 5 = 20 → 0.9
        assertIndicator(kpis, "escalationRate", 4, 26, 0.1538);
        assertIndicator(kpis, "satisfactionRate", 18, 20, 0.9);
    }

    /** January 2001, repairs only (group E). */
    public static void assertRepairs(JsonNode kpis) {
        // received 6, all on time; archived 5, all within 24 h (720 min), 3 without rework → 0.6, rework 2 → 0.4
        assertThat(kpis.get("received").asLong()).isEqualTo(6);
        assertIndicator(kpis, "responseOnTimeRate", 6, 6, 1.0);
        assertIndicator(kpis, "resolvedWithin24hRate", 5, 5, 1.0);
        assertIndicator(kpis, "firstTimeResolutionRate", 3, 5, 0.6);
        assertIndicator(kpis, "reworkRate", 2, 5, 0.4);
        // 5 × 720 min = 60 h over 5 → 12 h; no escalation; 5 of 5 satisfied
        assertIndicator(kpis, "avgResolutionHours", 60, 5, 12.0);
        assertIndicator(kpis, "escalationRate", 0, 6, 0.0);
        assertIndicator(kpis, "satisfactionRate", 5, 5, 1.0);
    }

    private static void assertIndicator(JsonNode kpis, String name, double numerator, long denominator,
            double value) {
        JsonNode indicator = kpis.get(name);
        assertThat(indicator.get("numerator").asDouble()).as(name + " numerator").isCloseTo(numerator, within(0.01));
        assertThat(indicator.get("denominator").asLong()).as(name + " denominator").isEqualTo(denominator);
        assertThat(indicator.get("value").asDouble()).as(name).isCloseTo(value, within(0.0001));
        assertThat(indicator.get("definition").asText()).as(name + " definition").isNotBlank();
    }

    private static void assertCounts(JsonNode counts, Object... expected) {
        assertThat(counts.size()).isEqualTo(expected.length / 2);
        for (int i = 0; i < expected.length; i += 2) {
            assertThat(counts.get((String) expected[i]).asLong()).as((String) expected[i])
                    .isEqualTo(((Number) expected[i + 1]).longValue());
        }
    }
}
