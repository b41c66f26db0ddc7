package com.propertydesk.analysis;

import java.util.Base64;
import java.util.List;
import org.springframework.web.util.HtmlUtils;

/** The report as one self-contained HTML page: the charts are embedded, so the page can be saved and mailed. */
public final class ReportHtml {

    private static final String STYLE = """
            body { font-family: "PingFang SC", "Microsoft YaHei", "WenQuanYi Zen Hei", "Noto Sans CJK SC", sans-serif;
                   max-width: 960px; margin: 2em auto; padding: 0 1em; color: #222; line-height: 1.6; }
            h1 { font-size: 1.6em; border-bottom: 2px solid #2F6FB2; padding-bottom: .3em; }
            h2 { font-size: 1.2em; margin-top: 1.8em; color: #2F6FB2; }
            table { border-collapse: collapse; width: 100%; margin: .8em 0; }
            th, td { border: 1px solid #ccc; padding: .35em .6em; text-align: left; vertical-align: top;
                     white-space: pre-wrap; }
            th { background: #f0f4f9; }
            figure { margin: 1em 0; } figure img { max-width: 100%; }
            .actions { margin-top: 2em; font-size: .9em; } .actions a { margin-right: 1.5em; }
            @media print { .actions { display: none; } }
            """;

    private ReportHtml() {
    }

    public static String render(ReportDocument document, String pdfUrl) {
        StringBuilder html = new StringBuilder("<!DOCTYPE html>\n<html lang=\"zh-CN\"><head><meta charset=\"UTF-8\">")
                .append("<title>").append(escape(document.title())).append("</title><style>").append(STYLE)
                .append("</style></head><body>\n<h1>").append(escape(document.title())).append("</h1>\n");
        for (ReportDocument.Block block : document.blocks()) {
            if (block instanceof ReportDocument.Heading heading) {
                html.append("<h2>").append(escape(heading.text())).append("</h2>\n");
            } else if (block instanceof ReportDocument.Paragraph paragraph) {
                html.append("<p>").append(escape(paragraph.text())).append("</p>\n");
            } else if (block instanceof ReportDocument.Table table) {
                table(html, table.headers(), table.rows());
            } else if (block instanceof ReportDocument.Figure figure) {
                html.append("<figure><img alt=\"").append(escape(figure.chart().title()))
                        .append("\" src=\"data:image/png;base64,")
                        .append(Base64.getEncoder().encodeToString(figure.chart().png())).append("\"></figure>\n");
            }
        }
        return html.append("<p class=\"actions\"><a href=\"").append(escape(pdfUrl))
                .append("\">下载 PDF</a></p>\n</body></html>\n")
                .toString();
    }

    private static void table(StringBuilder html, List<String> headers, List<List<String>> rows) {
        html.append("<table><thead><tr>");
        headers.forEach(header -> html.append("<th>").append(escape(header)).append("</th>"));
        html.append("</tr></thead><tbody>\n");
        for (List<String> row : rows) {
            html.append("<tr>");
            row.forEach(cell -> html.append("<td>").append(escape(cell)).append("</td>"));
            html.append("</tr>\n");
        }
        html.append("</tbody></table>\n");
    }

    private static String escape(String text) {
        return HtmlUtils.htmlEscape(text == null ? "" : text, "UTF-8");
    }
}
