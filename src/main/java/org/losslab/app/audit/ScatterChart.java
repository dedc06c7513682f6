package org.losslab.app.audit;

import java.awt.Color;
import java.awt.Font;
import java.awt.geom.Ellipse2D;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.IntervalMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.losslab.engine.dataset.MetricPair;

/**
 * The chart of one metric against another: a point per case and class; a point with an infinite value (a
 * distance to an empty mask) is drawn on a shaded strip beyond the finite values of its axis, labelled "inf",
 * and the pairs with no value at all (absent from both masks) are counted under the title with their reason.
 * The same chart is shown and exported.
 */
final class ScatterChart {
    /** The series of the finite points and of the points on the infinite strip. */
    static final int FINITE = 0;
    static final int INFINITE = 1;
    private static final Font TITLE = new Font("SansSerif", Font.BOLD, 16);
    private static final Font LABEL = new Font("SansSerif", Font.PLAIN, 14);

    private ScatterChart() {
    }

    static JFreeChart of(MetricPair pair) {
        double[] xs = range(pair, true);
        double[] ys = range(pair, false);
        XYSeries finite = new XYSeries("case and class", false, true);
        XYSeries infinite = new XYSeries("infinite (on the strip)", false, true);
        pair.points().forEach(p -> finite.add(p.x(), p.y()));
        boolean infiniteX = false;
        boolean infiniteY = false;
        for (MetricPair.Point p : pair.infinite()) {
            infiniteX |= Double.isInfinite(p.x());
            infiniteY |= Double.isInfinite(p.y());
            infinite.add(Double.isInfinite(p.x()) ? strip(xs) : p.x(), Double.isInfinite(p.y()) ? strip(ys) : p.y());
        }
        XYSeriesCollection data = new XYSeriesCollection(finite);
        data.addSeries(infinite);
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(false, true);
        renderer.setSeriesPaint(FINITE, new Color(0x1F77B4));
        renderer.setSeriesPaint(INFINITE, new Color(0xD62728));
        for (int s = 0; s < 2; s++) {
            renderer.setSeriesShape(s, new Ellipse2D.Double(-4, -4, 8, 8));
        }
        renderer.setDefaultToolTipGenerator((dataset, series, item) -> label(series == FINITE ? pair.points().get(item)
                : pair.infinite().get(item)));
        NumberAxis xAxis = axis(pair.x().title(), xs, infiniteX);
        NumberAxis yAxis = axis(pair.y().title(), ys, infiniteY);
        XYPlot plot = new XYPlot(data, xAxis, yAxis, renderer);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(new Color(220, 220, 220));
        plot.setRangeGridlinePaint(new Color(220, 220, 220));
        if (infiniteX) {
            plot.addDomainMarker(stripMarker(xs), Layer.BACKGROUND);
        }
        if (infiniteY) {
            plot.addRangeMarker(stripMarker(ys), Layer.BACKGROUND);
        }
        JFreeChart chart = new JFreeChart(pair.y().title() + " against " + pair.x().title(), TITLE, plot, true);
        chart.setBackgroundPaint(Color.WHITE);
        String apart = apart(pair);
        if (!apart.isEmpty()) {
            TextTitle note = new TextTitle(apart, LABEL);
            note.setPaint(new Color(150, 60, 0));
            chart.addSubtitle(note);
        }
        return chart;
    }

    /** A point as its tooltip and the lists name it. */
    static String label(MetricPair.Point p) {
        return p.caseName() + " class " + p.classIndex() + ": " + number(p.x()) + ", " + number(p.y())
                + (p.reason() == null ? "" : " (" + p.reason() + ")");
    }

    static String number(double v) {
        return Double.isNaN(v) ? "none" : Double.isInfinite(v) ? "inf" : String.format(Locale.ROOT, "%.4g", v);
    }

    /** A rank or rank sum: whole numbers without ".0", halves of ties as they are. */
    static String rank(double r) {
        return r == Math.rint(r) ? String.valueOf((long) r) : String.valueOf(r);
    }

    /** What is not drawn where its numbers say, in words: the infinite points on the strip, the points with no value. */
    private static String apart(MetricPair pair) {
        StringBuilder text = new StringBuilder();
        if (!pair.infinite().isEmpty()) {
            text.append(pair.infinite().size()).append(" with an infinite value on the \"inf\" strip");
        }
        Map<String, Integer> reasons = new TreeMap<>();
        pair.missing().forEach(p -> reasons.merge(p.reason(), 1, Integer::sum));
        reasons.forEach((reason, count) -> text.append(text.length() > 0 ? "; " : "").append(count).append(" not drawn: ").append(reason));
        return text.toString();
    }

    /**
     * The smallest and largest finite value on one axis, of the finite points and of the finite coordinate of
     * those on the strip (a missed structure's Dice 0 must be on the axis too); [0, 1] when there is none.
     */
    private static double[] range(MetricPair pair, boolean onX) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (List<MetricPair.Point> points : List.of(pair.points(), pair.infinite())) {
            for (MetricPair.Point p : points) {
                double v = onX ? p.x() : p.y();
                if (Double.isFinite(v)) {
                    lo = Math.min(lo, v);
                    hi = Math.max(hi, v);
                }
            }
        }
        return lo > hi ? new double[] {0, 1} : new double[] {lo, hi};
    }

    private static double span(double[] range) {
        double span = range[1] - range[0];
        return span > 0 ? span : Math.max(1, Math.abs(range[1]));
    }

    /** Where an infinite value is drawn: past the largest finite value (only distances are ever infinite, and they grow). */
    private static double strip(double[] range) {
        return range[1] + 0.15 * span(range);
    }

    private static IntervalMarker stripMarker(double[] range) {
        IntervalMarker marker = new IntervalMarker(range[1] + 0.08 * span(range), range[1] + 0.22 * span(range));
        marker.setPaint(new Color(255, 228, 228));
        marker.setLabel("inf");
        marker.setLabelFont(LABEL);
        marker.setLabelAnchor(RectangleAnchor.TOP);
        marker.setLabelTextAnchor(TextAnchor.TOP_CENTER);
        return marker;
    }

    private static NumberAxis axis(String title, double[] range, boolean withStrip) {
        NumberAxis axis = new NumberAxis(title);
        axis.setLabelFont(LABEL);
        double span = span(range);
        axis.setRange(range[0] - 0.05 * span, range[1] + (withStrip ? 0.25 : 0.05) * span);
        return axis;
    }
}
