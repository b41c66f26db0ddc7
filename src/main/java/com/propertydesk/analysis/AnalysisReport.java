package com.propertydesk.analysis;

import com.propertydesk.report.KpiReport;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * 《用户投诉分析报告》 of one quarter as it was built: figures of the complaints received (or archived, for
 * satisfaction) in the quarter, compared with the quarter before, and the departments asked for measures.
 */
@Schema(name = "ComplaintAnalysisReport")
public record AnalysisReport(
        int year,
        int quarter,
        @Schema(example = "2026年第3季度") String label,
        OffsetDateTime from,
        OffsetDateTime to,
        OffsetDateTime builtAt,
        @Schema(description = "Complaints received in the quarter") long complaints,
        @Schema(description = "Complaints received in the quarter before") long previousComplaints,
        @Schema(description = "Of them major (重大投诉)") long major,
        @Schema(description = "By category, this quarter and the one before") List<Breakdown> byCategory,
        List<Breakdown> byDepartment,
        List<Breakdown> byUrgency,
        @Schema(description = "Complaints per month, the twelve months up to the quarter's end, by category")
        List<MonthTrend> trend,
        @Schema(description = "The most frequent complaint topics, by words in the descriptions")
        List<Topic> topTopics,
        @Schema(description = "The service-quality indicators of the quarter's complaints") KpiReport indicators,
        @Schema(description = "Per department with complaints") List<DepartmentFigures> departments,
        @Schema(description = "Callback answers of the complaints archived in the quarter") Satisfaction satisfaction,
        @Schema(description = "Complaints received in the quarter by the highest escalation level they reached")
        List<Breakdown> escalations,
        @Schema(description = "Rooms that complained repeatedly within the quarter") List<RepeatRoom> repeatRooms) {

    /** One item of a breakdown: its key, its name for people, this quarter's and the quarter before's count. */
    public record Breakdown(String key, String label, long count, long previous) {
    }

    /** One month: its complaints in total and per category key. */
    public record MonthTrend(@Schema(example = "2026-07") String month, long total, List<Breakdown> byCategory) {
    }

    public record Topic(String topic, long complaints) {
    }

    /** A department's figures: complaints, response on time, satisfaction, escalations. */
    public record DepartmentFigures(String department, String label, long complaints, long previous,
            Double responseOnTimeRate, Double resolvedWithin24hRate, Double satisfactionRate, Double escalationRate) {
    }

    public record Satisfaction(long satisfied, long basicallySatisfied, long unsatisfied, long notReached) {

        public long answered() {
            return satisfied + basicallySatisfied + unsatisfied;
        }
    }

    /** A room and its complaints within the quarter (the room number only: 注意保密). */
    public record RepeatRoom(String room, long complaints, List<String> categories) {
    }

    /** The departments asked for corrective and preventive measures: those with complaints in the quarter. */
    public List<String> departmentKeys() {
        return departments.stream().map(DepartmentFigures::department).toList();
    }
}
