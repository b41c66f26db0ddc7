package com.propertydesk.ticket;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import org.hibernate.annotations.NaturalId;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A complaint or repair request and everything that happened to it. The process instance whose business key
 * is {@link #getTicketNo()} drives it; the workflow adapters change it only through the methods below, inside
 * the engine's transaction.
 */
@Entity
@Table(name = "ticket")
public class Ticket {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @NaturalId
    @Column(nullable = false, updatable = false)
    private String ticketNo;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private TicketType type;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private Channel channel;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private TicketStatus status;

    @Enumerated(EnumType.STRING)
    private Category category;

    @Enumerated(EnumType.STRING)
    private Urgency urgency;

    private boolean major;

    @Enumerated(EnumType.STRING)
    private ImpactScope impactScope;

    private Boolean publicArea;

    private String department;

    private String handler;

    @Column(nullable = false, updatable = false)
    private String receivedBy;

    private String reporterName;

    @Column(nullable = false)
    private String reporterPhone;

    @Column(nullable = false)
    private String reporterRoom;

    @Column(nullable = false)
    private String roomKey;

    private String location;

    private Instant occurredAt;

    @Column(nullable = false)
    private String description;

    private String demand;

    private int repeatCount;

    private String responseWithin;

    private String resolveWithin;

    private String callbackWithin;

    @Column(nullable = false, updatable = false)
    private Instant createdAt;

    private Instant responseDueAt;

    private Instant resolveDueAt;

    private Instant callbackDueAt;

    private Instant gmDueAt;

    private Instant pausedAt;

    private Instant respondedAt;

    /** Whether the first dispatch came by the response due date (受理及时). */
    private Boolean respondedOnTime;

    /** Minutes from receipt to the (last) handling: the resolution time (处理周期). */
    private Integer resolutionMinutes;

    /** The highest escalation level reached, 0 for none. */
    private int escalationLevel;

    private Instant handledAt;

    private Instant archivedAt;

    private String actionTaken;

    @Enumerated(EnumType.STRING)
    private Responsibility responsibility;

    @Enumerated(EnumType.STRING)
    private Resolution resolution;

    @Enumerated(EnumType.STRING)
    private Satisfaction satisfaction;

    private Boolean needsSurvey;

    private String surveyNote;

    private Boolean needsParts;

    private Instant appointmentAt;

    private Boolean chargeable;

    private BigDecimal charge;

    private Integer rating;

    private int reworkCount;

    private int reopenCount;

    private String processInstanceId;

    @Column(updatable = false)
    private String idempotencyKey;

    @Column(updatable = false)
    private String requestHash;

    @Version
    private long version;

    @OneToMany(mappedBy = "ticket", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("at ASC, id ASC")
    private List<TimelineEntry> timeline = new ArrayList<>();

    @OneToMany(mappedBy = "ticket", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("at ASC, id ASC")
    private List<Escalation> escalations = new ArrayList<>();

    @OneToMany(mappedBy = "ticket", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("usedAt ASC, id ASC")
    private List<UsedPart> parts = new ArrayList<>();

    @OneToMany(mappedBy = "ticket", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("uploadedAt ASC, id ASC")
    private List<TicketAttachment> attachments = new ArrayList<>();

    protected Ticket() {
    }

    /** A ticket as it is taken in (受理): status RECEIVED, nothing decided yet but what the reporter said. */
    public static Ticket receive(String ticketNo, NewTicket request, String receivedBy, Instant now, int repeatCount) {
        Ticket ticket = new Ticket();
        ticket.ticketNo = ticketNo;
        ticket.type = request.type();
        ticket.channel = request.channel();
        ticket.status = TicketStatus.RECEIVED;
        ticket.category = request.category();
        ticket.impactScope = request.impactScope();
        ticket.publicArea = request.publicArea();
        ticket.needsSurvey = request.needsSurvey();
        ticket.receivedBy = receivedBy;
        ticket.reporterName = request.reporterName();
        ticket.reporterPhone = request.reporterPhone();
        ticket.reporterRoom = request.reporterRoom();
        ticket.roomKey = roomKey(request.reporterRoom());
        ticket.location = request.location();
        ticket.occurredAt = request.occurredAt();
        ticket.description = request.description();
        ticket.demand = request.demand();
        ticket.repeatCount = repeatCount;
        ticket.createdAt = now;
        return ticket;
    }

    /** The room as compared for repeat complaints: no blanks, upper case ("3-1-1201 " and "3-1-1201" agree). */
    public static String roomKey(String room) {
        return room.replaceAll("\\s+", "").toUpperCase(java.util.Locale.ROOT);
    }

    public TimelineEntry record(Instant at, TimelineStage stage, String actor, String action, String note) {
        TimelineEntry entry = new TimelineEntry(this, at, stage, action, actor, note);
        timeline.add(entry);
        return entry;
    }

    public void startedAs(String processInstanceId) {
        this.processInstanceId = processInstanceId;
    }

    public void rememberIdempotency(String key, String hash) {
        this.idempotencyKey = key;
        this.requestHash = hash;
    }

    public void classify(Category category, ImpactScope impactScope, Boolean publicArea) {
        this.category = category;
        this.impactScope = impactScope;
        this.publicArea = publicArea;
    }

    public void assess(Urgency urgency, boolean major, String department, ServiceTerms terms) {
        this.urgency = urgency;
        this.major = major;
        this.department = department;
        this.responseWithin = terms.responseWithin();
        this.resolveWithin = terms.resolveWithin();
        this.callbackWithin = terms.callbackWithin();
        this.responseDueAt = terms.responseDueAt();
        this.resolveDueAt = terms.resolveDueAt();
        this.gmDueAt = terms.gmDueAt();
    }

    /** New resolution due dates (a pause, an extension); the response due date stays. */
    public void resolveBy(Instant resolveDueAt, Instant gmDueAt) {
        this.resolveDueAt = resolveDueAt;
        this.gmDueAt = gmDueAt;
    }

    /** New due dates for both clocks, counted from a new start (a reopened ticket). */
    public void replan(Instant responseDueAt, Instant resolveDueAt, Instant gmDueAt) {
        this.responseDueAt = responseDueAt;
        this.resolveDueAt = resolveDueAt;
        this.gmDueAt = gmDueAt;
    }

    public void reassignTo(String department) {
        this.department = department;
    }

    public void pauseClock(Instant at) {
        this.pausedAt = at;
    }

    public void resumeClock() {
        this.pausedAt = null;
    }

    public boolean escalated(int level, Instant dueAt) {
        return escalations.stream().anyMatch(e -> e.getLevel() == level && dueAt.equals(e.getDueAt()));
    }

    public Escalation escalate(int level, Instant at, Instant dueAt, String reason, String notified) {
        Escalation escalation = new Escalation(this, level, at, dueAt, reason, notified);
        escalations.add(escalation);
        escalationLevel = Math.max(escalationLevel, level);
        return escalation;
    }

    public void surveyed(String note, Boolean needsParts) {
        this.surveyNote = note;
        this.needsParts = needsParts;
    }

    public void appointFor(Instant appointmentAt) {
        this.appointmentAt = appointmentAt;
    }

    public UsedPart usedPart(String name, int quantity, Instant at, String by) {
        UsedPart part = new UsedPart(this, name, quantity, at, by);
        parts.add(part);
        return part;
    }

    /** Whether the repair is paid by the owner (有偿) and what was charged; a free repair charges nothing. */
    public void charged(boolean chargeable, BigDecimal amount) {
        this.chargeable = chargeable;
        this.charge = chargeable ? amount : BigDecimal.ZERO;
    }

    public void rated(Integer rating) {
        if (rating != null) {
            this.rating = rating;
        }
    }

    public void moveTo(TicketStatus status) {
        this.status = status;
    }

    public void dispatchTo(String handler, Instant at) {
        this.handler = handler;
        if (respondedAt == null) {
            respondedAt = at;
            respondedOnTime = responseDueAt == null || !at.isAfter(responseDueAt);
        }
    }

    public void handled(String actionTaken, Responsibility responsibility, Instant at) {
        this.actionTaken = actionTaken;
        this.responsibility = responsibility;
        this.handledAt = at;
        this.resolutionMinutes = (int) java.time.Duration.between(createdAt, at).toMinutes();
    }

    public int rework() {
        return ++reworkCount;
    }

    public void callbackDueBy(Instant due) {
        this.callbackDueAt = due;
    }

    public void ownerSaid(Satisfaction satisfaction) {
        this.satisfaction = satisfaction;
    }

    /** Back to dispatch after an unsatisfied callback: the next callback round gets a fresh due date. */
    public int reopen() {
        callbackDueAt = null;
        satisfaction = null;
        return ++reopenCount;
    }

    public void archive(Resolution resolution, Instant at) {
        this.resolution = resolution;
        this.archivedAt = at;
        this.status = TicketStatus.ARCHIVED;
    }

    public Long getId() {
        return id;
    }

    public String getTicketNo() {
        return ticketNo;
    }

    public TicketType getType() {
        return type;
    }

    public Channel getChannel() {
        return channel;
    }

    public TicketStatus getStatus() {
        return status;
    }

    public Category getCategory() {
        return category;
    }

    public Urgency getUrgency() {
        return urgency;
    }

    public boolean isMajor() {
        return major;
    }

    public ImpactScope getImpactScope() {
        return impactScope;
    }

    public Boolean getPublicArea() {
        return publicArea;
    }

    public String getDepartment() {
        return department;
    }

    public String getHandler() {
        return handler;
    }

    public String getReceivedBy() {
        return receivedBy;
    }

    public String getReporterName() {
        return reporterName;
    }

    public String getReporterPhone() {
        return reporterPhone;
    }

    public String getReporterRoom() {
        return reporterRoom;
    }

    public String getLocation() {
        return location;
    }

    public Instant getOccurredAt() {
        return occurredAt;
    }

    public String getDescription() {
        return description;
    }

    public String getDemand() {
        return demand;
    }

    public int getRepeatCount() {
        return repeatCount;
    }

    public String getResponseWithin() {
        return responseWithin;
    }

    public String getResolveWithin() {
        return resolveWithin;
    }

    public String getCallbackWithin() {
        return callbackWithin;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getResponseDueAt() {
        return responseDueAt;
    }

    public Instant getResolveDueAt() {
        return resolveDueAt;
    }

    public Instant getCallbackDueAt() {
        return callbackDueAt;
    }

    public Instant getGmDueAt() {
        return gmDueAt;
    }

    public Instant getPausedAt() {
        return pausedAt;
    }

    public Boolean getRespondedOnTime() {
        return respondedOnTime;
    }

    public Integer getResolutionMinutes() {
        return resolutionMinutes;
    }

    public int getEscalationLevel() {
        return escalationLevel;
    }

    public Instant getRespondedAt() {
        return respondedAt;
    }

    public Instant getHandledAt() {
        return handledAt;
    }

    public Instant getArchivedAt() {
        return archivedAt;
    }

    public String getActionTaken() {
        return actionTaken;
    }

    public Responsibility getResponsibility() {
        return responsibility;
    }

    public Resolution getResolution() {
        return resolution;
    }

    public Satisfaction getSatisfaction() {
        return satisfaction;
    }

    public Boolean getNeedsSurvey() {
        return needsSurvey;
    }

    public String getSurveyNote() {
        return surveyNote;
    }

    public Boolean getNeedsParts() {
        return needsParts;
    }

    public Instant getAppointmentAt() {
        return appointmentAt;
    }

    public Boolean getChargeable() {
        return chargeable;
    }

    public BigDecimal getCharge() {
        return charge;
    }

    public Integer getRating() {
        return rating;
    }

    public TicketAttachment attach(String fileName, String contentType, long size, String sha256, String storageKey,
            String uploadedBy, Instant at) {
        TicketAttachment attachment = new TicketAttachment(this, fileName, contentType, size, sha256, storageKey,
                uploadedBy, at);
        attachments.add(attachment);
        return attachment;
    }

    public List<TicketAttachment> getAttachments() {
        return Collections.unmodifiableList(attachments);
    }

    public List<UsedPart> getParts() {
        return Collections.unmodifiableList(parts);
    }

    public int getReworkCount() {
        return reworkCount;
    }

    public int getReopenCount() {
        return reopenCount;
    }

    public String getProcessInstanceId() {
        return processInstanceId;
    }

    public String getIdempotencyKey() {
        return idempotencyKey;
    }

    public String getRequestHash() {
        return requestHash;
    }

    public List<TimelineEntry> getTimeline() {
        return Collections.unmodifiableList(timeline);
    }

    public List<Escalation> getEscalations() {
        return Collections.unmodifiableList(escalations);
    }
}
