package org.losslab.app.train;

import java.awt.BasicStroke;
import java.awt.Color;
import java.util.function.Supplier;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.losslab.app.render.ColorMaps;
import org.losslab.engine.maps.PixelMaps;
import org.losslab.engine.train.GradientShare;
import org.losslab.engine.train.LossLandscape;
import org.losslab.engine.train.StepMetrics;
import org.losslab.engine.train.TrainingSession;

/**
 * The training workspace's right panel: the loss and metric curves of every contestant, where each puts its gradient
 * (TP, FP, FN, TN) at the shown step, and the loss landscape over (w, b) in a second tab.
 */
final class TrainingCharts extends TabPane {
    private static final String[] COLOURS = {"#1F77B4", "#D62728", "#2CA02C", "#FF7F0E"};
    private final Supplier<TrainingSession> session;
    private final XYSeriesCollection lossSeries = new XYSeriesCollection();
    private final XYSeriesCollection f1Series = new XYSeriesCollection();
    private final ComboBox<String> metric = new ComboBox<>();
    private final DefaultCategoryDataset shares = new DefaultCategoryDataset();
    private final ValueMarker lossMarker = new ValueMarker(0);
    private final ValueMarker f1Marker = new ValueMarker(0);
    private final LandscapeView landscape = new LandscapeView();
    /** The most points a curve keeps (the chart is about 500 pixels wide): a long run's curves are thinned evenly. */
    static final int CURVE_POINTS = 1024;
    private final JFreeChart lossChart;
    private final JFreeChart f1Chart;

    /**
     * @param session the session trained (null when the settings are wrong)
     * @param tabChanged called when the other tab is chosen (the shown step is drawn again)
     */
    TrainingCharts(Supplier<TrainingSession> session, Runnable tabChanged) {
        this.session = session;
        lossChart = lineChart("Loss / loss at step 0", lossSeries, lossMarker);
        f1Chart = lineChart(StepMetrics.HEADLINE + " at threshold 0.5", f1Series, f1Marker);
        metric.getItems().setAll(StepMetrics.NAMES);
        metric.setValue(StepMetrics.HEADLINE);
        metric.setId("train-metric");
        metric.setOnAction(e -> {
            f1Chart.setTitle(metric.getValue() + " at threshold 0.5");
            redrawMetric();
        });
        JFreeChart shareChart = ChartFactory.createStackedBarChart("Where the gradient goes: share of sum |dL/dz|", null,
                "share of the total", shares, PlotOrientation.HORIZONTAL, true, false, false);
        shareChart.getTitle().setFont(shareChart.getTitle().getFont().deriveFont(13f));
        var bars = shareChart.getCategoryPlot().getRenderer();
        // the error map's colours (TP, FP, FN); its near-black TN would vanish on a chart: grey here
        bars.setSeriesPaint(0, new Color(ColorMaps.ERRORS[PixelMaps.TP] & 0xFFFFFF));
        bars.setSeriesPaint(1, new Color(ColorMaps.ERRORS[PixelMaps.FP] & 0xFFFFFF));
        bars.setSeriesPaint(2, new Color(ColorMaps.ERRORS[PixelMaps.FN] & 0xFFFFFF));
        bars.setSeriesPaint(3, Color.decode("#A0A0A0"));
        VBox box = new VBox(2, viewer(lossChart, 210), new HBox(6, new Label("Metric curve"), metric), viewer(f1Chart, 180),
                viewer(shareChart, 210));
        box.setPrefWidth(520);
        Tab curves = new Tab("Curves and gradient share", box);
        Tab surface = new Tab("Landscape over (w, b)", landscape);
        curves.setClosable(false);
        surface.setClosable(false);
        surface.setId("train-landscape-tab");
        getTabs().setAll(curves, surface);
        getSelectionModel().selectedItemProperty().addListener(o -> tabChanged.run());
    }

    private static ChartViewer viewer(JFreeChart chart, double height) {
        ChartViewer v = new ChartViewer(chart);
        v.setPrefSize(520, height);
        return v;
    }

    private static JFreeChart lineChart(String title, XYSeriesCollection data, ValueMarker marker) {
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, false);
        for (int k = 0; k < COLOURS.length; k++) {
            r.setSeriesPaint(k, Color.decode(COLOURS[k]));
            r.setSeriesStroke(k, new BasicStroke(2f));
        }
        XYPlot plot = new XYPlot(data, new NumberAxis("step"), new NumberAxis(), r);
        ((NumberAxis) plot.getRangeAxis()).setAutoRangeIncludesZero(true);
        plot.addDomainMarker(marker);
        JFreeChart chart = new JFreeChart(title, JFreeChart.DEFAULT_TITLE_FONT, plot, true);
        chart.getTitle().setFont(chart.getTitle().getFont().deriveFont(13f));
        return chart;
    }

    /** Empties the curves and starts one per contestant of the current session (none without a session). */
    void restart() {
        lossSeries.removeAllSeries();
        f1Series.removeAllSeries();
        TrainingSession s = session.get();
        if (s != null) {
            for (TrainingSession.Contestant c : s.contestants()) {
                // a dataset takes each key once: the same loss typed twice is "bce" and "bce (2)"
                String key = c.label();
                for (int n = 2; lossSeries.getSeriesIndex(key) >= 0; n++) {
                    key = c.label() + " (" + n + ")";
                }
                lossSeries.addSeries(new XYSeries(key));
                f1Series.addSeries(new XYSeries(key));
            }
            stride = 1;
            newestOffStride = false;
            extendCurves(0);
        }
    }

    /** Steps between two points of a curve: doubles whenever the run outgrows {@link #CURVE_POINTS}. */
    private int stride = 1;
    /** Whether each curve's last point is the newest step, off the stride (replaced when the run goes on). */
    private boolean newestOffStride;

    /**
     * Adds the steps from {@code from} on to the curves: those on the stride, and the newest step. The charts are
     * redrawn once, not once a point (which made a long run's drawing quadratic in its steps); the axes still
     * follow each point (the series tell the plot, the plot's chart is quiet until the end).
     */
    void extendCurves(int from) {
        TrainingSession s = session.get();
        int newest = s.steps();
        int wanted = stride;
        while (newest / wanted > CURVE_POINTS) {
            wanted *= 2;
        }
        lossChart.setNotify(false);
        f1Chart.setNotify(false);
        try {
            if (wanted != stride) {
                // thinned: every curve again from step 0, a point every `wanted` steps
                stride = wanted;
                from = 0;
                for (int l = 0; l < s.contestants().size(); l++) {
                    lossSeries.getSeries(l).clear();
                    f1Series.getSeries(l).clear();
                }
            } else if (newestOffStride) {
                for (int l = 0; l < s.contestants().size(); l++) {
                    lossSeries.getSeries(l).remove(lossSeries.getSeries(l).getItemCount() - 1);
                    f1Series.getSeries(l).remove(f1Series.getSeries(l).getItemCount() - 1);
                }
            }
            int first = (from + stride - 1) / stride * stride;
            for (int k = first; k <= newest; k += stride) {
                addPoint(s, k);
            }
            newestOffStride = newest % stride != 0;
            if (newestOffStride) {
                addPoint(s, newest);
            }
        } finally {
            lossChart.setNotify(true);
            f1Chart.setNotify(true);
        }
    }

    private void addPoint(TrainingSession s, int k) {
        for (int l = 0; l < s.contestants().size(); l++) {
            double start = s.loss(l, 0);
            double loss = s.loss(l, k);
            lossSeries.getSeries(l).add(k, start == 0 ? loss : loss / Math.abs(start));
            f1Series.getSeries(l).add(k, s.metric(l, metric.getValue(), k));
        }
    }

    /** Redraws the metric curves for the chosen metric, at the steps the loss curves show. */
    private void redrawMetric() {
        TrainingSession s = session.get();
        if (s == null) {
            return;
        }
        f1Chart.setNotify(false);
        try {
            for (int l = 0; l < s.contestants().size(); l++) {
                XYSeries steps = lossSeries.getSeries(l);
                XYSeries series = f1Series.getSeries(l);
                series.clear();
                for (int i = 0; i < steps.getItemCount(); i++) {
                    int k = steps.getX(i).intValue();
                    series.add(k, s.metric(l, metric.getValue(), k));
                }
            }
        } finally {
            f1Chart.setNotify(true);
        }
    }

    /** Marks step k on the curves and shows each contestant's gradient share there, and the landscape if shown. */
    void showStep(int k) {
        TrainingSession s = session.get();
        lossMarker.setValue(k);
        f1Marker.setValue(k);
        shares.clear();
        for (int l = 0; s != null && l < s.contestants().size(); l++) {
            String label = s.contestants().get(l).label();
            GradientShare share = s.share(l, k);
            double total = share.total() == 0 ? 1 : share.total();
            shares.addValue(share.tp() / total, "TP", label);
            shares.addValue(share.fp() / total, "FP", label);
            shares.addValue(share.fn() / total, "FN", label);
            shares.addValue(share.tn() / total, "TN", label);
        }
        if (getSelectionModel().getSelectedIndex() == 1) {
            landscape.show(s, k);
        }
    }

    /** The loss and the metric charts. */
    java.util.List<JFreeChart> lineCharts() {
        return java.util.List.of(lossChart, f1Chart);
    }

    /** The loss curves and the metric curves, a series per contestant. */
    XYSeriesCollection[] curves() {
        return new XYSeriesCollection[] {lossSeries, f1Series};
    }

    LossLandscape shownLandscape() {
        return landscape.shownLandscape();
    }
}
