package com.propertydesk.analysis;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The quarterly complaint analysis.
 *
 * @param cron        when the analysis of the quarter that just ended starts (Camunda timer cycle, Quartz cron:
 *                    second minute hour day-of-month month day-of-week); by default 02:00 on the first day of each
 *                    quarter
 * @param font        a TrueType font (.ttf or .ttc) with Chinese characters for the PDF and the charts; when not
 *                    set, the usual places of WenQuanYi Zen Hei, Noto, Droid and Microsoft YaHei are tried
 * @param topics      complaint topics (常见投诉问题) and the words in a description that make a complaint count for
 *                    the topic; the most frequent ones are listed in the report
 * @param repeatRooms how many complaints from one room within the quarter make it a repeat complainer
 */
@ConfigurationProperties("propertydesk.analysis")
public record AnalysisProperties(@DefaultValue("0 0 2 1 1,4,7,10 ?") String cron, Path font,
        Map<String, List<String>> topics, @DefaultValue("2") int repeatRooms) {

    public AnalysisProperties {
        topics = topics == null ? Map.of() : new LinkedHashMap<>(topics);
    }
}
