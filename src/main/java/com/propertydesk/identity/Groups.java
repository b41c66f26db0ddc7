package com.propertydesk.identity;

import java.util.List;

/** The staff groups of CONTRACT.md: Camunda group ids, with the names staff see. */
public final class Groups {

    public static final String FRONT_DESK = "front-desk";
    public static final String CUSTOMER_SERVICE = "customer-service";
    public static final String ENGINEERING = "engineering";
    public static final String CLEANING = "cleaning";
    public static final String SECURITY = "security";
    public static final String MANAGER = "manager";
    public static final String GM = "gm";
    public static final String INTEGRATOR = "integrator";
    public static final String ADMIN = "camunda-admin";
    /** granted to an integrator to read every ticket, not only those it filed */
    public static final String ALL_TICKETS = "all-tickets";
    /** granted to an integrator (call centre) to see owners' phone numbers unmasked */
    public static final String OWNER_PHONES = "owner-phones";

    /** The groups whose members work in Tasklist. */
    public static final List<String> STAFF = List.of(FRONT_DESK, CUSTOMER_SERVICE, ENGINEERING, CLEANING, SECURITY,
            MANAGER, GM);

    /** The departments tickets are routed to (ticket-routing) and may be reassigned to. */
    public static final List<String> DEPARTMENTS = List.of(ENGINEERING, CLEANING, SECURITY, CUSTOMER_SERVICE);

    /** A group to create at start-up: id, display name, Camunda group type. */
    public record Definition(String id, String name, String type) {
    }

    public static final List<Definition> ALL = List.of(
            new Definition(FRONT_DESK, "前台", "WORKFLOW"),
            new Definition(CUSTOMER_SERVICE, "客服", "WORKFLOW"),
            new Definition(ENGINEERING, "工程部", "WORKFLOW"),
            new Definition(CLEANING, "保洁绿化", "WORKFLOW"),
            new Definition(SECURITY, "安保", "WORKFLOW"),
            new Definition(MANAGER, "物业中心经理", "WORKFLOW"),
            new Definition(GM, "总经理", "WORKFLOW"),
            new Definition(INTEGRATOR, "接口调用方", "SYSTEM"),
            new Definition(ADMIN, "系统管理员", "SYSTEM"),
            new Definition(ALL_TICKETS, "接口授权：读取全部工单", "SYSTEM"),
            new Definition(OWNER_PHONES, "接口授权：查看业主电话", "SYSTEM"));

    private Groups() {
    }
}
