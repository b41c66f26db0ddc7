package com.propertydesk.analysis;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import org.springframework.stereotype.Component;

/** The report for people: an HTML page with charts, and the same as PDF. */
@Component
public class ReportRenderer {

    private final ReportCharts charts;
    private final ReportFonts fonts;

    public ReportRenderer(ReportCharts charts, ReportFonts fonts) {
        this.charts = charts;
        this.fonts = fonts;
    }

    public String html(AnalysisViews.Detail analysis) {
        return ReportHtml.render(document(analysis), analysis.pdfUrl());
    }

    public byte[] pdf(AnalysisViews.Detail analysis) {
        Path font = fonts.file().orElseThrow(() -> new PdfUnavailableException("No font with Chinese characters is "
                + "installed on the server (e.g. Debian's fonts-wqy-zenhei), or set propertydesk.analysis.font; the "
                + "HTML report is available"));
        try {
            return ReportPdf.render(document(analysis), font);
        } catch (IOException e) {
            throw new UncheckedIOException("The PDF of analysis " + analysis.id() + " could not be written", e);
        }
    }

    private ReportDocument document(AnalysisViews.Detail analysis) {
        return ReportDocument.of(analysis, charts.draw(analysis.report()));
    }

    /** The server cannot write the PDF (no suitable font). */
    public static class PdfUnavailableException extends RuntimeException {

        public PdfUnavailableException(String message) {
            super(message);
        }
    }
}
