package com.propertydesk.workflow;

import com.propertydesk.analysis.ComplaintAnalysisService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Archives an approved complaint analysis ({@code ${archiveComplaintAnalysisDelegate}}). */
@Component("archiveComplaintAnalysisDelegate")
public class ArchiveComplaintAnalysisDelegate implements JavaDelegate {

    private final ComplaintAnalysisService analyses;

    public ArchiveComplaintAnalysisDelegate(ComplaintAnalysisService analyses) {
        this.analyses = analyses;
    }

    @Override
    public void execute(DelegateExecution execution) {
        analyses.archive(((Number) execution.getVariable(ProcessVars.ANALYSIS_ID)).longValue());
    }
}
