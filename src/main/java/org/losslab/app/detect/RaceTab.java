package org.losslab.app.detect;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.Spinner;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.paint.Color;
import javafx.util.Duration;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.losslab.engine.box.BoxRace;
import org.losslab.engine.box.IouFamilyLoss.Variant;

/**
 * The regression race: plain gradient descent on one box under IoU, GIoU, DIoU and CIoU side by side,
 * from the DIoU paper's layouts; play, pause, step, reset, a timeline to scrub, traces, and IoU against
 * iteration. The runs are deterministic, so reset returns to exactly the same start.
 */
public final class RaceTab extends BorderPane {
    private static final Variant[] LOSSES = {Variant.IOU, Variant.GIOU, Variant.DIOU, Variant.CIOU};
    private static final Color[] COLOURS = {Color.web("#1F77B4"), Color.web("#D62728"), Color.web("#2CA02C"), Color.web("#FF7F0E")};
    private final ComboBox<BoxRace.Layout> layout = new ComboBox<>(FXCollections.observableArrayList(BoxRace.Layout.values()));
    private final Slider step = new Slider(0, 4, Math.log10(400));
    private final Slider decay = new Slider(0.95, 1.0, 0.99);
    private final Spinner<Integer> iterations = new Spinner<>(10, 2000, 300, 10);
    private final Slider timeline = new Slider(0, 200, 0);
    private final Canvas canvas = new Canvas(520, 520);
    private final Label status = new Label();
    private final Timeline player = new Timeline();
    private final XYSeriesCollection iouSeries = new XYSeriesCollection();
    private final XYSeriesCollection lossSeries = new XYSeriesCollection();
    private final ValueMarker now = new ValueMarker(0);
    private List<List<BoxRace.Step>> runs = new ArrayList<>();

    public RaceTab() {
        setId("race-tab");
        layout.setId("race-layout");
        layout.setValue(BoxRace.Layout.HORIZONTAL);
        layout.setOnAction(e -> reset());
        step.setTooltip(new Tooltip("Step size (log10 of pixels per unit gradient)"));
        iterations.valueProperty().addListener(o -> reset());
        step.valueProperty().addListener(o -> reset());
        decay.valueProperty().addListener(o -> reset());
        decay.setTooltip(new Tooltip("The step is multiplied by this after every iteration (1: a fixed step, "
                + "which keeps bouncing around the target: IoU losses have a kink there)"));
        timeline.setId("race-timeline");
        timeline.valueProperty().addListener(o -> draw());
        Button play = new Button("Play");
        Button pause = new Button("Pause");
        Button stepButton = new Button("Step");
        Button resetButton = new Button("Reset");
        play.setId("race-play");
        stepButton.setId("race-step");
        resetButton.setId("race-reset");
        play.setOnAction(e -> player.play());
        pause.setOnAction(e -> player.pause());
        stepButton.setOnAction(e -> step());
        resetButton.setOnAction(e -> {
            player.stop();
            timeline.setValue(0);
        });
        player.getKeyFrames().add(new KeyFrame(Duration.millis(40), e -> step()));
        player.setCycleCount(Timeline.INDEFINITE);
        HBox bar = new HBox(8, new Label("Layout"), layout, new Label("Step size"), step, new Label("Decay"), decay,
                new Label("Iterations"), iterations,
                play, pause, stepButton, resetButton);
        bar.setPadding(new Insets(6));
        setTop(bar);
        setCenter(canvas);
        XYPlot racePlot = new XYPlot(iouSeries, new NumberAxis("iteration"), new NumberAxis("IoU (solid)"), renderer());
        racePlot.setDataset(1, lossSeries);
        racePlot.setRangeAxis(1, new NumberAxis("loss (dashed)"));
        racePlot.mapDatasetToRangeAxis(1, 1);
        XYLineAndShapeRenderer dashed = renderer();
        for (int k = 0; k < COLOURS.length; k++) {
            dashed.setSeriesStroke(k, new java.awt.BasicStroke(1.5f, java.awt.BasicStroke.CAP_BUTT,
                    java.awt.BasicStroke.JOIN_ROUND, 1f, new float[] {6f, 4f}, 0f));
        }
        dashed.setDefaultSeriesVisibleInLegend(false);
        racePlot.setRenderer(1, dashed);
        JFreeChart chart = new JFreeChart("IoU and loss against iteration", racePlot);
        racePlot.addDomainMarker(now);
        ChartViewer viewer = new ChartViewer(chart);
        viewer.setPrefSize(520, 420);
        setRight(viewer);
        HBox bottom = new HBox(8, new Label("Iteration"), timeline, status);
        bottom.setPadding(new Insets(6));
        timeline.setPrefWidth(500);
        setBottom(bottom);
        reset();
    }

    private static XYLineAndShapeRenderer renderer() {
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, false);
        for (int k = 0; k < COLOURS.length; k++) {
            Color c = COLOURS[k];
            r.setSeriesPaint(k, new java.awt.Color((float) c.getRed(), (float) c.getGreen(), (float) c.getBlue()));
            r.setSeriesStroke(k, new java.awt.BasicStroke(2f));
        }
        return r;
    }

    /** Recomputes the four runs from the chosen layout and settings. */
    public void reset() {
        player.stop();
        double[][] boxes = layout.getValue().boxes();
        double stepSize = Math.pow(10, step.getValue());
        runs = new ArrayList<>();
        iouSeries.removeAllSeries();
        lossSeries.removeAllSeries();
        for (Variant v : LOSSES) {
            List<BoxRace.Step> run = BoxRace.run(v, boxes[0], boxes[1], stepSize, decay.getValue(), iterations.getValue());
            runs.add(run);
            XYSeries s = new XYSeries(v.name());
            XYSeries l = new XYSeries(v.name() + " loss");
            for (int k = 0; k < run.size(); k++) {
                s.add(k, run.get(k).iou());
                l.add(k, run.get(k).loss());
            }
            iouSeries.addSeries(s);
            lossSeries.addSeries(l);
        }
        timeline.setMax(iterations.getValue());
        timeline.setValue(0);
        draw();
    }

    public void step() {
        if (timeline.getValue() >= timeline.getMax()) {
            player.stop();
            return;
        }
        timeline.setValue(Math.floor(timeline.getValue()) + 1);
    }

    public int iteration() {
        return (int) Math.round(timeline.getValue());
    }

    public List<BoxRace.Step> run(Variant v) {
        return runs.get(java.util.Arrays.asList(LOSSES).indexOf(v));
    }

    private void draw() {
        int k = iteration();
        now.setValue(k);
        GraphicsContext g = canvas.getGraphicsContext2D();
        double s = canvas.getWidth() / 200;
        g.setFill(Color.web("#1e1e1e"));
        g.fillRect(0, 0, canvas.getWidth(), canvas.getHeight());
        double[] target = layout.getValue().boxes()[1];
        g.setStroke(Color.web("#3CB44B"));
        g.setLineWidth(3);
        g.strokeRect(target[0] * s, target[1] * s, (target[2] - target[0]) * s, (target[3] - target[1]) * s);
        StringBuilder text = new StringBuilder(String.format(Locale.ROOT, "iteration %d:", k));
        for (int r = 0; r < runs.size(); r++) {
            List<BoxRace.Step> run = runs.get(r);
            g.setStroke(COLOURS[r]);
            g.setLineWidth(1);
            for (int i = 1; i <= k && i < run.size(); i++) {
                double[] a = run.get(i - 1).box();
                double[] b = run.get(i).box();
                g.strokeLine((a[0] + a[2]) / 2 * s, (a[1] + a[3]) / 2 * s, (b[0] + b[2]) / 2 * s, (b[1] + b[3]) / 2 * s);
            }
            double[] b = run.get(Math.min(k, run.size() - 1)).box();
            g.setLineWidth(2);
            g.strokeRect(b[0] * s, b[1] * s, (b[2] - b[0]) * s, (b[3] - b[1]) * s);
            text.append(String.format(Locale.ROOT, "  %s IoU %.3f", LOSSES[r].name(), run.get(Math.min(k, run.size() - 1)).iou()));
        }
        status.setText(text.toString());
    }
}
