package com.propertydesk.analysis;

import java.awt.Font;
import java.awt.FontFormatException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The font with Chinese characters for the report's charts and PDF: {@code propertydesk.analysis.font}, or the first
 * of the usual places (Debian/Ubuntu {@code fonts-wqy-zenhei}, {@code fonts-droid-fallback}, Windows' Microsoft
 * YaHei and SimSun). It must have TrueType outlines (.ttf, or a .ttc collection of them), which PDF embedding
 * needs. Without one, charts fall back to Java's logical font and the PDF is refused with a clear message.
 */
@Component
public class ReportFonts {

    private static final Logger LOG = LoggerFactory.getLogger(ReportFonts.class);
    static final List<Path> USUAL_PLACES = List.of(
            Path.of("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc"),
            Path.of("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc"),
            Path.of("/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf"),
            Path.of("/usr/share/fonts/truetype/arphic/uming.ttc"),
            Path.of("C:/Windows/Fonts/msyh.ttc"),
            Path.of("C:/Windows/Fonts/simsun.ttc"));

    private final Optional<Path> file;
    private final Font awtFont;

    public ReportFonts(AnalysisProperties properties) {
        this.file = locate(properties.font());
        this.awtFont = file.flatMap(ReportFonts::load).orElseGet(() -> new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        if (file.isEmpty()) {
            LOG.warn("No font with Chinese characters found for the complaint analysis report (tried {}); install "
                    + "fonts-wqy-zenhei or set propertydesk.analysis.font. Charts may show boxes and the PDF is "
                    + "not available.", properties.font() != null ? properties.font() : USUAL_PLACES);
        }
    }

    private static Optional<Path> locate(Path configured) {
        if (configured != null) {
            if (!Files.isReadable(configured)) {
                throw new IllegalStateException("propertydesk.analysis.font " + configured + " cannot be read");
            }
            return Optional.of(configured);
        }
        return USUAL_PLACES.stream().filter(Files::isReadable).findFirst();
    }

    private static Optional<Font> load(Path path) {
        try {
            Font[] fonts = Font.createFonts(path.toFile());
            return fonts.length == 0 ? Optional.empty() : Optional.of(fonts[0]);
        } catch (FontFormatException | IOException e) {
            LOG.warn("The font {} cannot be used for charts: {}", path, e.getMessage());
            return Optional.empty();
        }
    }

    /** The font file for the PDF, when there is one. */
    public Optional<Path> file() {
        return file;
    }

    /** The chart font in the given style and size. */
    public Font awt(int style, float size) {
        return awtFont.deriveFont(style, size);
    }
}
