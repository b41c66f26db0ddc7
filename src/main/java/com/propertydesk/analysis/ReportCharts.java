package com.propertydesk.analysis;

import com.propertydesk.analysis.AnalysisReport.Breakdown;
import com.propertydesk.analysis.AnalysisReport.MonthTrend;
import java.awt.Color;
import java.awt.Font;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.StandardChartTheme;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.labels.StandardPieSectionLabelGenerator;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PiePlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.general.DefaultPieDataset;
import org.springframework.stereotype.Component;

/** The report's charts as PNG images: the twelve-month trend and the quarter's breakdowns. */
@Component
public class ReportCharts {

    /** A chart: its title (also the image's alternative text) and the PNG. */
    public record Chart(String name, String title, byte[] png) {
    }

    static final int WIDTH = 900;
    static final int HEIGHT = 420;
    private static final String THIS_QUARTER = "本季度";
    /** Calm, distinguishable colours for the categories of the trend. */
    private static final Color[] PALETTE = {new Color(0x2F6FB2), new Color(0x3C9D5D), new Color(0xE0A030),
        new Color(0xC0504D), new Color(0x8064A2), new Color(0x4BACC6), new Color(0x7F7F7F)};
    private static final String LAST_QUARTER = "上季度";

    private final ReportFonts fonts;

    public ReportCharts(ReportFonts fonts) {
        this.fonts = fonts;
    }

    /** The charts in the order the report shows them, by name. */
    public Map<String, Chart> draw(AnalysisReport report) {
        Map<String, Chart> charts = new LinkedHashMap<>();
        add(charts, "trend", "近12个月投诉量（按分类）", trend(report.trend()));
        add(charts, "categories", "投诉分类：本季度与上季度", compared(report.byCategory()));
        add(charts, "departments", "各部门投诉：本季度与上季度", compared(report.byDepartment()));
        add(charts, "satisfaction", "回访满意度（本季度归档的投诉）", satisfaction(report.satisfaction()));
        return charts;
    }

    private void add(Map<String, Chart> charts, String name, String title, ChartMaker maker) {
        JFreeChart chart = maker.make(title, theme());
        chart.setBackgroundPaint(Color.WHITE);
        if (chart.getPlot() instanceof CategoryPlot plot) {
            plot.setBackgroundPaint(Color.WHITE);
            plot.setRangeGridlinePaint(new Color(0xDDDDDD));
            ((NumberAxis) plot.getRangeAxis()).setStandardTickUnits(NumberAxis.createIntegerTickUnits());
            if (plot.getRenderer() instanceof BarRenderer bars) {
                bars.setBarPainter(new StandardBarPainter());
                bars.setShadowVisible(false);
                bars.setItemMargin(0.05);
            }
        }
        try (ByteArrayOutputStream png = new ByteArrayOutputStream()) {
            ChartUtils.writeChartAsPNG(png, chart, WIDTH, HEIGHT);
            charts.put(name, new Chart(name, title, png.toByteArray()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @FunctionalInterface
    private interface ChartMaker {
        /** The chart with the theme applied first: what the maker sets afterwards stays. */
        JFreeChart make(String title, StandardChartTheme theme);
    }

    private static ChartMaker trend(List<MonthTrend> months) {
        return (title, theme) -> {
            Set<String> categories = new LinkedHashSet<>();
            months.forEach(month -> month.byCategory().forEach(category -> categories.add(category.label())));
            if (categories.isEmpty()) {
                categories.add("投诉");
            }
            DefaultCategoryDataset data = new DefaultCategoryDataset();
            for (MonthTrend month : months) {
                String column = month.month().substring(2).replace('-', '/');
                for (String category : categories) {
                    data.addValue(month.byCategory().stream().filter(c -> c.label().equals(category))
                            .mapToLong(Breakdown::count).sum(), category, column);
                }
            }
            JFreeChart chart = ChartFactory.createStackedBarChart(title, "月份", "投诉量", data);
            theme.apply(chart);
            CategoryPlot plot = (CategoryPlot) chart.getPlot();
            plot.getDomainAxis().setCategoryLabelPositions(CategoryLabelPositions.UP_45);
            for (int series = 0; series < categories.size(); series++) {
                plot.getRenderer().setSeriesPaint(series, PALETTE[series % PALETTE.length]);
            }
            return chart;
        };
    }

    private static ChartMaker compared(List<Breakdown> items) {
        return (title, theme) -> {
            DefaultCategoryDataset data = new DefaultCategoryDataset();
            for (Breakdown item : items) {
                data.addValue(item.count(), THIS_QUARTER, item.label());
                data.addValue(item.previous(), LAST_QUARTER, item.label());
            }
            JFreeChart chart = ChartFactory.createBarChart(title, null, "投诉量", data, PlotOrientation.HORIZONTAL,
                    true, false, false);
            theme.apply(chart);
            CategoryPlot plot = (CategoryPlot) chart.getPlot();
            plot.getRenderer().setSeriesPaint(0, new Color(0x2F6FB2));
            plot.getRenderer().setSeriesPaint(1, new Color(0xB8C7D9));
            return chart;
        };
    }

    private static ChartMaker satisfaction(AnalysisReport.Satisfaction answers) {
        return (title, theme) -> {
            DefaultPieDataset<String> data = new DefaultPieDataset<>();
            put(data, "满意", answers.satisfied());
            put(data, "基本满意", answers.basicallySatisfied());
            put(data, "不满意", answers.unsatisfied());
            put(data, "未回访成功", answers.notReached());
            JFreeChart chart = ChartFactory.createPieChart(title, data, true, false, false);
            theme.apply(chart);
            @SuppressWarnings("unchecked")
            PiePlot<String> plot = (PiePlot<String>) chart.getPlot();
            plot.setBackgroundPaint(Color.WHITE);
            plot.setOutlineVisible(false);
            plot.setNoDataMessage("本季度没有归档的投诉");
            plot.setLabelGenerator(new StandardPieSectionLabelGenerator("{0}：{1}（{2}）"));
            plot.setSectionPaint("满意", new Color(0x3C9D5D));
            plot.setSectionPaint("基本满意", new Color(0x9CCB6B));
            plot.setSectionPaint("不满意", new Color(0xD9534F));
            plot.setSectionPaint("未回访成功", new Color(0xBBBBBB));
            return chart;
        };
    }

    private static void put(DefaultPieDataset<String> data, String key, long value) {
        if (value > 0) {
            data.setValue(key, value);
        }
    }

    private StandardChartTheme theme() {
        StandardChartTheme theme = new StandardChartTheme("propertydesk");
        theme.setExtraLargeFont(fonts.awt(Font.BOLD, 18f));
        theme.setLargeFont(fonts.awt(Font.BOLD, 14f));
        theme.setRegularFont(fonts.awt(Font.PLAIN, 12f));
        theme.setSmallFont(fonts.awt(Font.PLAIN, 10f));
        return theme;
    }
}
