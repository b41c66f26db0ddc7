package com.propertydesk.ticket;

/** What a manager decides in a review (经理处理). */
public enum ManagerDecision implements Labelled {
    REOPEN("重新派单处理"),
    CLOSE_RESOLVED("按已解决结案"),
    CLOSE_NOT_ACCEPTED("按客户不接受结案");

    private final String label;

    ManagerDecision(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
