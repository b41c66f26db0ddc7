package com.propertydesk.analysis;

import com.propertydesk.ticket.api.Callers;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/reports/complaint-analyses")
@Tag(name = "Reports", description = "Service-quality indicators and the quarterly complaint analysis")
@SecurityRequirement(name = "basicAuth")
public class ComplaintAnalysisController {

    private final ComplaintAnalysisService analyses;
    private final ReportRenderer renderer;

    public ComplaintAnalysisController(ComplaintAnalysisService analyses, ReportRenderer renderer) {
        this.analyses = analyses;
        this.renderer = renderer;
    }

    @Operation(operationId = "startComplaintAnalysis", summary = "Start the quarterly complaint analysis (季度投诉分析) now",
            description = "For the manager. Builds the report of the quarter (by default the last one that has "
                    + "ended) and asks each department with complaints for its corrective and preventive measures "
                    + "in Tasklist; the general manager approves it. The schedule starts it by itself at the "
                    + "beginning of each quarter.")
    @ApiResponse(responseCode = "201", description = "Started; Location is the analysis")
    @ApiResponse(responseCode = "400", description = "Invalid quarter; errors[] names the field")
    @ApiResponse(responseCode = "403", description = "Not the manager")
    @ApiResponse(responseCode = "409", description = "The quarter has its analysis already (analysisId)")
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<AnalysisViews.Detail> start(@RequestBody(required = false) AnalysisViews.StartRequest request,
            Authentication caller) {
        AnalysisViews.StartRequest asked = request == null ? new AnalysisViews.StartRequest(null, null) : request;
        AnalysisViews.Detail started = analyses.start(asked.year(), asked.quarter(), Callers.of(caller));
        return ResponseEntity.created(URI.create("/api/v1/reports/complaint-analyses/" + started.id())).body(started);
    }

    @Operation(operationId = "listComplaintAnalyses",
            summary = "The quarterly complaint analyses the caller may read, newest first")
    @ApiResponse(responseCode = "200", description = "The analyses, empty when the caller may read none")
    @ApiResponse(responseCode = "401", description = "Not logged in")
    @GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
    public List<AnalysisViews.Summary> list(Authentication caller) {
        return analyses.list(Callers.of(caller));
    }

    @Operation(operationId = "previewComplaintAnalysis", summary = "Preview a quarter's report as it stands now (预览)",
            description = "For the readers of the indicators. By default the current quarter so far; any earlier "
                    + "quarter may be given. Built on request and not stored: no measures, no approval.")
    @ApiResponse(responseCode = "200", description = "The report's figures")
    @ApiResponse(responseCode = "400", description = "Invalid quarter; errors[] names the field")
    @ApiResponse(responseCode = "403", description = "Not a reader of the indicators")
    @GetMapping(path = "/preview", produces = MediaType.APPLICATION_JSON_VALUE)
    public AnalysisReport preview(@RequestParam(required = false) Integer year,
            @RequestParam(required = false) Integer quarter, Authentication caller) {
        return analyses.preview(year, quarter, Callers.of(caller)).report();
    }

    @Operation(operationId = "previewComplaintAnalysisHtml",
            summary = "Preview a quarter's report as a page with charts")
    @ApiResponse(responseCode = "200", description = "HTML with the charts embedded")
    @ApiResponse(responseCode = "400", description = "Invalid quarter; errors[] names the field")
    @ApiResponse(responseCode = "403", description = "Not a reader of the indicators")
    @GetMapping(path = "/preview/report.html", produces = MediaType.TEXT_HTML_VALUE)
    public ResponseEntity<String> previewHtml(@RequestParam(required = false) Integer year,
            @RequestParam(required = false) Integer quarter, Authentication caller) {
        return html(analyses.preview(year, quarter, Callers.of(caller)));
    }

    @Operation(operationId = "previewComplaintAnalysisPdf", summary = "Preview a quarter's report as PDF")
    @ApiResponse(responseCode = "200", description = "The PDF")
    @ApiResponse(responseCode = "400", description = "Invalid quarter; errors[] names the field")
    @ApiResponse(responseCode = "403", description = "Not a reader of the indicators")
    @ApiResponse(responseCode = "503", description = "The server has no font with Chinese characters")
    @GetMapping(path = "/preview/report.pdf", produces = MediaType.APPLICATION_PDF_VALUE)
    public ResponseEntity<byte[]> previewPdf(@RequestParam(required = false) Integer year,
            @RequestParam(required = false) Integer quarter, Authentication caller) {
        return pdf(analyses.preview(year, quarter, Callers.of(caller)), "-预览");
    }

    @Operation(operationId = "getComplaintAnalysis",
            summary = "One analysis: the report's figures, the departments' measures, the reviews",
            description = "For the manager, the general manager, customer service, administrators and the "
                    + "departments it asks for measures.")
    @ApiResponse(responseCode = "200", description = "The analysis")
    @ApiResponse(responseCode = "404", description = "No such analysis the caller may see")
    @GetMapping(path = "/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
    public AnalysisViews.Detail get(@PathVariable long id, Authentication caller) {
        return analyses.view(id, Callers.of(caller));
    }

    @Operation(operationId = "getComplaintAnalysisHtml",
            summary = "The report as a page with charts (opens from Tasklist)")
    @ApiResponse(responseCode = "200", description = "HTML with the charts embedded")
    @ApiResponse(responseCode = "404", description = "No such analysis the caller may see")
    @GetMapping(path = "/{id}/report.html", produces = MediaType.TEXT_HTML_VALUE)
    public ResponseEntity<String> html(@PathVariable long id, Authentication caller) {
        return html(analyses.view(id, Callers.of(caller)));
    }

    private ResponseEntity<String> html(AnalysisViews.Detail analysis) {
        return ResponseEntity.ok().contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
                .body(renderer.html(analysis));
    }

    @Operation(operationId = "getComplaintAnalysisPdf", summary = "The report as PDF")
    @ApiResponse(responseCode = "200", description = "The PDF")
    @ApiResponse(responseCode = "404", description = "No such analysis the caller may see")
    @ApiResponse(responseCode = "503", description = "The server has no font with Chinese characters")
    @GetMapping(path = "/{id}/report.pdf", produces = MediaType.APPLICATION_PDF_VALUE)
    public ResponseEntity<byte[]> pdf(@PathVariable long id, Authentication caller) {
        return pdf(analyses.view(id, Callers.of(caller)), "");
    }

    private ResponseEntity<byte[]> pdf(AnalysisViews.Detail analysis, String suffix) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("用户投诉分析报告-" + analysis.year() + "Q" + analysis.quarter() + suffix + ".pdf",
                                StandardCharsets.UTF_8).build().toString())
                .body(renderer.pdf(analysis));
    }
}
