package com.propertydesk.analysis;

import com.propertydesk.analysis.AnalysisReport.Breakdown;
import com.propertydesk.analysis.AnalysisReport.DepartmentFigures;
import com.propertydesk.analysis.AnalysisReport.MonthTrend;
import com.propertydesk.analysis.AnalysisReport.RepeatRoom;
import com.propertydesk.analysis.AnalysisReport.Satisfaction;
import com.propertydesk.analysis.AnalysisReport.Topic;
import com.propertydesk.identity.StaffDirectory;
import com.propertydesk.report.KpiReport;
import com.propertydesk.report.KpiService;
import com.propertydesk.ticket.Category;
import com.propertydesk.ticket.TicketType;
import com.propertydesk.ticket.Urgency;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Builds the quarter's complaint analysis from the database: the breakdowns and indicators from the indicator
 * service (daily facts), topics, satisfaction, escalations and repeat rooms from aggregate queries over the
 * quarter's complaints. Nothing is loaded ticket by ticket.
 */
@Component
public class AnalysisBuilder {

    private static final String COMPLAINT = TicketType.COMPLAINT.name();
    private static final int TREND_MONTHS = 12;
    private static final int TOP_TOPICS = 10;
    private static final int TOP_ROOMS = 20;

    private final KpiService kpis;
    private final NamedParameterJdbcTemplate jdbc;
    private final StaffDirectory staff;
    private final AnalysisProperties properties;
    private final ZoneId zone;
    private final Clock clock;

    public AnalysisBuilder(KpiService kpis, NamedParameterJdbcTemplate jdbc, StaffDirectory staff,
            AnalysisProperties properties, ZoneId zone, Clock clock) {
        this.kpis = kpis;
        this.jdbc = jdbc;
        this.staff = staff;
        this.properties = properties;
        this.zone = zone;
        this.clock = clock;
    }

    public AnalysisReport build(Quarter quarter) {
        Instant from = quarter.start(zone);
        Instant to = quarter.end(zone);
        Quarter before = quarter.previous();
        KpiReport now = kpis.compute(from, to, null, TicketType.COMPLAINT);
        KpiReport previous = kpis.compute(before.start(zone), before.end(zone), null, TicketType.COMPLAINT);
        Scan scan = scan(from, to);

        List<Breakdown> byDepartment = compare(now.byDepartment(), previous.byDepartment(),
                key -> key.equals("UNKNOWN") ? "未分派" : staff.departmentName(key));
        List<DepartmentFigures> departments = new ArrayList<>();
        for (Breakdown department : byDepartment) {
            if (department.count() == 0 || department.key().equals("UNKNOWN")) {
                continue;
            }
            KpiReport own = kpis.compute(from, to, department.key(), TicketType.COMPLAINT);
            departments.add(new DepartmentFigures(department.key(), department.label(), department.count(),
                    department.previous(), own.responseOnTimeRate().value(), own.resolvedWithin24hRate().value(),
                    own.satisfactionRate().value(), own.escalationRate().value()));
        }
        return new AnalysisReport(quarter.year(), quarter.quarter(), quarter.label(),
                from.atZone(zone).toOffsetDateTime(), to.atZone(zone).toOffsetDateTime(),
                clock.instant().atZone(zone).toOffsetDateTime(), now.received(), previous.received(), scan.major(),
                compare(now.byCategory(), previous.byCategory(), AnalysisBuilder::categoryLabel), byDepartment,
                compare(now.byUrgency(), previous.byUrgency(), AnalysisBuilder::urgencyLabel),
                trend(quarter), scan.topics(), now, departments, satisfaction(from, to), escalations(from, to),
                repeatRooms(from, to));
    }

    /** This quarter's items (most first), then those only the quarter before had. */
    private static List<Breakdown> compare(Map<String, Long> now, Map<String, Long> before,
            Function<String, String> label) {
        Set<String> keys = new LinkedHashSet<>(now.keySet());
        keys.addAll(before.keySet());
        return keys.stream().map(key -> new Breakdown(key, label.apply(key), now.getOrDefault(key, 0L),
                before.getOrDefault(key, 0L))).toList();
    }

    private List<MonthTrend> trend(Quarter quarter) {
        List<MonthTrend> months = new ArrayList<>();
        YearMonth last = quarter.firstMonth().plusMonths(2);
        for (YearMonth month = last.minusMonths(TREND_MONTHS - 1); !month.isAfter(last); month = month.plusMonths(1)) {
            KpiReport figures = kpis.compute(month.atDay(1).atStartOfDay(zone).toInstant(),
                    month.plusMonths(1).atDay(1).atStartOfDay(zone).toInstant(), null, TicketType.COMPLAINT);
            months.add(new MonthTrend(month.toString(), figures.received(),
                    compare(figures.byCategory(), Map.of(), AnalysisBuilder::categoryLabel)));
        }
        return months;
    }

    /** What one pass over the quarter's complaints reads from their rows: major ones and topics. */
    private record Scan(long major, List<Topic> topics) {
    }

    /**
     * One query over the quarter's complaints: how many are major, and per topic how many have one of its words
     * in their description (rows are read for the descriptions anyway, so the count of major ones rides along).
     */
    private Scan scan(Instant from, Instant to) {
        List<String> names = new ArrayList<>(properties.topics().keySet());
        MapSqlParameterSource params = range(from, to);
        StringBuilder sql = new StringBuilder("SELECT SUM(CASE WHEN major = TRUE THEN 1 ELSE 0 END) AS major_count");
        for (int t = 0; t < names.size(); t++) {
            List<String> words = properties.topics().get(names.get(t));
            sql.append(", SUM(CASE WHEN ");
            for (int w = 0; w < words.size(); w++) {
                String param = "t" + t + "w" + w;
                params.addValue(param, "%" + escapeLike(words.get(w)) + "%");
                sql.append(w == 0 ? "" : " OR ").append("description LIKE :").append(param).append(" ESCAPE '!'");
            }
            sql.append(words.isEmpty() ? "FALSE" : "").append(" THEN 1 ELSE 0 END) AS t").append(t);
        }
        sql.append(" FROM ticket WHERE created_at >= :from AND created_at < :to AND type = :type");
        Map<String, Object> row = jdbc.queryForMap(sql.toString(), params);
        List<Topic> topics = new ArrayList<>();
        for (int t = 0; t < names.size(); t++) {
            long count = number(row, "t" + t);
            if (count > 0) {
                topics.add(new Topic(names.get(t), count));
            }
        }
        topics.sort((a, b) -> Long.compare(b.complaints(), a.complaints()));
        return new Scan(number(row, "major_count"), topics.stream().limit(TOP_TOPICS).toList());
    }

    private Satisfaction satisfaction(Instant from, Instant to) {
        Map<String, Long> answers = new LinkedHashMap<>();
        jdbc.query("SELECT satisfaction, COUNT(*) AS n FROM ticket WHERE archived_at >= :from AND archived_at < :to "
                + "AND type = :type GROUP BY satisfaction", range(from, to),
                row -> {
                    answers.put(String.valueOf(row.getString("satisfaction")), row.getLong("n"));
                });
        return new Satisfaction(answers.getOrDefault("SATISFIED", 0L), answers.getOrDefault("BASICALLY_SATISFIED", 0L),
                answers.getOrDefault("UNSATISFIED", 0L), answers.getOrDefault("null", 0L));
    }

    private List<Breakdown> escalations(Instant from, Instant to) {
        List<Breakdown> levels = new ArrayList<>();
        jdbc.query("SELECT escalation_level, COUNT(*) AS n FROM ticket WHERE created_at >= :from AND created_at < :to "
                + "AND type = :type AND escalation_level > 0 GROUP BY escalation_level ORDER BY escalation_level",
                range(from, to), row -> {
                    int level = row.getInt("escalation_level");
                    levels.add(new Breakdown(String.valueOf(level), levelLabel(level), row.getLong("n"), 0));
                });
        return levels;
    }

    private List<RepeatRoom> repeatRooms(Instant from, Instant to) {
        MapSqlParameterSource params = range(from, to).addValue("threshold", properties.repeatRooms());
        Map<String, RepeatRoom> rooms = new LinkedHashMap<>();
        jdbc.query("SELECT room_key, MIN(reporter_room) AS room, COUNT(*) AS n FROM ticket WHERE created_at >= :from "
                + "AND created_at < :to AND type = :type GROUP BY room_key HAVING COUNT(*) >= :threshold "
                + "ORDER BY n DESC, room_key LIMIT " + TOP_ROOMS, params, row -> {
                    rooms.put(row.getString("room_key"),
                            new RepeatRoom(row.getString("room"), row.getLong("n"), new ArrayList<>()));
                });
        if (!rooms.isEmpty()) {
            jdbc.query("SELECT DISTINCT room_key, category FROM ticket WHERE created_at >= :from AND created_at < :to "
                    + "AND type = :type AND room_key IN (:rooms) AND category IS NOT NULL ORDER BY room_key, category",
                    params.addValue("rooms", rooms.keySet()), row -> {
                        rooms.get(row.getString("room_key")).categories()
                                .add(categoryLabel(row.getString("category")));
                    });
        }
        return List.copyOf(rooms.values());
    }

    private static MapSqlParameterSource range(Instant from, Instant to) {
        return new MapSqlParameterSource("from", LocalDateTime.ofInstant(from, ZoneOffset.UTC))
                .addValue("to", LocalDateTime.ofInstant(to, ZoneOffset.UTC)).addValue("type", COMPLAINT);
    }

    private static String escapeLike(String word) {
        return word.replace("!", "!!").replace("%", "!%").replace("_", "!_");
    }

    private static long number(Map<String, Object> row, String column) {
        Object value = row.get(column);
        if (value == null) {
            value = row.get(column.toUpperCase(java.util.Locale.ROOT));
        }
        return value == null ? 0 : ((Number) value).longValue();
    }

    static String categoryLabel(String key) {
        try {
            return Category.valueOf(key).label();
        } catch (IllegalArgumentException e) {
            return "未分类";
        }
    }

    static String urgencyLabel(String key) {
        try {
            return Urgency.valueOf(key).label();
        } catch (IllegalArgumentException e) {
            return "未评估";
        }
    }

    static String levelLabel(int level) {
        return switch (level) {
            case 1 -> "一级（部门与经理）";
            case 2 -> "二级（经理处理）";
            default -> "三级（总经理督办）";
        };
    }
}
