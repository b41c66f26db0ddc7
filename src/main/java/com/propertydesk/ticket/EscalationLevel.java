package com.propertydesk.ticket;

import java.util.List;

/** The escalation ladder (升级): who is told when a due date passes. */
public enum EscalationLevel implements Labelled {
    /** dispatch not accepted by the response due date: the department and the manager */
    RESPONSE(1, "一级升级：超过响应时限仍未派单", List.of("${department}", "manager")),
    /** not resolved by the resolution due date: the manager, who gets an escalation task */
    RESOLUTION(2, "二级升级：超过处理时限仍未解决，上报经理", List.of("manager")),
    /** still open at twice the resolution time: the general manager */
    GENERAL_MANAGER(3, "三级升级：超过两倍处理时限仍未解决，上报总经理", List.of("gm", "manager"));

    private final int level;
    private final String label;
    private final List<String> notify;

    EscalationLevel(int level, String label, List<String> notify) {
        this.level = level;
        this.label = label;
        this.notify = notify;
    }

    public static EscalationLevel of(int level) {
        for (EscalationLevel each : values()) {
            if (each.level == level) {
                return each;
            }
        }
        throw new IllegalArgumentException("No escalation level " + level + " (1, 2 or 3)");
    }

    public int level() {
        return level;
    }

    @Override
    public String label() {
        return label;
    }

    /** The groups to notify; {@code ${department}} stands for the ticket's department. */
    public List<String> groups(String department) {
        return notify.stream().map(group -> group.equals("${department}") ? department : group)
                .filter(group -> group != null).distinct().toList();
    }

    /** The ticket's due date this level watches. */
    public java.time.Instant dueAt(Ticket ticket) {
        return switch (this) {
            case RESPONSE -> ticket.getResponseDueAt();
            case RESOLUTION -> ticket.getResolveDueAt();
            case GENERAL_MANAGER -> ticket.getGmDueAt();
        };
    }
}
