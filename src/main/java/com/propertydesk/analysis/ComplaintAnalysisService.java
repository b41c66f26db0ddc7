package com.propertydesk.analysis;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.propertydesk.config.InvalidFieldException;
import com.propertydesk.identity.Groups;
import com.propertydesk.identity.StaffDirectory;
import com.propertydesk.ticket.Caller;
import com.propertydesk.ticket.NotAllowedException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The quarterly complaint analysis (季度投诉分析): started by the schedule, by a manager over REST or from Tasklist;
 * the process ({@code processes/complaint-analysis.bpmn}) calls back here to build the report, record each
 * department's measures and the general manager's reviews, and archive it.
 */
@Service("complaintAnalysisService")
public class ComplaintAnalysisService {

    public static final String PROCESS_KEY = "complaint-analysis";
    /** The process in the same file whose timer starts {@link #PROCESS_KEY} at the beginning of each quarter. */
    public static final String SCHEDULE_PROCESS_KEY = "complaint-analysis-schedule";
    /** Who may start an analysis on demand. */
    private static final String[] STARTERS = {Groups.MANAGER, Groups.ADMIN};
    static final String PREVIEW_URL = "/api/v1/reports/complaint-analyses/preview";
    /** Who reads every analysis and previews; a department reads those that ask it for measures. */
    private static final String[] READERS = {Groups.MANAGER, Groups.GM, Groups.ADMIN, Groups.CUSTOMER_SERVICE};

    private final ComplaintAnalysisRepository analyses;
    private final AnalysisBuilder builder;
    private final RuntimeService runtime;
    private final StaffDirectory staff;
    private final ObjectMapper json;
    private final Clock clock;
    private final ZoneId zone;
    private final TransactionTemplate readOnly;

    public ComplaintAnalysisService(ComplaintAnalysisRepository analyses, AnalysisBuilder builder,
            RuntimeService runtime, StaffDirectory staff, ObjectMapper json, Clock clock, ZoneId zone,
            PlatformTransactionManager transactionManager) {
        this.analyses = analyses;
        this.builder = builder;
        this.runtime = runtime;
        this.staff = staff;
        // a report built by an earlier version may have fields this one no longer knows
        // and its times keep the service centre's offset they were written with
        this.json = json.copy().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
                .configure(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE, false);
        this.clock = clock;
        this.zone = zone;
        this.readOnly = new TransactionTemplate(transactionManager);
        this.readOnly.setReadOnly(true);
    }

    /** The quarter asked for, or the last one that has ended; a quarter that has not ended is refused. */
    public Quarter quarter(Integer year, Integer quarter) {
        Quarter lastEnded = Quarter.lastEnded(today());
        return asked(year, quarter, lastEnded, "for the last quarter that has ended (" + lastEnded.label() + ")",
                "has not ended yet; the last quarter that has ended is " + lastEnded.label());
    }

    private Quarter asked(Integer year, Integer quarter, Quarter latest, String byDefault, String tooLate) {
        if (year == null && quarter == null) {
            return latest;
        }
        if (year == null || quarter == null) {
            throw new InvalidFieldException(year == null ? "year" : "quarter", "give both year and quarter, or neither "
                    + byDefault);
        }
        if (quarter < 1 || quarter > 4) {
            throw new InvalidFieldException("quarter", "must be 1, 2, 3 or 4");
        }
        if (year < 2000) {
            throw new InvalidFieldException("year", "must be 2000 or later");
        }
        Quarter asked = new Quarter(year, quarter);
        if (asked.compareTo(latest) > 0) {
            throw new InvalidFieldException("quarter", asked.label() + " " + tooLate);
        }
        return asked;
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), zone);
    }

    /**
     * The report of a quarter as it stands now (预览), by default the current one so far: built on request, not
     * stored, no process, no measures. For the readers of the indicators.
     */
    public AnalysisViews.Detail preview(Integer year, Integer quarter, Caller caller) {
        if (!caller.inAny(READERS)) {
            throw new NotAllowedException("Only the manager, the general manager, customer service and administrators "
                    + "preview the complaint analysis");
        }
        Quarter current = Quarter.of(today());
        Quarter asked = asked(year, quarter, current, "for the current quarter so far (" + current.label() + ")",
                "is still to come; the current quarter is " + current.label());
        AnalysisReport report = builder.build(asked);
        String url = PREVIEW_URL + "/report.%s?year=" + asked.year() + "&quarter=" + asked.quarter();
        return new AnalysisViews.Detail(0, asked.year(), asked.quarter(), asked.label(), AnalysisStatus.PREVIEW,
                AnalysisStatus.PREVIEW.label(), 0, caller.id(), report.builtAt(), null, null, url.formatted("html"),
                url.formatted("pdf"), report, List.of(), List.of());
    }

    /** A manager's start over REST: the process runs to the departments' tasks before this returns. */
    public AnalysisViews.Detail start(Integer year, Integer quarter, Caller caller) {
        if (!caller.inAny(STARTERS)) {
            throw new NotAllowedException("Only the manager starts a complaint analysis");
        }
        Quarter asked = quarter(year, quarter);
        analyses.findByQuarter(asked).ifPresent(existing -> {
            throw new AnalysisExistsException(asked, existing.getId());
        });
        runtime.startProcessInstanceByKey(PROCESS_KEY, businessKey(asked), Map.of("year", asked.year(),
                "quarter", asked.quarter(), "startedBy", caller.id()));
        return readOnly.execute(status -> view(analyses.findByQuarter(asked).orElseThrow().getId(), caller));
    }

    public static String businessKey(Quarter quarter) {
        return "CA-" + quarter;
    }

    /** Builds and stores the report of the quarter (the process's first step). */
    @Transactional
    public ComplaintAnalysis build(Quarter quarter, String processInstanceId, String startedBy) {
        analyses.findByQuarter(quarter).ifPresent(existing -> {
            throw new AnalysisExistsException(quarter, existing.getId());
        });
        AnalysisReport report = builder.build(quarter);
        return analyses.saveAndFlush(new ComplaintAnalysis(quarter, write(report), processInstanceId, startedBy,
                clock.instant()));
    }

    /** The departments asked for measures: the collection of the process's multi-instance task. */
    @Transactional(readOnly = true)
    public List<String> departments(Number analysisId) {
        return report(get(analysisId.longValue())).departmentKeys();
    }

    @Transactional
    public void submitMeasures(long analysisId, String department, String cause, String corrective,
            String preventive, String responsible, LocalDate completeBy, String by) {
        get(analysisId).submitMeasures(department, cause, corrective, preventive, responsible, completeBy, by,
                clock.instant());
    }

    @Transactional
    public void awaitApproval(long analysisId) {
        get(analysisId).awaitApproval();
    }

    @Transactional
    public void review(long analysisId, boolean approved, String note, String by) {
        get(analysisId).review(approved, note, by, clock.instant());
    }

    @Transactional
    public void archive(long analysisId) {
        get(analysisId).archive(clock.instant());
    }

    @Transactional(readOnly = true)
    public ComplaintAnalysis get(long id) {
        return analyses.findById(id).orElseThrow(() -> new AnalysisNotFoundException(id));
    }

    public AnalysisReport report(ComplaintAnalysis analysis) {
        try {
            return json.readValue(analysis.getReportJson(), AnalysisReport.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("The report of analysis " + analysis.getId() + " cannot be read", e);
        }
    }

    @Transactional(readOnly = true)
    public List<AnalysisViews.Summary> list(Caller caller) {
        return analyses.newestFirst().stream().filter(analysis -> mayRead(caller, analysis)).map(this::summary)
                .toList();
    }

    @Transactional(readOnly = true)
    public AnalysisViews.Detail view(long id, Caller caller) {
        ComplaintAnalysis analysis = readable(id, caller);
        return new AnalysisViews.Detail(analysis.getId(), analysis.getQuarter().year(), analysis.getQuarter().quarter(),
                analysis.getQuarter().label(), analysis.getStatus(), analysis.getStatus().label(), analysis.getRound(),
                analysis.getStartedBy(), at(analysis.getCreatedAt()), analysis.getApprovedBy(),
                at(analysis.getApprovedAt()), url(analysis) + "/report.html", url(analysis) + "/report.pdf",
                report(analysis), measures(analysis), analysis.getReviews().stream()
                        .map(review -> new AnalysisViews.Review(review.getRound(), review.isApproved(),
                                review.getNote(), review.getReviewedBy(), at(review.getReviewedAt())))
                        .toList());
    }

    /** The analysis if the caller may read it; otherwise not found (its existence is not revealed). */
    @Transactional(readOnly = true)
    public ComplaintAnalysis readable(long id, Caller caller) {
        ComplaintAnalysis analysis = analyses.findById(id).orElseThrow(() -> new AnalysisNotFoundException(id));
        if (!mayRead(caller, analysis)) {
            throw new AnalysisNotFoundException(id);
        }
        analysis.getActions().size();
        analysis.getReviews().size();
        return analysis;
    }

    public List<AnalysisViews.Measures> measures(ComplaintAnalysis analysis) {
        return analysis.getActions().stream().map(action -> new AnalysisViews.Measures(action.getDepartment(),
                staff.departmentName(action.getDepartment()), action.getRound(), action.getCause(),
                action.getCorrectiveMeasures(), action.getPreventiveMeasures(), action.getResponsible(),
                action.getCompleteBy(), action.getSubmittedBy(), at(action.getSubmittedAt()))).toList();
    }

    private boolean mayRead(Caller caller, ComplaintAnalysis analysis) {
        return caller.inAny(READERS) || report(analysis).departmentKeys().stream().anyMatch(caller.groups()::contains);
    }

    private AnalysisViews.Summary summary(ComplaintAnalysis analysis) {
        Quarter quarter = analysis.getQuarter();
        return new AnalysisViews.Summary(analysis.getId(), quarter.year(), quarter.quarter(), quarter.label(),
                analysis.getStatus(), analysis.getStatus().label(), at(analysis.getCreatedAt()),
                at(analysis.getApprovedAt()), url(analysis));
    }

    public static String url(ComplaintAnalysis analysis) {
        return "/api/v1/reports/complaint-analyses/" + analysis.getId();
    }

    private java.time.OffsetDateTime at(Instant instant) {
        return instant == null ? null : instant.atZone(zone).toOffsetDateTime();
    }

    private String write(AnalysisReport report) {
        try {
            return json.writeValueAsString(report);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("The report cannot be written", e);
        }
    }
}
