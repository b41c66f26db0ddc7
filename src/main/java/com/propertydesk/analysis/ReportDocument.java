package com.propertydesk.analysis;

import com.propertydesk.analysis.AnalysisReport.Breakdown;
import com.propertydesk.analysis.AnalysisReport.DepartmentFigures;
import com.propertydesk.analysis.AnalysisViews.Detail;
import com.propertydesk.analysis.AnalysisViews.Measures;
import com.propertydesk.report.Indicator;
import com.propertydesk.report.KpiReport;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * 《用户投诉分析报告》 as a sequence of blocks (headings, paragraphs, tables, charts), rendered once as HTML and
 * once as PDF, so that both always say the same.
 */
public record ReportDocument(String title, List<Block> blocks) {

    /** One piece of the report. */
    public sealed interface Block {
    }

    public record Heading(String text) implements Block {
    }

    public record Paragraph(String text) implements Block {
    }

    public record Table(List<String> headers, List<List<String>> rows) implements Block {
    }

    public record Figure(ReportCharts.Chart chart) implements Block {
    }

    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    public static ReportDocument of(Detail analysis, Map<String, ReportCharts.Chart> charts) {
        AnalysisReport report = analysis.report();
        KpiReport kpis = report.indicators();
        List<Block> blocks = new ArrayList<>();
        Quarter quarter = new Quarter(report.year(), report.quarter());
        // a quarter looked at before its end (预览) counts up to the time the report was built
        LocalDate built = report.builtAt().toLocalDate();
        String until = built.isBefore(quarter.endDay()) ? built + "（季度尚未结束）" : quarter.endDay().minusDays(1).toString();
        blocks.add(new Paragraph("统计期间：" + quarter.firstDay() + " 至 " + until + "　状态："
                + analysis.statusLabel() + "　报告生成：" + time(report.builtAt())));

        blocks.add(new Heading("一、总体情况"));
        blocks.add(new Paragraph("本季度共受理投诉 " + report.complaints() + " 件，上季度 " + report.previousComplaints()
                + " 件，" + change(report.complaints(), report.previousComplaints()) + "；其中重大投诉 " + report.major()
                + " 件。"));
        blocks.add(new Table(List.of("指标", "数值", "分子 ÷ 分母"), List.of(
                indicator("受理及时率", kpis.responseOnTimeRate()),
                indicator("24小时内解决率", kpis.resolvedWithin24hRate()),
                indicator("一次性解决率", kpis.firstTimeResolutionRate()),
                indicator("平均处理时长（小时）", kpis.avgResolutionHours()),
                indicator("升级率", kpis.escalationRate()),
                indicator("满意度", kpis.satisfactionRate()),
                indicator("返工率", kpis.reworkRate()))));

        blocks.add(new Heading("二、投诉趋势"));
        figure(blocks, charts, "trend");
        List<List<String>> months = new ArrayList<>();
        report.trend().forEach(month -> months.add(List.of(month.month(), String.valueOf(month.total()))));
        blocks.add(new Table(List.of("月份", "投诉量"), months));

        blocks.add(new Heading("三、按分类"));
        figure(blocks, charts, "categories");
        blocks.add(compared("分类", report.byCategory()));

        blocks.add(new Heading("四、按部门"));
        figure(blocks, charts, "departments");
        List<List<String>> departments = new ArrayList<>();
        for (DepartmentFigures d : report.departments()) {
            departments.add(List.of(d.label(), String.valueOf(d.complaints()), String.valueOf(d.previous()),
                    percent(d.responseOnTimeRate()), percent(d.resolvedWithin24hRate()), percent(d.satisfactionRate()),
                    percent(d.escalationRate())));
        }
        blocks.add(new Table(List.of("部门", "本季度", "上季度", "受理及时率", "24小时解决率", "满意度", "升级率"),
                departments));

        blocks.add(new Heading("五、按紧急程度"));
        blocks.add(compared("紧急程度", report.byUrgency()));

        blocks.add(new Heading("六、常见投诉问题"));
        List<List<String>> topics = new ArrayList<>();
        report.topTopics().forEach(topic -> topics.add(List.of(topic.topic(), String.valueOf(topic.complaints()))));
        blocks.add(topics.isEmpty() ? new Paragraph("本季度投诉未涉及已配置的常见问题。")
                : new Table(List.of("问题", "涉及投诉"), topics));

        blocks.add(new Heading("七、回访满意度"));
        figure(blocks, charts, "satisfaction");
        AnalysisReport.Satisfaction answers = report.satisfaction();
        blocks.add(new Paragraph("本季度归档的投诉中，满意 " + answers.satisfied() + " 件，基本满意 "
                + answers.basicallySatisfied() + " 件，不满意 " + answers.unsatisfied() + " 件，未回访成功 "
                + answers.notReached() + " 件。"));

        blocks.add(new Heading("八、超时升级"));
        List<List<String>> escalations = new ArrayList<>();
        report.escalations().forEach(level -> escalations.add(List.of(level.label(), String.valueOf(level.count()))));
        blocks.add(escalations.isEmpty() ? new Paragraph("本季度受理的投诉均未超时升级。")
                : new Table(List.of("最高升级级别", "投诉件数"), escalations));

        blocks.add(new Heading("九、重复投诉房号"));
        List<List<String>> rooms = new ArrayList<>();
        report.repeatRooms().forEach(room -> rooms.add(List.of(room.room(), String.valueOf(room.complaints()),
                String.join("、", room.categories()))));
        blocks.add(rooms.isEmpty() ? new Paragraph("本季度没有重复投诉的房号。")
                : new Table(List.of("房号", "投诉次数", "涉及分类"), rooms));

        blocks.add(new Heading("十、纠正和预防措施"));
        Map<String, Measures> latest = new LinkedHashMap<>();
        // in the order of the report (most complaints first); the last round a department answered in
        report.departments().forEach(figures -> analysis.measures().stream()
                .filter(measures -> measures.department().equals(figures.department()))
                .reduce((first, second) -> second).ifPresent(last -> latest.put(figures.department(), last)));
        if (latest.isEmpty()) {
            blocks.add(new Paragraph(report.departments().isEmpty() ? "本季度无投诉，无需各部门制定措施。"
                    : "各部门尚未提交措施。"));
        }
        for (Measures m : latest.values()) {
            blocks.add(new Paragraph(m.departmentLabel() + "（第" + m.round() + "轮，" + m.submittedBy() + " 于 "
                    + time(m.submittedAt()) + " 提交）"));
            blocks.add(new Table(List.of("项目", "内容"), List.of(
                    List.of("原因分析", m.cause()),
                    List.of("纠正措施", m.correctiveMeasures()),
                    List.of("预防措施", m.preventiveMeasures()),
                    List.of("责任人", m.responsible() == null ? "—" : m.responsible()),
                    List.of("完成期限", m.completeBy() == null ? "—" : m.completeBy().toString()))));
        }

        blocks.add(new Heading("十一、总经理审批"));
        if (analysis.reviews().isEmpty()) {
            blocks.add(new Paragraph("尚未审批。"));
        }
        analysis.reviews().forEach(review -> blocks.add(new Paragraph("第" + review.round() + "轮："
                + (review.approved() ? "批准" : "退回") + "，" + review.reviewedBy() + "，" + time(review.reviewedAt())
                + (review.note() == null ? "" : "。意见：" + review.note()))));
        return new ReportDocument("用户投诉分析报告（" + report.label() + "）", blocks);
    }

    private static void figure(List<Block> blocks, Map<String, ReportCharts.Chart> charts, String name) {
        ReportCharts.Chart chart = charts.get(name);
        if (chart != null) {
            blocks.add(new Figure(chart));
        }
    }

    private static Table compared(String what, List<Breakdown> items) {
        List<List<String>> rows = new ArrayList<>();
        for (Breakdown item : items) {
            rows.add(List.of(item.label(), String.valueOf(item.count()), String.valueOf(item.previous()),
                    change(item.count(), item.previous())));
        }
        return new Table(List.of(what, "本季度", "上季度", "变化"), rows);
    }

    private static List<String> indicator(String name, Indicator indicator) {
        boolean hours = "hours".equals(indicator.unit());
        String value = indicator.value() == null ? "—" : hours ? "%.1f".formatted(indicator.value())
                : percent(indicator.value());
        String computed = hours ? "%.1f ÷ %d".formatted(indicator.numerator(), indicator.denominator())
                : "%d ÷ %d".formatted((long) indicator.numerator(), indicator.denominator());
        return List.of(name, value, computed);
    }

    public static String percent(Double rate) {
        return rate == null ? "—" : "%.1f%%".formatted(rate * 100);
    }

    static String change(long now, long before) {
        if (before == 0) {
            return now == 0 ? "持平" : "上季度为零";
        }
        double change = (now - before) * 100.0 / before;
        return change == 0 ? "持平" : (change > 0 ? "上升 " : "下降 ") + "%.1f%%".formatted(Math.abs(change));
    }

    static String time(OffsetDateTime at) {
        return at == null ? "—" : at.format(MINUTE);
    }
}
