package com.propertydesk.notification;

/** Why staff are told about a ticket. */
public enum NoticeKind {
    /** an emergency (水管爆裂, 停电, 电梯困人, 燃气 …) was received */
    EMERGENCY,
    /** a service-level due date passed (超时升级) */
    ESCALATION
}
