package com.propertydesk.workflow;

import com.propertydesk.analysis.AnalysisReport;
import com.propertydesk.analysis.AnalysisReview;
import com.propertydesk.analysis.ComplaintAnalysis;
import com.propertydesk.analysis.ComplaintAnalysisService;
import com.propertydesk.analysis.CorrectiveAction;
import com.propertydesk.analysis.ReportDocument;
import com.propertydesk.identity.StaffDirectory;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Date;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * The tasks of the quarterly complaint analysis ({@code ${complaintAnalysisTaskListener}}):
 * <ul>
 * <li>{@code correctiveAction} (one per department): on create, its name, the report link, the department's
 * figures, the general manager's return note and the department's earlier measures (so a returned form opens
 * filled in, from variables local to the department's execution); on complete, the measures are recorded for
 * the round.</li>
 * <li>{@code gmApproval}: on create, the departments' measures to review; on complete, the decision (a return
 * needs a note).</li>
 * </ul>
 */
@Component("complaintAnalysisTaskListener")
public class ComplaintAnalysisTaskListener implements TaskListener {

    static final String CORRECTIVE_ACTION = "correctiveAction";
    static final String GM_APPROVAL = "gmApproval";

    private final ComplaintAnalysisService analyses;
    private final StaffDirectory staff;
    private final ZoneId zone;

    public ComplaintAnalysisTaskListener(ComplaintAnalysisService analyses, StaffDirectory staff, ZoneId zone) {
        this.analyses = analyses;
        this.staff = staff;
        this.zone = zone;
    }

    @Override
    public void notify(DelegateTask task) {
        long analysisId = ((Number) task.getVariable(ProcessVars.ANALYSIS_ID)).longValue();
        String key = task.getTaskDefinitionKey();
        boolean create = EVENTNAME_CREATE.equals(task.getEventName());
        if (CORRECTIVE_ACTION.equals(key)) {
            if (create) {
                measuresAsked(task, analysisId);
            } else {
                measuresGiven(task, analysisId);
            }
        } else if (GM_APPROVAL.equals(key)) {
            if (create) {
                approvalAsked(task, analysisId);
            } else {
                reviewed(task, analysisId);
            }
        }
    }

    private void measuresAsked(DelegateTask task, long analysisId) {
        String department = Vars.text(task, ProcessVars.DEPARTMENT_OF_ACTION);
        ComplaintAnalysis analysis = analyses.get(analysisId);
        AnalysisReport report = analyses.report(analysis);
        String departmentName = staff.departmentName(department);
        task.setName("纠正和预防措施 · " + report.label() + " · " + departmentName);
        task.setVariableLocal(ProcessVars.DEPARTMENT_NAME, departmentName);
        task.setVariableLocal(ProcessVars.REPORT_LINK, reportLink(analysis, report));
        task.setVariableLocal(ProcessVars.DEPARTMENT_SUMMARY, report.departments().stream()
                .filter(figures -> figures.department().equals(department)).findFirst()
                .map(f -> "本季度本部门受理投诉 **" + f.complaints() + "** 件（上季度 " + f.previous() + " 件）；受理及时率 "
                        + ReportDocument.percent(f.responseOnTimeRate()) + "，24小时解决率 "
                        + ReportDocument.percent(f.resolvedWithin24hRate()) + "，满意度 "
                        + ReportDocument.percent(f.satisfactionRate()) + "，升级率 "
                        + ReportDocument.percent(f.escalationRate()) + "。")
                .orElse(""));
        task.setVariableLocal(ProcessVars.GM_NOTE, analysis.lastReturn().map(AnalysisReview::getNote).orElse(null));
        CorrectiveAction earlier = analysis.latestMeasures(department).orElse(null);
        // the form's fields live on this department's own execution: whether the form is submitted from Tasklist
        // or completed over the engine's REST API, the departments working in parallel never share them
        var own = task.getExecution();
        own.setVariableLocal(ProcessVars.CAUSE, earlier == null ? null : earlier.getCause());
        own.setVariableLocal(ProcessVars.CORRECTIVE_MEASURES, earlier == null ? null : earlier.getCorrectiveMeasures());
        own.setVariableLocal(ProcessVars.PREVENTIVE_MEASURES, earlier == null ? null : earlier.getPreventiveMeasures());
        own.setVariableLocal(ProcessVars.RESPONSIBLE, earlier == null ? null : earlier.getResponsible());
        own.setVariableLocal(ProcessVars.COMPLETE_BY, earlier == null || earlier.getCompleteBy() == null ? null
                : earlier.getCompleteBy().toString());
    }

    private void measuresGiven(DelegateTask task, long analysisId) {
        analyses.submitMeasures(analysisId, Vars.text(task, ProcessVars.DEPARTMENT_OF_ACTION),
                limited(Vars.requiredText(task, ProcessVars.CAUSE, "原因分析"), "原因分析"),
                limited(Vars.requiredText(task, ProcessVars.CORRECTIVE_MEASURES, "纠正措施"), "纠正措施"),
                limited(Vars.requiredText(task, ProcessVars.PREVENTIVE_MEASURES, "预防措施"), "预防措施"),
                Vars.text(task, ProcessVars.RESPONSIBLE), date(task), TicketTaskListener.actor(task));
    }

    private void approvalAsked(DelegateTask task, long analysisId) {
        analyses.awaitApproval(analysisId);
        ComplaintAnalysis analysis = analyses.get(analysisId);
        AnalysisReport report = analyses.report(analysis);
        // the decision of an earlier round is not this round's
        task.getExecution().removeVariable(ProcessVars.APPROVED);
        task.getExecution().removeVariable(ProcessVars.GM_NOTE);
        task.setName("总经理审批 · " + report.label() + "投诉分析报告");
        task.setVariableLocal(ProcessVars.REPORT_LINK, reportLink(analysis, report));
        StringBuilder summary = new StringBuilder();
        for (String department : report.departmentKeys()) {
            analysis.latestMeasures(department).ifPresent(m -> summary.append("**")
                    .append(staff.departmentName(department)).append("**（第").append(m.getRound()).append("轮）  \n")
                    .append("原因：").append(m.getCause()).append("  \n纠正：").append(m.getCorrectiveMeasures())
                    .append("  \n预防：").append(m.getPreventiveMeasures()).append("\n\n"));
        }
        task.setVariableLocal(ProcessVars.MEASURES_SUMMARY, summary.isEmpty()
                ? "本季度无投诉，没有需要各部门制定的措施。" : summary.toString().strip());
    }

    private void reviewed(DelegateTask task, long analysisId) {
        boolean approved = Vars.requiredBool(task, ProcessVars.APPROVED, "审批结果");
        // Tasklist's radio buttons send "true"/"false": the gateway after this task needs a Boolean
        task.setVariable(ProcessVars.APPROVED, approved);
        String note = Vars.text(task, ProcessVars.GM_NOTE);
        if (!approved && note == null) {
            throw new BadUserRequestException("退回时请填写审批意见（gmNote），写明需要各部门补充或修改的内容");
        }
        analyses.review(analysisId, approved, note == null ? null : limited(note, "审批意见"),
                TicketTaskListener.actor(task));
    }

    private static String reportLink(ComplaintAnalysis analysis, AnalysisReport report) {
        return "[打开《用户投诉分析报告》（" + report.label() + "，含图表）](" + ComplaintAnalysisService.url(analysis)
                + "/report.html)　[下载 PDF](" + ComplaintAnalysisService.url(analysis) + "/report.pdf)";
    }

    private LocalDate date(DelegateTask task) {
        Object value = task.getVariable(ProcessVars.COMPLETE_BY);
        if (value instanceof Date date) {
            return LocalDate.ofInstant(date.toInstant(), zone);
        }
        if (value == null || value.toString().isBlank()) {
            return null;
        }
        String text = value.toString().strip();
        try {
            return LocalDate.parse(text.length() > 10 ? text.substring(0, 10) : text);
        } catch (DateTimeParseException e) {
            throw new BadUserRequestException("完成期限（completeBy）应为日期，例如 2026-12-31，收到：" + text);
        }
    }

    private static String limited(String text, String label) {
        if (text.length() > 4000) {
            throw new BadUserRequestException(label + "最多4000字");
        }
        return text;
    }
}
