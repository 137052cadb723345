package io.marquee.segment.report;

import io.marquee.core.error.StorageException;
import java.awt.Color;
import java.awt.Font;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.HeatMapChart;
import org.knowm.xchart.HeatMapChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.Styler;

/**
 * Small factory and writer for the PNG charts of the reports (XChart, rendered headless: the
 * first use sets {@code java.awt.headless=true}, so no display is needed).
 */
public final class Charts {
    /** Default chart width in pixels. */
    public static final int WIDTH = 900;
    /** Default chart height in pixels. */
    public static final int HEIGHT = 520;

    static {
        System.setProperty("java.awt.headless", "true");
    }

    private static final Color[] PALETTE = {
        new Color(31, 119, 180), new Color(255, 127, 14), new Color(44, 160, 44), new Color(214, 39, 40),
        new Color(148, 103, 189), new Color(140, 86, 75), new Color(227, 119, 194), new Color(127, 127, 127),
        new Color(188, 189, 34), new Color(23, 190, 207), new Color(57, 59, 121), new Color(173, 73, 74)
    };

    private Charts() {
    }

    /** Colour {@code i} of the report palette (cycles). */
    public static Color color(int i) {
        return PALETTE[Math.floorMod(i, PALETTE.length)];
    }

    /** An XY chart with the report style. */
    public static XYChart xy(String title, String xTitle, String yTitle) {
        XYChart c = new XYChartBuilder().width(WIDTH).height(HEIGHT).title(title).xAxisTitle(xTitle)
                .yAxisTitle(yTitle).build();
        style(c.getStyler());
        c.getStyler().setSeriesColors(PALETTE);
        return c;
    }

    /** A bar chart with the report style. */
    public static CategoryChart bars(String title, String xTitle, String yTitle) {
        CategoryChart c = new CategoryChartBuilder().width(WIDTH).height(HEIGHT).title(title).xAxisTitle(xTitle)
                .yAxisTitle(yTitle).build();
        style(c.getStyler());
        c.getStyler().setSeriesColors(PALETTE);
        c.getStyler().setXAxisLabelRotation(45);
        c.getStyler().setLegendVisible(false);
        return c;
    }

    /**
     * A heat map of {@code values[row][col]} with row and column labels, the value printed in each
     * cell with the given decimal pattern (e.g. {@code "0.00"}).
     */
    public static HeatMapChart heatMap(String title, List<String> columns, List<String> rows, double[][] values,
                                       double min, double max, String pattern) {
        HeatMapChart c = new HeatMapChartBuilder().width(Math.max(WIDTH, 60 + 55 * columns.size()))
                .height(Math.max(HEIGHT, 120 + 34 * rows.size())).title(title).build();
        style(c.getStyler());
        c.getStyler().setXAxisLabelRotation(60);
        c.getStyler().setShowValue(true);
        c.getStyler().setValueFont(new Font(Font.SANS_SERIF, Font.PLAIN, 9));
        c.getStyler().setHeatMapValueDecimalPattern(pattern);
        c.getStyler().setMin(min);
        c.getStyler().setMax(max);
        c.getStyler().setRangeColors(new Color[] {new Color(49, 54, 149), new Color(247, 247, 247),
            new Color(165, 0, 38)});
        c.getStyler().setLegendVisible(true);
        List<Number[]> cells = new java.util.ArrayList<>();
        for (int r = 0; r < rows.size(); r++) {
            for (int col = 0; col < columns.size(); col++) {
                double v = values[r][col];
                cells.add(new Number[] {col, r, Double.isFinite(v) ? v : 0.0});
            }
        }
        c.addSeries("values", columns, rows, cells);
        return c;
    }

    private static void style(Styler s) {
        s.setChartBackgroundColor(Color.WHITE);
        s.setPlotBackgroundColor(Color.WHITE);
        s.setLegendPosition(Styler.LegendPosition.OutsideE);
        s.setChartTitleFont(new Font(Font.SANS_SERIF, Font.BOLD, 15));
        s.setAntiAlias(true);
    }

    /** Renders the chart as PNG into {@code file} (written atomically) and returns the file. */
    public static Path savePng(Chart<?, ?> chart, Path file) {
        byte[] png;
        try {
            png = BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG);
        } catch (IOException e) {
            throw new StorageException("cannot render chart " + file + ": " + e.getMessage(), e);
        }
        return AtomicFiles.writeBytes(file, png);
    }
}
