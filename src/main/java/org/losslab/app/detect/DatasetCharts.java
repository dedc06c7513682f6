package org.losslab.app.detect;

import java.awt.BasicStroke;
import java.awt.Color;
import java.util.Locale;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.losslab.engine.coco.CocoCurves;
import org.losslab.engine.detect.Tide;
import org.losslab.scene.CocoReport;

/**
 * The dataset view's charts: COCOeval's precision at its 101 recall points for a category (or every category's
 * mean) and area range, at IoU 0.50, 0.75 and 0.95 with 100 detections; and TIDE's "AP if fixed" per error type.
 * The charts draw the engine's numbers only.
 */
final class DatasetCharts {
    static final String[] AREAS = {"all", "small", "medium", "large"};
    /** IoU thresholds shown, as indices into COCOeval's ten (0.50, 0.55, ... 0.95). */
    private static final int[] THRESHOLDS = {0, 5, 9};
    private static final Color[] COLOURS = {new Color(0x1F77B4), new Color(0xFF7F0E), new Color(0xD62728)};

    private final XYSeriesCollection curves = new XYSeriesCollection();
    private final DefaultCategoryDataset gains = new DefaultCategoryDataset();
    final JFreeChart precisionRecall;
    final JFreeChart tide;

    DatasetCharts() {
        XYLineAndShapeRenderer lines = new XYLineAndShapeRenderer(true, false);
        for (int i = 0; i < COLOURS.length; i++) {
            lines.setSeriesPaint(i, COLOURS[i]);
            lines.setSeriesStroke(i, new BasicStroke(2f));
        }
        NumberAxis recall = new NumberAxis("recall");
        recall.setRange(0, 1.01);
        NumberAxis precision = new NumberAxis("precision");
        precision.setRange(0, 1.02);
        precisionRecall = new JFreeChart("Precision / recall", new XYPlot(curves, recall, precision, lines));
        CategoryPlot bars = new CategoryPlot(gains, new CategoryAxis(null), new NumberAxis("AP50 gained if fixed"),
                new BarRenderer());
        bars.setOrientation(PlotOrientation.HORIZONTAL);
        ((BarRenderer) bars.getRenderer()).setSeriesPaint(0, new Color(0xD62728));
        ((BarRenderer) bars.getRenderer()).setShadowVisible(false);
        tide = new JFreeChart("TIDE: where the AP went", bars);
        tide.removeLegend();
    }

    /** Category k's curves (k = -1: the mean over the categories that have a value) in area range a. */
    void showCurves(CocoReport report, int k, int a) {
        curves.removeAllSeries();
        if (report == null) {
            return;
        }
        double[] recall = CocoCurves.recallPoints();
        for (int t : THRESHOLDS) {
            XYSeries s = new XYSeries(String.format(Locale.ROOT, "IoU %.2f", CocoCurves.iouThreshold(t)), false, true);
            double[] precision = CocoCurves.precision(report.evaluation(), t, k, a);
            for (int r = 0; r < recall.length; r++) {
                if (precision[r] >= 0) {
                    s.add(recall[r], precision[r]);
                }
            }
            curves.addSeries(s);
        }
        String what = k >= 0 ? report.catalogue().categoryName(k) : "every category's mean";
        precisionRecall.setTitle("Precision / recall: " + what + ", area " + AREAS[a] + ", 100 detections");
    }

    void showTide(CocoReport report) {
        gains.clear();
        if (report == null) {
            return;
        }
        for (Tide.Error err : Tide.Error.values()) {
            gains.addValue(report.tide().gain(err), "gain",
                    String.format(Locale.ROOT, "%s (%d)", err.shortName, report.tide().count(err)));
        }
    }
}
