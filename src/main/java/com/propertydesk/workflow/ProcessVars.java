package com.propertydesk.workflow;

/**
 * Process variable names. The process holds the ticket number and routing scalars; the ticket itself lives in
 * the database. Form field ids (CONTRACT.md) are process variables of the same name.
 */
public final class ProcessVars {

    // set at start
    public static final String TICKET_NO = "ticketNo";
    public static final String TYPE = "type";
    public static final String CHANNEL = "channel";
    public static final String CATEGORY = "category";
    public static final String IMPACT_SCOPE = "impactScope";
    public static final String PUBLIC_AREA = "publicArea";
    public static final String DESCRIPTION = "description";
    public static final String ROOM = "room";
    public static final String REPEAT_COUNT = "repeatCount";
    public static final String RECEIVED_BY = "receivedBy";
    public static final String REOPEN_COUNT = "reopenCount";
    public static final String REWORK_COUNT = "reworkCount";

    // triage decisions
    public static final String URGENCY = "urgency";
    public static final String MAJOR = "major";
    public static final String DEPARTMENT = "department";
    public static final String RESPONSE_WITHIN = "responseWithin";
    public static final String RESOLVE_WITHIN = "resolveWithin";
    public static final String CALLBACK_WITHIN = "callbackWithin";

    // user task forms
    public static final String HANDLER = "handler";
    public static final String DISPATCH_NOTE = "dispatchNote";
    public static final String ACTION_TAKEN = "actionTaken";
    public static final String RESPONSIBILITY = "responsibility";
    public static final String HANDLE_NOTE = "handleNote";
    public static final String VERIFIED = "verified";
    public static final String VERIFY_NOTE = "verifyNote";
    public static final String OWNER_REACHED = "ownerReached";
    public static final String SATISFACTION = "satisfaction";
    public static final String CALLBACK_NOTE = "callbackNote";
    public static final String SURVEY_NOTE = "surveyNote";
    public static final String NEEDS_PARTS = "needsParts";
    public static final String APPOINTMENT_AT = "appointmentAt";
    public static final String PARTS_USED = "partsUsed";
    public static final String CHARGE = "charge";
    public static final String ACCEPTED = "accepted";
    public static final String RATING = "rating";
    public static final String DECISION = "decision";
    public static final String MANAGER_NOTE = "managerNote";

    // repair routing
    /** given at intake: the reporter asks for a site survey */
    public static final String NEEDS_SURVEY = "needsSurvey";
    /** the repair-charge decision: paid by the owner (有偿) */
    public static final String CHARGEABLE = "chargeable";
    /** the survey changed the classification: triage runs again */
    public static final String RECLASSIFIED = "reclassified";
    /** how the owner's acceptance arrived; SELF_SERVICE when through the feedback endpoint */
    public static final String ACCEPTANCE_CHANNEL = "acceptanceChannel";
    public static final String SELF_SERVICE = "SELF_SERVICE";
    /** who the application completed a task for (no engine user is authenticated then): the owner's app */
    public static final String COMPLETED_FOR = "completedFor";

    // service-level clocks
    /** response due date (Date): the dispatch task's boundary timer, level 1 */
    public static final String RESPONSE_DUE_AT = "responseDueAt";
    /** resolution due date (Date): the sla-watch timer, level 2 */
    public static final String RESOLVE_DUE_AT = "resolveDueAt";
    /** twice the resolution time (Date): the sla-watch timer, level 3 */
    public static final String GM_DUE_AT = "gmDueAt";
    /** set when the resolution clock must be planned again (conditional event of the sla-watch) */
    public static final String REPLAN_REQUESTED = "replanRequested";
    public static final String CLOCK_ACTOR = "clockActor";
    public static final String CLOCK_REASON = "clockReason";
    public static final String ESCALATION_ACTION = "escalationAction";
    public static final String NEW_HANDLER = "newHandler";
    public static final String NEW_DEPARTMENT = "newDepartment";
    public static final String EXTEND_HOURS = "extendHours";
    public static final String NEW_URGENCY = "newUrgency";
    /** who completed the manager's review */
    public static final String REVIEWER = "reviewer";
    public static final String GM_NOTE = "gmNote";

    // routing inside the shared processes
    public static final String CALLBACK_MISSES = "callbackMisses";
    public static final String REVIEW_REASON = "reviewReason";
    public static final String RESOLUTION = "resolution";
    /** task-local: the owner's phone, only on the tasks of people who must call the owner */
    public static final String OWNER_PHONE = "ownerPhone";
    /** task-local: the ticket's attachments as Markdown links, shown on every form */
    public static final String ATTACHMENT_LINKS = "attachmentLinks";
    /** task-local: who is in the department, shown on the dispatch form */
    public static final String DEPARTMENT_STAFF = "departmentStaff";

    // the quarterly complaint analysis (complaint-analysis.bpmn)
    /** the quarter asked for by a manager; both empty: the last quarter that has ended */
    public static final String YEAR = "year";
    public static final String QUARTER = "quarter";
    /** who started it (the start event's initiator, or the REST caller); empty for the schedule */
    public static final String STARTED_BY = "startedBy";
    public static final String ANALYSIS_ID = "analysisId";
    public static final String PERIOD_LABEL = "periodLabel";
    public static final String REPORT_URL = "reportUrl";
    /** the multi-instance element: the department asked for measures */
    public static final String DEPARTMENT_OF_ACTION = "department";
    // form fields of correctiveAction (local to each department's execution, so parallel ones never share them)
    public static final String CAUSE = "cause";
    public static final String CORRECTIVE_MEASURES = "correctiveMeasures";
    public static final String PREVENTIVE_MEASURES = "preventiveMeasures";
    public static final String RESPONSIBLE = "responsible";
    public static final String COMPLETE_BY = "completeBy";
    // form field of gmApproval (GM_NOTE above is its note)
    public static final String APPROVED = "approved";
    /** task-local: what the forms of the analysis show */
    public static final String DEPARTMENT_NAME = "departmentName";
    public static final String REPORT_LINK = "reportLink";
    public static final String DEPARTMENT_SUMMARY = "departmentSummary";
    public static final String MEASURES_SUMMARY = "measuresSummary";

    private ProcessVars() {
    }
}
