package com.propertydesk.analysis;

import com.propertydesk.ticket.Labelled;

/** Where a quarterly complaint analysis stands. */
public enum AnalysisStatus implements Labelled {
    /** Departments write their corrective and preventive measures (纠正和预防措施). */
    MEASURES("部门填写整改措施"),
    /** The general manager reviews it. */
    AWAITING_APPROVAL("待总经理审批"),
    /** Approved and archived. */
    APPROVED("已批准归档"),
    /** A report built on request for a look at a quarter, never stored and never approved. */
    PREVIEW("预览（未经审批）");

    private final String label;

    AnalysisStatus(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
