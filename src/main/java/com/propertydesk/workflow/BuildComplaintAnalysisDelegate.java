package com.propertydesk.workflow;

import com.propertydesk.analysis.AnalysisExistsException;
import com.propertydesk.analysis.ComplaintAnalysis;
import com.propertydesk.analysis.ComplaintAnalysisService;
import com.propertydesk.analysis.Quarter;
import com.propertydesk.config.InvalidFieldException;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Builds the quarter's complaint analysis ({@code ${buildComplaintAnalysisDelegate}}): the quarter from the
 * variables {@code year} and {@code quarter} (a manager's start), or the last quarter that has ended (the schedule).
 * A quarter analysed already ends a scheduled run quietly (error {@code ANALYSIS_EXISTS}) and refuses a person's.
 */
@Component("buildComplaintAnalysisDelegate")
public class BuildComplaintAnalysisDelegate implements JavaDelegate {

    public static final String ANALYSIS_EXISTS = "ANALYSIS_EXISTS";

    private final ComplaintAnalysisService analyses;

    public BuildComplaintAnalysisDelegate(ComplaintAnalysisService analyses) {
        this.analyses = analyses;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String startedBy = Vars.text(execution, ProcessVars.STARTED_BY);
        Quarter quarter;
        try {
            quarter = analyses.quarter(optionalInt(execution, ProcessVars.YEAR), optionalInt(execution,
                    ProcessVars.QUARTER));
        } catch (InvalidFieldException e) {
            throw new BadUserRequestException("无法开始季度投诉分析（" + e.getField() + "）：" + e.getMessage());
        }
        ComplaintAnalysis analysis;
        try {
            analysis = analyses.build(quarter, execution.getProcessInstanceId(), startedBy == null ? "system"
                    : startedBy);
        } catch (AnalysisExistsException e) {
            if (startedBy == null) {
                throw new BpmnError(ANALYSIS_EXISTS, quarter.label() + "的投诉分析已经存在（编号 " + e.getAnalysisId() + "）");
            }
            throw new BadUserRequestException(quarter.label() + "的投诉分析已经存在（编号 " + e.getAnalysisId()
                    + "），请在报告列表中查看");
        }
        execution.setProcessBusinessKey(ComplaintAnalysisService.businessKey(quarter));
        execution.setVariable(ProcessVars.ANALYSIS_ID, analysis.getId());
        execution.setVariable(ProcessVars.PERIOD_LABEL, quarter.label());
        execution.setVariable(ProcessVars.REPORT_URL, ComplaintAnalysisService.url(analysis) + "/report.html");
    }

    private static Integer optionalInt(DelegateExecution execution, String name) {
        Object value = execution.getVariable(name);
        if (value == null || value.toString().isBlank()) {
            return null;
        }
        if (value instanceof Number number) {
            return number.intValue();
        }
        try {
            return (int) Double.parseDouble(value.toString().strip());
        } catch (NumberFormatException e) {
            throw new BadUserRequestException(name + " 应为数字，收到：" + value);
        }
    }
}
