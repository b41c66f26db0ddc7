package com.propertydesk.analysis;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;

/**
 * The report as an A4 PDF with the Chinese font embedded (subset), the charts as images and page numbers. Plain
 * PDFBox: headings, wrapped paragraphs, tables whose rows never split across pages, figures.
 */
final class ReportPdf implements AutoCloseable {

    private static final PDRectangle PAGE = PDRectangle.A4;
    private static final float MARGIN = 50;
    private static final float WIDTH = PAGE.getWidth() - 2 * MARGIN;
    private static final float TEXT = 10.5f;
    private static final float LEADING = 1.45f;
    private static final float CELL_PADDING = 4;
    private static final Color RULE = new Color(0xBBBBBB);
    private static final Color HEADER_FILL = new Color(0xF0F4F9);
    private static final Color ACCENT = new Color(0x2F6FB2);

    private final PDDocument document = new PDDocument();
    private final TrueTypeCollection collection;
    private final PDType0Font font;
    private final Map<Integer, Boolean> printable = new HashMap<>();
    private PDPageContentStream content;
    private float y;

    private ReportPdf(Path fontFile) throws IOException {
        File file = fontFile.toFile();
        if (file.getName().toLowerCase(java.util.Locale.ROOT).endsWith(".ttc")) {
            collection = new TrueTypeCollection(file);
            TrueTypeFont[] first = new TrueTypeFont[1];
            collection.processAllFonts(ttf -> {
                if (first[0] == null) {
                    first[0] = ttf;
                }
            });
            font = PDType0Font.load(document, first[0], true);
        } else {
            collection = null;
            font = PDType0Font.load(document, file);
        }
    }

    static byte[] render(ReportDocument report, Path fontFile) throws IOException {
        try (ReportPdf pdf = new ReportPdf(fontFile)) {
            return pdf.write(report);
        }
    }

    private byte[] write(ReportDocument report) throws IOException {
        PDDocumentInformation info = document.getDocumentInformation();
        info.setTitle(report.title());
        info.setCreator("Property Service Desk");
        newPage();
        text(report.title(), 18, ACCENT);
        y -= 6;
        for (ReportDocument.Block block : report.blocks()) {
            if (block instanceof ReportDocument.Heading heading) {
                ensure(60);
                y -= 10;
                text(heading.text(), 13, ACCENT);
                y -= 2;
            } else if (block instanceof ReportDocument.Paragraph paragraph) {
                text(paragraph.text(), TEXT, Color.BLACK);
            } else if (block instanceof ReportDocument.Table table) {
                table(table.headers(), table.rows());
            } else if (block instanceof ReportDocument.Figure figure) {
                image(figure.chart().png(), figure.chart().name());
            }
        }
        content.close();
        content = null;
        numberPages();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        document.save(out);
        return out.toByteArray();
    }

    private void newPage() throws IOException {
        if (content != null) {
            content.close();
        }
        PDPage page = new PDPage(PAGE);
        document.addPage(page);
        content = new PDPageContentStream(document, page);
        y = PAGE.getHeight() - MARGIN;
    }

    private void ensure(float height) throws IOException {
        if (y - height < MARGIN) {
            newPage();
        }
    }

    private void text(String text, float size, Color color) throws IOException {
        for (String line : wrap(text, size, WIDTH)) {
            ensure(size * LEADING);
            y -= size * LEADING;
            show(line, MARGIN, y + size * 0.3f, size, color);
        }
        y -= size * 0.4f;
    }

    private void show(String line, float x, float baseline, float size, Color color) throws IOException {
        content.beginText();
        content.setNonStrokingColor(color);
        content.setFont(font, size);
        content.newLineAtOffset(x, baseline);
        content.showText(line);
        content.endText();
    }

    private void table(List<String> headers, List<List<String>> rows) throws IOException {
        float[] widths = columnWidths(headers, rows);
        row(headers, widths, true);
        for (List<String> row : rows) {
            row(row, widths, false);
        }
        y -= 6;
    }

    private void row(List<String> cells, float[] widths, boolean header) throws IOException {
        List<List<String>> lines = new ArrayList<>();
        int most = 1;
        for (int i = 0; i < cells.size(); i++) {
            List<String> wrapped = wrap(cells.get(i), TEXT, widths[i] - 2 * CELL_PADDING);
            lines.add(wrapped);
            most = Math.max(most, wrapped.size());
        }
        float height = most * TEXT * LEADING + 2 * CELL_PADDING;
        ensure(height);
        float x = MARGIN;
        for (int i = 0; i < cells.size(); i++) {
            if (header) {
                content.setNonStrokingColor(HEADER_FILL);
                content.addRect(x, y - height, widths[i], height);
                content.fill();
            }
            content.setStrokingColor(RULE);
            content.setLineWidth(0.5f);
            content.addRect(x, y - height, widths[i], height);
            content.stroke();
            float baseline = y - CELL_PADDING - TEXT;
            for (String line : lines.get(i)) {
                show(line, x + CELL_PADDING, baseline, TEXT, Color.BLACK);
                baseline -= TEXT * LEADING;
            }
            x += widths[i];
        }
        y -= height;
    }

    /** Columns as wide as their longest text needs, within the page; long texts wrap. */
    private float[] columnWidths(List<String> headers, List<List<String>> rows) throws IOException {
        float[] natural = new float[headers.size()];
        for (int i = 0; i < headers.size(); i++) {
            natural[i] = width(headers.get(i), TEXT);
            for (List<String> row : rows) {
                natural[i] = Math.max(natural[i], Math.min(width(row.get(i), TEXT), WIDTH * 0.6f));
            }
            natural[i] += 2 * CELL_PADDING + 2;
        }
        float total = 0;
        for (float w : natural) {
            total += w;
        }
        float scale = WIDTH / total;
        for (int i = 0; i < natural.length; i++) {
            natural[i] *= scale;
        }
        return natural;
    }

    private void image(byte[] png, String name) throws IOException {
        PDImageXObject image = PDImageXObject.createFromByteArray(document, png, name + ".png");
        float height = WIDTH * image.getHeight() / image.getWidth();
        ensure(height + 8);
        y -= height + 4;
        content.drawImage(image, MARGIN, y, WIDTH, height);
        y -= 4;
    }

    private void numberPages() throws IOException {
        int pages = document.getNumberOfPages();
        for (int i = 0; i < pages; i++) {
            try (PDPageContentStream footer = new PDPageContentStream(document, document.getPage(i),
                    PDPageContentStream.AppendMode.APPEND, true, true)) {
                String text = "第 " + (i + 1) + " 页 / 共 " + pages + " 页";
                footer.beginText();
                footer.setNonStrokingColor(Color.GRAY);
                footer.setFont(font, 9);
                footer.newLineAtOffset(PAGE.getWidth() / 2 - width(text, 9) / 2, MARGIN / 2);
                footer.showText(text);
                footer.endText();
            }
        }
    }

    /** Lines of at most the width, breaking between characters (Chinese has no spaces), at newlines too. */
    private List<String> wrap(String text, float size, float width) throws IOException {
        List<String> lines = new ArrayList<>();
        for (String paragraph : printableText(text).split("\n", -1)) {
            StringBuilder line = new StringBuilder();
            float used = 0;
            for (int i = 0; i < paragraph.length(); ) {
                int codePoint = paragraph.codePointAt(i);
                String ch = new String(Character.toChars(codePoint));
                float w = width(ch, size);
                if (used + w > width && !line.isEmpty()) {
                    lines.add(line.toString());
                    line.setLength(0);
                    used = 0;
                }
                line.append(ch);
                used += w;
                i += Character.charCount(codePoint);
            }
            lines.add(line.toString());
        }
        return lines;
    }

    private float width(String text, float size) throws IOException {
        return font.getStringWidth(printableText(text)) / 1000 * size;
    }

    /** The text with characters the font cannot show replaced by '?'. */
    private String printableText(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length());
        text.replace("\r", "").replace("\t", "    ").codePoints().forEach(codePoint -> {
            boolean ok = codePoint == '\n' || printable.computeIfAbsent(codePoint, cp -> {
                try {
                    font.encode(new String(Character.toChars(cp)));
                    return true;
                } catch (IOException | IllegalArgumentException e) {
                    return false;
                }
            });
            out.appendCodePoint(ok ? codePoint : '?');
        });
        return out.toString();
    }

    @Override
    public void close() throws IOException {
        if (content != null) {
            content.close();
        }
        document.close();
        if (collection != null) {
            collection.close();
        }
    }
}
