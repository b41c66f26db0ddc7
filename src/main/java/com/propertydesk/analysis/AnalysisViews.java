package com.propertydesk.analysis;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/** What the REST API shows of the quarterly complaint analyses. */
public final class AnalysisViews {

    private AnalysisViews() {
    }

    @Schema(name = "ComplaintAnalysisSummary")
    public record Summary(long id, int year, int quarter, String label, AnalysisStatus status, String statusLabel,
            OffsetDateTime createdAt, OffsetDateTime approvedAt, String url) {
    }

    @Schema(name = "ComplaintAnalysis")
    public record Detail(long id, int year, int quarter, String label, AnalysisStatus status, String statusLabel,
            @Schema(description = "1, and one more after each return by the general manager") int round,
            String startedBy, OffsetDateTime createdAt, String approvedBy, OffsetDateTime approvedAt,
            @Schema(description = "The report as a page with charts") String htmlUrl,
            @Schema(description = "The report as PDF") String pdfUrl,
            AnalysisReport report, List<Measures> measures, List<Review> reviews) {
    }

    /** A department's corrective and preventive measures (纠正和预防措施) in one round. */
    @Schema(name = "CorrectiveMeasures")
    public record Measures(String department, String departmentLabel, int round, String cause,
            String correctiveMeasures, String preventiveMeasures, String responsible, LocalDate completeBy,
            String submittedBy, OffsetDateTime submittedAt) {
    }

    /** The general manager's review of a round. */
    @Schema(name = "ComplaintAnalysisReview")
    public record Review(int round, boolean approved, String note, String reviewedBy, OffsetDateTime reviewedAt) {
    }

    /** Which quarter to analyse; both empty: the last quarter that has ended. */
    @Schema(name = "StartComplaintAnalysis")
    public record StartRequest(@Schema(example = "2026") Integer year, @Schema(example = "3") Integer quarter) {
    }
}
