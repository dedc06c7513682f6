package org.losslab.app.detect;

import java.util.Locale;
import java.util.Map;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.losslab.app.charts.Charts;
import org.losslab.engine.LossRegistry;
import org.losslab.engine.box.BoxPairs;
import org.losslab.engine.sweep.DetectionSweeps;
import org.losslab.engine.sweep.Sweeps;
import org.losslab.engine.sweep.SweepResult;

/**
 * NWD against IoU as the selected pair shrinks: a size slider resizes both boxes (shapes kept, the centres' offset
 * kept in pixels); the chart shows both losses over every size with the slider's size marked.
 */
final class ShrinkView extends VBox {
    private final Slider size = new Slider(2, 120, 6);
    private final Label readout = new Label();
    private final XYSeriesCollection curves = new XYSeriesCollection();
    private final ValueMarker marker = new ValueMarker(6);
    private BoxPairs pair;
    private SweepResult sweep;

    ShrinkView() {
        super(4);
        setId("shrink-view");
        size.setId("shrink-size");
        size.setPrefWidth(220);
        size.setTooltip(new Tooltip("The target's longer side in pixels; both boxes keep their shapes and the centres "
                + "their offset in pixels"));
        size.valueProperty().addListener(o -> update());
        readout.setId("shrink-readout");
        readout.setWrapText(true);
        readout.setMaxWidth(600);
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, false);
        XYPlot plot = new XYPlot(curves, Charts.decades("target size (pixels, longer side)"),
                new NumberAxis("loss"), renderer);
        plot.addDomainMarker(marker);
        JFreeChart chart = new JFreeChart(null, JFreeChart.DEFAULT_TITLE_FONT, plot, true);
        ChartViewer viewer = new ChartViewer(chart);
        viewer.setPrefSize(600, 200);
        getChildren().addAll(new HBox(8, new Label("Box size"), size), readout, viewer);
    }

    /** The pair's losses over every size (any thread); null for no pair. */
    static SweepResult prepare(BoxPairs selected) {
        return selected == null ? null : DetectionSweeps.shrinkingPair(selected, Sweeps.grid(2, 120, 237), Map.of());
    }

    /** Shows a pair and its prepared sweep (JavaFX thread). */
    void show(BoxPairs selected, SweepResult prepared) {
        pair = selected;
        curves.removeAllSeries();
        if (selected == null) {
            sweep = null;
            readout.setText("No pair selected.");
            return;
        }
        sweep = prepared;
        for (String column : sweep.columns()) {
            XYSeries s = new XYSeries(column + " loss");
            double[] y = sweep.column(column);
            for (int k = 0; k < y.length; k++) {
                s.add(sweep.x()[k], y[k]);
            }
            curves.addSeries(s);
        }
        update();
    }

    private void update() {
        marker.setValue(size.getValue());
        if (pair == null) {
            return;
        }
        SweepResult here = DetectionSweeps.shrinkingPair(pair, new double[] {size.getValue()}, Map.of());
        double[] t = pair.target();
        double[] p = pair.predicted();
        double offset = Math.hypot((p[0] + p[2] - t[0] - t[2]) / 2, (p[1] + p[3] - t[1] - t[3]) / 2);
        // the sweep's columns: the overlap's loss, then the Wasserstein one
        String overlap = here.columns().get(0);
        String wasserstein = here.columns().get(1);
        readout.setText(String.format(Locale.ROOT, "At %.0f px, centres %.1f px apart (kept as the boxes shrink): %s loss "
                + "%.4f, %s loss %.4f. IoU compares the offset with the box, so a small box is off its target after a "
                + "pixel or two and its loss sits at 1; NWD measures the offset in pixels (its constant C = %s px) and "
                + "moves smoothly.", size.getValue(), offset, overlap, here.column(overlap)[0], wasserstein,
                here.column(wasserstein)[0], LossRegistry.get(wasserstein).defaults().number("constant")));
    }

    double[] shownLosses() {
        SweepResult here = DetectionSweeps.shrinkingPair(pair, new double[] {size.getValue()}, Map.of());
        return new double[] {here.column(here.columns().get(0))[0], here.column(here.columns().get(1))[0]};
    }

    Slider size() {
        return size;
    }
}
