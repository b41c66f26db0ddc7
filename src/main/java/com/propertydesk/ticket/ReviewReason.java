package com.propertydesk.ticket;

/** Why a ticket is put in front of the manager. */
public enum ReviewReason implements Labelled {
    /** a major complaint, reported at intake; the manager follows it, the normal flow goes on */
    MAJOR("重大投诉上报", false),
    /** a second unsatisfied callback */
    REPEATED_DISSATISFACTION("多次回访不满意", true),
    /** a repair rejected at acceptance a second time; the rework goes on, the manager follows it */
    REPEATED_REJECTION("多次验收不通过", false),
    /** not resolved by the resolution due date (二级升级): the manager decides an escalation action */
    SLA_OVERDUE("超过处理时限", false);

    private final String label;
    private final boolean decisionRequired;

    ReviewReason(String label, boolean decisionRequired) {
        this.label = label;
        this.decisionRequired = decisionRequired;
    }

    @Override
    public String label() {
        return label;
    }

    /** Whether the manager must decide how the ticket goes on, rather than only acknowledge it. */
    public boolean decisionRequired() {
        return decisionRequired;
    }
}
