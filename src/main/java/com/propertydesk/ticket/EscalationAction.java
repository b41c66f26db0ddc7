package com.propertydesk.ticket;

/** What the manager does about a ticket that missed its resolution due date (二级升级). */
public enum EscalationAction implements Labelled {
    /** another handler takes over the open work */
    CHANGE_HANDLER("更换处理人"),
    /** another department dispatches it again */
    REASSIGN("转派其他部门"),
    /** more time, with a reason: the resolution due dates move */
    EXTEND("延长处理时限"),
    /** the urgency was wrong: service terms and every due date are decided again */
    CHANGE_URGENCY("调整紧急程度"),
    /** urge the handler on, change nothing */
    KEEP("督促处理，不作调整");

    private final String label;

    EscalationAction(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
