package org.losslab.app.detect;

import java.awt.BasicStroke;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.application.Platform;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.util.Duration;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.losslab.app.charts.Charts;
import org.losslab.app.core.FigureExport;
import org.losslab.app.core.LatestWins;
import org.losslab.engine.race.DiouSimulation;
import org.losslab.engine.race.RaceLoss;
import org.losslab.engine.race.RacePreset;
import org.losslab.engine.race.RaceRun;

/**
 * The DIoU paper's regression race: IoU, GIoU, DIoU and CIoU from the same anchors, with the paper's update
 * rule and schedule (no step size to tune), either with the authors' gradients or with the exact ones. The
 * chart shows each loss's total error against the step; the canvas follows the first regression box by box.
 * Play, pause, step, reset and a timeline to scrub; the runs are deterministic.
 */
public final class RaceTab extends BorderPane {
    private static final Color[] COLOURS = {Color.web("#1F77B4"), Color.web("#D62728"), Color.web("#2CA02C"), Color.web("#FF7F0E"),
        Color.web("#9467BD"), Color.web("#8C564B"), Color.web("#E377C2"), Color.web("#17BECF"), Color.web("#BCBD22"),
        Color.web("#7F7F7F")};
    private static final String PAPER = "the paper's code";
    private static final String EXACT = "exact gradients";
    /** The canvas caption's font (a test checks each line fits the canvas in it). */
    static final Font CAPTION_FONT = Font.font(12);
    /** World coordinates shown: the target's centre (10, 10) plus or minus this. */
    private static final double HALF_VIEW = 3.5;
    private final ComboBox<RacePreset> preset = new ComboBox<>(FXCollections.observableArrayList(RacePreset.values()));
    private final ComboBox<String> gradients = new ComboBox<>(FXCollections.observableArrayList(PAPER, EXACT));
    private final Slider timeline = new Slider(0, DiouSimulation.STEPS, 0);
    private final Canvas canvas = new Canvas(480, 480);
    private final Label status = new Label();
    private final Label description = new Label();
    private final Timeline player = new Timeline();
    private final XYSeriesCollection errorSeries = new XYSeriesCollection();
    private final ValueMarker now = new ValueMarker(0);
    private final LatestWins worker = new LatestWins("race");
    private static final String TITLE = "Total error against step";
    private final JFreeChart chart;
    private final Map<String, RaceRun> runs = new HashMap<>();
    private RaceRun run;
    private int requested;
    private int shownRequest;

    public RaceTab(RaceSettings settings) {
        setId("race-tab");
        preset.setId("race-preset");
        gradients.setId("race-gradients");
        // the paper's aggregate over many anchors: one anchor's total error zig-zags at the paper's step size
        preset.setValue(RacePreset.RING);
        gradients.setValue(PAPER);
        gradients.setTooltip(new Tooltip("The paper's code: the authors' MATLAB gradients, quirks included (IoU and GIoU "
                + "move w and h twice as fast, DIoU's enclosing-box term has a flipped sign). Exact: the true gradients "
                + "of the losses as torchvision defines them."));
        preset.valueProperty().bindBidirectional(settings.anchors());
        gradients.setValue(settings.paperGradients().get() ? PAPER : EXACT);
        gradients.valueProperty().addListener((o, a, b) -> settings.paperGradients().set(PAPER.equals(b)));
        settings.paperGradients().addListener((o, a, paper) -> gradients.setValue(paper ? PAPER : EXACT));
        preset.valueProperty().addListener((o, a, b) -> recompute()); // also when a lesson sets it
        gradients.valueProperty().addListener((o, a, b) -> recompute());
        timeline.setId("race-timeline");
        timeline.setMajorTickUnit(40);
        timeline.setShowTickLabels(true);
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
        HBox bar = new HBox(8, new Label("Anchors"), preset, new Label("Gradients"), gradients, play, pause, stepButton,
                resetButton);
        bar.setPadding(new Insets(6));
        description.setWrapText(true);
        setTop(new VBox(2, bar, description));
        setCenter(canvas);
        LogAxis errorAxis = Charts.decades("total error: sum of |x - x*| + |y - y*| + |w - w*| + |h - h*|");
        errorAxis.setSmallestValue(1e-3);
        XYPlot plot = new XYPlot(errorSeries, new NumberAxis("step (rate 0.1, then 0.01 from 161, 0.001 from 181)"),
                errorAxis, renderer());
        plot.addDomainMarker(now);
        chart = new JFreeChart(TITLE, plot);
        ChartViewer viewer = new ChartViewer(chart);
        viewer.setPrefSize(560, 440);
        setRight(viewer);
        Button gif = new Button("Export GIF…");
        gif.setId("race-gif");
        gif.setTooltip(new Tooltip("The race as an animated GIF for slides: the boxes and the error "
                + "curves, step by step"));
        gif.setOnAction(e -> FigureExport.exportAnimation(this, timeline, "race"));
        Label stepLabel = new Label("Step");
        stepLabel.setMinWidth(Region.USE_PREF_SIZE);
        gif.setMinWidth(Region.USE_PREF_SIZE);
        status.setWrapText(true); // eight losses' totals take two lines
        HBox.setHgrow(status, Priority.ALWAYS);
        HBox bottom = new HBox(8, stepLabel, timeline, status, gif);
        bottom.setPadding(new Insets(6));
        timeline.setPrefWidth(420);
        setBottom(bottom);
        RaceRun first = compute(RacePreset.RING, true);
        runs.put(runKey(RacePreset.RING, true), first);
        show(first);
    }

    private static XYLineAndShapeRenderer renderer() {
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, false);
        for (int k = 0; k < COLOURS.length; k++) {
            Color c = COLOURS[k];
            r.setSeriesPaint(k, new java.awt.Color((float) c.getRed(), (float) c.getGreen(), (float) c.getBlue()));
            r.setSeriesStroke(k, new BasicStroke(2f));
        }
        return r;
    }

    private static RaceRun compute(RacePreset preset, boolean paper) {
        List<RaceLoss> losses = new ArrayList<>();
        for (String name : paper ? RaceLoss.paperNames() : RaceLoss.exactNames(COLOURS.length)) {
            losses.add(paper ? RaceLoss.paper(name) : RaceLoss.exact(name));
        }
        return RaceRun.of(preset, losses);
    }

    /**
     * Recomputes the race for the chosen anchors and gradients, off the JavaFX thread (an exact run on the ring
     * takes seconds). Until it arrives the old curves, boxes and caption are cleared and the chart says what it
     * computes: nothing on screen belongs to the previous choice. A run once computed is kept.
     */
    private void recompute() {
        player.stop();
        RacePreset p = preset.getValue();
        boolean paper = PAPER.equals(gradients.getValue());
        int request = ++requested;
        RaceRun cached = runs.get(runKey(p, paper));
        if (cached != null) {
            show(cached);
            shownRequest = request;
            return;
        }
        String what = "computing " + p.title().toLowerCase(Locale.ROOT) + " with " + gradients.getValue() + "...";
        run = null;
        errorSeries.removeAllSeries();
        chart.setTitle("Total error against step: " + what);
        status.setText(what);
        description.setText(p.description() + "; " + gradients.getValue() + " (computing...).");
        draw();
        worker.submit(() -> {
            RaceRun result = compute(p, paper);
            Platform.runLater(() -> {
                runs.put(runKey(p, paper), result);
                if (request == requested) {
                    show(result);
                    shownRequest = request;
                }
            });
        });
    }

    private static String runKey(RacePreset p, boolean paper) {
        return p.name() + (paper ? "/paper" : "/exact");
    }

    private void show(RaceRun result) {
        run = result;
        errorSeries.removeAllSeries();
        for (int l = 0; l < result.names().size(); l++) {
            XYSeries s = new XYSeries(result.names().get(l));
            double[] totals = result.totals()[l];
            for (int k = 0; k < totals.length; k++) {
                // a log axis cannot show 0: a regression that lands exactly on its target is drawn at 1e-3
                s.add(k, Math.max(totals[k], 1e-3));
            }
            errorSeries.addSeries(s);
        }
        chart.setTitle(TITLE + " (" + gradients.getValue() + ")");
        description.setText(preset.getValue().description() + "; " + gradients.getValue() + ".");
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

    /** The race shown. */
    public RaceRun run() {
        return run;
    }

    /** The first regression's box of a loss after k steps, (x, y, w, h). */
    public double[] box(String loss, int k) {
        return run.shown()[run.names().indexOf(loss)][k].clone();
    }

    /** Whether the race drawn is the one the anchors and gradients chosen ask for (none is still computing). */
    public boolean current() {
        return shownRequest == requested;
    }

    public ComboBox<RacePreset> presetChoice() {
        return preset;
    }

    public ComboBox<String> gradientsChoice() {
        return gradients;
    }

    /** What the canvas says it shows, one string per line (each fits the canvas's width). */
    static final List<String> CANVAS_CAPTION = List.of("white dashed: the target",
            "colours: each loss's box and its centre's path (first regression)");

    /** The chart's title now (it says when a run is still computing). */
    public String chartTitle() {
        return chart.getTitle().getText();
    }

    /** The losses the chart draws now (none while a run computes). */
    public List<String> chartedLosses() {
        List<String> out = new ArrayList<>();
        for (int l = 0; l < errorSeries.getSeriesCount(); l++) {
            out.add((String) errorSeries.getSeriesKey(l));
        }
        return out;
    }

    /** The caption over the boxes and what the chart computes, for tests. */
    public String descriptionText() {
        return description.getText();
    }

    public Canvas boxCanvas() {
        return canvas;
    }

    private void draw() {
        int k = iteration();
        now.setValue(k);
        GraphicsContext g = canvas.getGraphicsContext2D();
        double scale = canvas.getWidth() / (2 * HALF_VIEW);
        g.setFill(Color.web("#1e1e1e"));
        g.fillRect(0, 0, canvas.getWidth(), canvas.getHeight());
        g.setFont(CAPTION_FONT);
        if (run == null) {
            g.setFill(Color.web("#cccccc"));
            g.fillText("computing the race...", 8, 16);
            return;
        }
        double[] target = run.target();
        g.setStroke(Color.WHITE);
        g.setLineWidth(2);
        g.setLineDashes(6, 4);
        strokeBox(g, target, scale);
        g.setLineDashes();
        StringBuilder text = new StringBuilder(String.format(Locale.ROOT, "step %d, total error:", k));
        for (int l = 0; l < run.names().size(); l++) {
            double[][] path = run.shown()[l];
            g.setStroke(COLOURS[l % COLOURS.length]);
            g.setLineWidth(1);
            for (int i = 1; i <= k; i++) {
                g.strokeLine(screen(path[i - 1][0], scale), screen(path[i - 1][1], scale), screen(path[i][0], scale),
                        screen(path[i][1], scale));
            }
            g.setLineWidth(2);
            strokeBox(g, path[k], scale);
            text.append(String.format(Locale.ROOT, "  %s %.4g", run.names().get(l), run.totals()[l][k]));
        }
        g.setFill(Color.web("#cccccc"));
        for (int line = 0; line < CANVAS_CAPTION.size(); line++) {
            g.fillText(CANVAS_CAPTION.get(line), 8, 16 + 15 * line);
        }
        status.setText(text.toString());
    }

    private static double screen(double world, double scale) {
        return (world - (10 - HALF_VIEW)) * scale;
    }

    private static void strokeBox(GraphicsContext g, double[] box, double scale) {
        double w = Math.max(box[2], 0);
        double h = Math.max(box[3], 0);
        g.strokeRect(screen(box[0] - w / 2, scale), screen(box[1] - h / 2, scale), w * scale, h * scale);
    }
}
