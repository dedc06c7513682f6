package org.losslab.app.charts;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Paint;
import java.awt.geom.Ellipse2D;
import java.text.DecimalFormat;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYShapeAnnotation;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.LookupPaintScale;
import org.jfree.chart.renderer.xy.XYBlockRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.PaintScaleLegend;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.Range;
import org.jfree.data.xy.DefaultXYZDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.losslab.app.render.ColorMaps;
import org.losslab.engine.LossRegistry;
import org.losslab.engine.LossSpec;
import org.losslab.engine.LossSpec.Role;
import org.losslab.engine.sweep.PlotData;
import org.losslab.engine.sweep.SweepResult;
import org.losslab.engine.sweep.TeachingPlot;

/**
 * Builds the JFreeChart charts of a plot's data: one chart per panel, lines only, a legend, axis
 * labels, the scene's operating point as a dashed marker, fonts large enough for a lecture slide. The
 * charts only draw the engine's numbers.
 */
public final class Charts {
    private static final Color[] PALETTE = {new Color(0x1F77B4), new Color(0xD62728), new Color(0x2CA02C),
        new Color(0xFF7F0E), new Color(0x9467BD), new Color(0x8C564B), new Color(0xE377C2), new Color(0x17BECF),
        new Color(0x7F7F7F), new Color(0xBCBD22)};
    static final Font TITLE = new Font("SansSerif", Font.BOLD, 18);
    public static final Font LABEL = new Font("SansSerif", Font.PLAIN, 15);
    static final Font TICK = new Font("SansSerif", Font.PLAIN, 13);
    static final Font LEGEND = new Font("SansSerif", Font.PLAIN, 13);

    private Charts() {
    }

    /** A log axis with a tick at every power of ten, read as plain numbers (0.001, 0.01, 0.1, 1), not 10^-2.8. */
    public static LogAxis decades(String label) {
        LogAxis axis = new LogAxis(label);
        axis.setTickUnit(new NumberTickUnit(1.0));
        axis.setNumberFormatOverride(new DecimalFormat("0.##########"));
        axis.setMinorTickMarksVisible(true);
        return axis;
    }

    /** One chart per panel of the plot; notes on curves drawn under others go under the first title. */
    public static List<JFreeChart> of(PlotData data, boolean logY) {
        List<JFreeChart> charts = panels(data, logY);
        if (!data.notes().isEmpty() && !charts.isEmpty()) {
            TextTitle note = new TextTitle(String.join("; ", data.notes()), LABEL);
            note.setPaint(new Color(150, 60, 0));
            charts.get(0).addSubtitle(note);
        }
        return charts;
    }

    private static List<JFreeChart> panels(PlotData data, boolean logY) {
        if (data.plot() == TeachingPlot.TVERSKY_GRID) {
            return List.of(grid(data));
        }
        List<JFreeChart> charts = new ArrayList<>();
        for (int k = 0; k < data.panels().size(); k++) {
            SweepResult panel = data.panels().get(k);
            String title = k == 0 ? data.plot().title() : null;
            double operating = data.plot() == TeachingPlot.BOXES && k == 1 ? 1.0 : data.operatingX();
            String marked = data.plot().operatingLabel();
            if (data.plot().isVolume()) {
                // MONAI's HD95 over the directed histograms, medpy's over the pooled one; the slices draw the volume's as a line
                operating = k == 0 ? data.operatingX() : k == 1 ? data.operatingY() : Double.NaN;
                marked = k == 0 ? "MONAI HD95" : "medpy HD95";
            }
            JFreeChart chart = lines(data, panel, title, data.yLabels().get(Math.min(k, data.yLabels().size() - 1)),
                    xLabel(data, k), logY || data.plot() == TeachingPlot.TVERSKY && k == 1, operating, marked);
            if (data.plot().isVolume() && k < 2) {
                clipFirstBin((XYPlot) chart.getPlot(), panel);
            }
            if (k > 0 && data.plot().repeatsCurves()) {
                chart.removeLegend(); // the same curves as above
            }
            charts.add(chart);
        }
        return charts;
    }

    /**
     * A histogram's first bin (distance 0: the edge voxels lying on the other surface, most of them) would flatten every
     * other bar: the y axis stops a little above the tallest of the others (the caption says so).
     */
    private static void clipFirstBin(XYPlot plot, SweepResult histogram) {
        double top = 0;
        for (String column : histogram.columns()) {
            double[] y = histogram.column(column);
            for (int i = 2; i < y.length; i++) { // stairs: the first bin is points 0 and 1
                top = Math.max(top, y[i]);
            }
        }
        if (top > 0) {
            plot.getRangeAxis().setRange(0, top * 1.15);
        }
    }

    private static String xLabel(PlotData data, int k) {
        if (data.plot().isVolume() && k == 2) {
            return "axial slice (from the bottom)";
        }
        if (data.plot() == TeachingPlot.BOXES) {
            return k == 0 ? "horizontal shift dx of the predicted box (pixels)" : "scale of the predicted box (x its size)";
        }
        return data.xLabel();
    }

    /** Whether a column is of an entry not bounded by 1 ("smooth_l1", "smooth_l1 beta=2"), drawn on its own axis. */
    private static boolean unbounded(String column) {
        for (LossSpec<?> spec : LossRegistry.withRole(Role.UNBOUNDED)) {
            String name = spec.name();
            if (column.startsWith(name) && (column.length() == name.length()
                    || !Character.isLetterOrDigit(column.charAt(name.length())) && column.charAt(name.length()) != '_')) {
                return true;
            }
        }
        return false;
    }

    private static JFreeChart lines(PlotData data, SweepResult panel, String title, String yLabel, String xLabel,
                                    boolean logY, double operatingX, String operatingLabel) {
        XYSeriesCollection main = new XYSeriesCollection();
        XYSeriesCollection secondary = new XYSeriesCollection();
        double[] x = panel.x();
        for (String column : panel.columns()) {
            XYSeries s = new XYSeries(column, false, true);
            double[] y = panel.column(column);
            for (int i = 0; i < x.length; i++) {
                if (Double.isFinite(y[i]) && (!logY || y[i] > 0)) {
                    s.add(x[i], y[i]);
                }
            }
            (unbounded(column) ? secondary : main).addSeries(s);
        }
        ValueAxis xAxis = data.logX() ? decades(xLabel) : new NumberAxis(xLabel);
        if (data.logX() && x.length > 1 && x[x.length - 1] / x[0] < 100) {
            // under two decades a tick per power of ten leaves one or two labels: tick every doubling instead
            ((LogAxis) xAxis).setTickUnit(new NumberTickUnit(Math.log10(2)));
        }
        ValueAxis yAxis = logY ? decades(yLabel) : new NumberAxis(yLabel);
        if (xAxis instanceof NumberAxis n) {
            n.setAutoRangeIncludesZero(false);
        }
        XYLineAndShapeRenderer renderer = renderer(main);
        XYPlot plot = new XYPlot(main, xAxis, yAxis, renderer);
        if (secondary.getSeriesCount() > 0) {
            NumberAxis right = new NumberAxis("smooth L1 (pixels)");
            style(right);
            plot.setRangeAxis(1, right);
            plot.setDataset(1, secondary);
            plot.mapDatasetToRangeAxis(1, 1);
            XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, false);
            r.setSeriesPaint(0, new Color(110, 110, 110));
            r.setSeriesStroke(0, new BasicStroke(1.6f));
            plot.setRenderer(1, r);
        }
        if (Double.isFinite(operatingX)) {
            ValueMarker marker = new ValueMarker(operatingX, new Color(90, 90, 90),
                    new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 1f, new float[] {6f, 4f}, 0f));
            label(marker, operatingLabel, plot);
            plot.addDomainMarker(marker);
        }
        style(plot);
        JFreeChart chart = new JFreeChart(title, TITLE, plot, true);
        finish(chart);
        return chart;
    }

    /**
     * Labels a vertical marker inside the plot: hanging below the top edge, on the side of the line with more room.
     * JFreeChart's default centres the text on a point 3 pixels below the top, so its upper half was cut off by the
     * data area ("MONAI HD95" clipped at the chart's top).
     */
    static void label(ValueMarker marker, String text, XYPlot plot) {
        marker.setLabel(text);
        marker.setLabelFont(TICK);
        Range shown = plot.getDomainAxis().getRange();
        boolean rightHalf = marker.getValue() > shown.getCentralValue();
        marker.setLabelAnchor(rightHalf ? RectangleAnchor.TOP_LEFT : RectangleAnchor.TOP_RIGHT);
        marker.setLabelTextAnchor(rightHalf ? TextAnchor.TOP_RIGHT : TextAnchor.TOP_LEFT);
        marker.setLabelOffset(new RectangleInsets(4, 4, 4, 4));
    }

    private static XYLineAndShapeRenderer renderer(XYSeriesCollection data) {
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, false);
        int colour = 0;
        Map<String, Integer> colourOf = new HashMap<>();
        for (int s = 0; s < data.getSeriesCount(); s++) {
            String name = data.getSeriesKey(s).toString();
            boolean negative = name.endsWith("(t=0)");
            String family = name.replace(" (t=0)", "").replace(" (t=1)", "");
            Integer c = colourOf.get(family);
            if (c == null) {
                c = colour++;
                colourOf.put(family, c);
            }
            r.setSeriesPaint(s, PALETTE[c % PALETTE.length]);
            r.setSeriesStroke(s, negative
                    ? new BasicStroke(2.2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 1f, new float[] {7f, 5f}, 0f)
                    : new BasicStroke(2.4f));
        }
        return r;
    }

    private static JFreeChart grid(PlotData data) {
        SweepResult r = data.panels().get(0);
        double[] alpha = r.x();
        double[] beta = r.column("beta");
        double[] value = r.column(r.columns().get(1));
        DefaultXYZDataset dataset = new DefaultXYZDataset();
        dataset.addSeries(r.columns().get(1), new double[][] {alpha, beta, value});
        double lo = Arrays.stream(value).min().orElse(0);
        double hi = Arrays.stream(value).max().orElse(1);
        if (hi <= lo) {
            hi = lo + 1e-9;
        }
        LookupPaintScale scale = new LookupPaintScale(lo, hi, Color.BLACK);
        for (int i = 0; i < ColorMaps.SIZE; i++) {
            scale.add(lo + (hi - lo) * i / (ColorMaps.SIZE - 1.0), new Color(ColorMaps.VIRIDIS[i] & 0xFFFFFF));
        }
        XYBlockRenderer renderer = new XYBlockRenderer();
        double step = alpha.length > 1 ? Math.abs(beta[1] - beta[0]) : 1;
        renderer.setBlockWidth(step);
        renderer.setBlockHeight(step);
        renderer.setPaintScale(scale);
        NumberAxis x = new NumberAxis("alpha (weight of false positives)");
        NumberAxis y = new NumberAxis("beta (weight of false negatives)");
        x.setRange(-step / 2, 1 + step / 2);
        y.setRange(-step / 2, 1 + step / 2);
        XYPlot plot = new XYPlot(dataset, x, y, renderer);
        style(plot);
        if (Double.isFinite(data.operatingX()) && Double.isFinite(data.operatingY())) {
            // the current (alpha, beta): a ring, readable on every colour of the scale
            double radius = step * 0.7;
            Ellipse2D ring = new Ellipse2D.Double(data.operatingX() - radius,
                    data.operatingY() - radius, 2 * radius, 2 * radius);
            plot.addAnnotation(new XYShapeAnnotation(ring, new BasicStroke(3f), Color.WHITE));
            plot.addAnnotation(new XYShapeAnnotation(ring, new BasicStroke(1.2f), Color.BLACK));
        }
        plot.setDomainGridlinesVisible(false);
        plot.setRangeGridlinesVisible(false);
        JFreeChart chart = new JFreeChart(data.plot().title(), TITLE, plot, false);
        NumberAxis legendAxis = new NumberAxis("Tversky loss");
        legendAxis.setRange(lo, hi);
        style(legendAxis);
        PaintScaleLegend legend = new PaintScaleLegend(scale, legendAxis);
        legend.setPosition(RectangleEdge.RIGHT);
        legend.setMargin(new RectangleInsets(10, 10, 10, 10));
        legend.setStripWidth(18);
        chart.addSubtitle(legend);
        finish(chart);
        return chart;
    }

    private static void style(XYPlot plot) {
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(new Color(220, 220, 220));
        plot.setRangeGridlinePaint(new Color(220, 220, 220));
        plot.setDomainCrosshairVisible(true);
        plot.setRangeCrosshairVisible(true);
        style(plot.getDomainAxis());
        style(plot.getRangeAxis());
    }

    private static void style(ValueAxis axis) {
        axis.setLabelFont(LABEL);
        axis.setTickLabelFont(TICK);
    }

    private static void finish(JFreeChart chart) {
        chart.setBackgroundPaint(Color.WHITE);
        if (chart.getLegend() != null) {
            chart.getLegend().setItemFont(LEGEND);
            chart.getLegend().setFrame(BlockBorder.NONE);
        }
        chart.setPadding(new RectangleInsets(6, 6, 6, 12));
    }

    /** The caption as a chart subtitle, for exports. */
    public static TextTitle caption(TeachingPlot plot) {
        TextTitle t = new TextTitle(plot.caption(), LABEL);
        t.setPosition(RectangleEdge.BOTTOM);
        t.setPaint((Paint) new Color(60, 60, 60));
        t.setMaximumLinesToDisplay(3);
        return t;
    }
}
