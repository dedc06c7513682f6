package org.losslab.app.detect;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javafx.geometry.Insets;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.paint.Color;
import org.losslab.engine.EngineException;
import org.losslab.engine.LossRegistry;
import org.losslab.engine.box.Box;
import org.losslab.engine.ssd.MultiboxAnalysis;
import org.losslab.engine.ssd.MultiboxData;
import org.losslab.engine.ssd.PriorBoxes;
import org.losslab.engine.ssd.ToyScores;

/**
 * SSD: a grid of priors over the canvas, the matching at a threshold (positives joined to their
 * object, forced best priors ringed), hard negative mining against the focal loss's weights, and where
 * the classification loss comes from under each scheme. The objects are the boxes tab's ground truth.
 */
public final class SsdTab extends BorderPane {
    private final BoxDocument doc;
    private final TextField sizes = new TextField("8,4,2,1");
    private final TextField scales = new TextField("0.15,0.35,0.55,0.8");
    private final TextField ratios = new TextField("1,2,0.5");
    private final Slider threshold = new Slider(0.1, 0.9, 0.5);
    private final Spinner<Integer> negPos = new Spinner<>(0, 20, 3);
    private final Slider focalGamma = new Slider(0, 5, 2);
    private final Slider sharpness = new Slider(0, 20, 8);
    private final Slider noise = new Slider(0, 3, 0.7);
    private final Canvas canvas = new Canvas(560, 560);
    private final Label totals = new Label();
    private MultiboxAnalysis analysis;
    private MultiboxData data;

    public SsdTab(BoxDocument doc) {
        this.doc = doc;
        setId("ssd-tab");
        threshold.setId("ssd-threshold");
        threshold.setShowTickLabels(true);
        GridPane controls = new GridPane();
        controls.setHgap(6);
        controls.setVgap(6);
        controls.setPadding(new Insets(8));
        String[] labels = {"Feature map sizes", "Scales", "Aspect ratios", "Matching threshold", "neg_pos_ratio",
            "Focal gamma (alpha 0.25)", "Model: score sharpness", "Model: noise (seed 7)"};
        javafx.scene.Node[] nodes = {sizes, scales, ratios, threshold, negPos, focalGamma, sharpness, noise};
        for (int i = 0; i < labels.length; i++) {
            controls.add(new Label(labels[i]), 0, i);
            controls.add(nodes[i], 1, i);
            if (nodes[i] instanceof Slider slider) {
                Label value = new Label();
                value.textProperty().bind(slider.valueProperty().asString(Locale.ROOT, "%.2f"));
                value.setMinWidth(40);
                controls.add(value, 2, i); // the value a slider is at, always in view
            }
        }
        sizes.setTooltip(new Tooltip("One feature map per number: its cells are the prior centres"));
        scales.setTooltip(new Tooltip("One scale per feature map (share of the image side)"));
        ratios.setTooltip(new Tooltip("Aspect ratios; ratio 1 also gets the extra prior of scale sqrt(s_k s_k+1)"));
        totals.setWrapText(true);
        totals.setId("ssd-totals");
        totals.setStyle("-fx-font-family: monospace;");
        controls.add(totals, 0, labels.length, 3, 1);
        budgetChart.setId("ssd-budget");
        budgetChart.setPrefSize(360, 300);
        controls.add(budgetChart, 0, labels.length + 1, 3, 1);
        setLeft(controls);
        javafx.scene.layout.FlowPane legend = new javafx.scene.layout.FlowPane(14, 4,
                swatch(Color.LIMEGREEN, "positive (line to its object; ring: the forced best prior)"),
                swatch(Color.web("#E8452C"), "hard negative kept by mining"),
                swatch(Color.gray(0.45), "easy negative dropped by mining"),
                new Label("dot size: the prior's focal weight"));
        legend.setId("ssd-legend");
        legend.setPadding(new Insets(6));
        legend.setPrefWrapLength(560);
        setCenter(new javafx.scene.layout.VBox(4, canvas, legend));
        for (var t : new TextField[] {sizes, scales, ratios}) {
            t.setOnAction(e -> update());
            t.focusedProperty().addListener((o, a, b) -> update());
        }
        for (var s : new Slider[] {threshold, focalGamma, sharpness, noise}) {
            s.valueProperty().addListener(o -> update());
        }
        negPos.valueProperty().addListener(o -> update());
        doc.revisionProperty().addListener(o -> update());
        update();
    }

    private static javafx.scene.layout.HBox swatch(Color colour, String text) {
        javafx.scene.shape.Circle dot = new javafx.scene.shape.Circle(5, colour);
        javafx.scene.layout.HBox box = new javafx.scene.layout.HBox(5, dot, new Label(text));
        box.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        return box;
    }

    /**
     * Where the classification loss comes from under each scheme: the shares of positives, hard
     * negatives and easy negatives, as stacked bars (hard negative mining drops the easy ones; the focal
     * loss keeps every prior but shrinks the easy ones' weight).
     */
    private final org.jfree.data.category.DefaultCategoryDataset budget = new org.jfree.data.category.DefaultCategoryDataset();
    private final org.jfree.chart.fx.ChartViewer budgetChart = new org.jfree.chart.fx.ChartViewer(budgetChart());

    private org.jfree.chart.JFreeChart budgetChart() {
        org.jfree.chart.JFreeChart chart = org.jfree.chart.ChartFactory.createStackedBarChart(
                "Share of the classification loss", null, "share", budget,
                org.jfree.chart.plot.PlotOrientation.VERTICAL, true, true, false);
        var plot = chart.getCategoryPlot();
        plot.getRenderer().setSeriesPaint(0, new java.awt.Color(50, 205, 50));
        plot.getRenderer().setSeriesPaint(1, new java.awt.Color(0xE8, 0x45, 0x2C));
        plot.getRenderer().setSeriesPaint(2, new java.awt.Color(115, 115, 115));
        ((org.jfree.chart.axis.NumberAxis) plot.getRangeAxis()).setRange(0, 1);
        plot.setBackgroundPaint(java.awt.Color.WHITE);
        return chart;
    }

    /** The stacked shares shown (rows: positives, hard negatives, easy negatives; columns: the two schemes). */
    public org.jfree.data.category.DefaultCategoryDataset budget() {
        return budget;
    }

    private static double[] numbers(String text) {
        String[] parts = text.trim().split("[ ,]+");
        double[] out = new double[parts.length];
        for (int i = 0; i < parts.length; i++) {
            out[i] = Double.parseDouble(parts[i]);
        }
        return out;
    }

    public Slider threshold() {
        return threshold;
    }

    public MultiboxAnalysis analysis() {
        return analysis;
    }

    /** Recomputes the priors, the toy scores, the matching and the mining. */
    public void update() {
        try {
            double[] s = numbers(sizes.getText());
            double[] k = numbers(scales.getText());
            double[] r = numbers(ratios.getText());
            if (s.length != k.length) {
                throw new EngineException("give one scale per feature map");
            }
            List<PriorBoxes.FeatureMap> maps = new ArrayList<>();
            for (int i = 0; i < s.length; i++) {
                maps.add(new PriorBoxes.FeatureMap((int) s[i], k[i], r));
            }
            double[] priors = PriorBoxes.generate(maps);
            var truths = doc.truths();
            double[] boxes = new double[4 * truths.size()];
            int[] labels = new int[truths.size()];
            for (int i = 0; i < truths.size(); i++) {
                double[] c = truths.get(i).corners();
                for (int j = 0; j < 4; j++) {
                    boxes[4 * i + j] = Math.min(1, Math.max(0, c[j] / BoxDocument.FIELD));
                }
                labels[i] = Math.max(1, Math.min(2, truths.get(i).label()));
            }
            data = ToyScores.of(priors, boxes, labels, 3, sharpness.getValue(), 2.0, noise.getValue(), 7);
            var params = LossRegistry.get("multibox").bind(Map.of("threshold", threshold.getValue(),
                    "neg_pos_ratio", (long) negPos.getValue()));
            analysis = MultiboxAnalysis.of(data, params);
            double[] hnm = analysis.lossByRole(false, 0.25, focalGamma.getValue());
            double[] focal = analysis.lossByRole(true, 0.25, focalGamma.getValue());
            totals.setText(String.format(Locale.ROOT, "%d priors, %d positive. Classification loss per positive: "
                    + "hard negative mining %.3f, focal %.3f.", priors.length / 4, analysis.positives(),
                    hnm[0] + hnm[1] + hnm[2], focal[0] + focal[1] + focal[2]));
            String mining = "mining, neg_pos_ratio " + negPos.getValue();
            String focalName = String.format(Locale.ROOT, "focal, gamma %.1f", focalGamma.getValue());
            budget.clear();
            String[] parts = {"positives", "hard negatives", "easy negatives"};
            double hnmSum = Math.max(1e-300, hnm[0] + hnm[1] + hnm[2]);
            double focalSum = Math.max(1e-300, focal[0] + focal[1] + focal[2]);
            for (int i = 0; i < 3; i++) {
                budget.addValue(hnm[i] / hnmSum, parts[i], mining);
                budget.addValue(focal[i] / focalSum, parts[i], focalName);
            }
            draw();
        } catch (EngineException | NumberFormatException e) {
            totals.setText("Cannot build the priors: " + e.getMessage());
        }
    }

    private void draw() {
        GraphicsContext g = canvas.getGraphicsContext2D();
        double s = canvas.getWidth();
        g.setFill(Color.web("#1e1e1e"));
        g.fillRect(0, 0, s, s);
        double[] priors = data.priors();
        double[] truths = data.truthBoxes();
        var m = analysis.matching();
        double[] focal = analysis.focalWeights(0.25, focalGamma.getValue());
        double maxFocal = java.util.Arrays.stream(focal).max().orElse(1);
        for (int j = 0; j < priors.length / 4; j++) {
            double x = priors[4 * j] * s;
            double y = priors[4 * j + 1] * s;
            MultiboxAnalysis.Role role = analysis.role(j);
            Color c = role == MultiboxAnalysis.Role.POSITIVE ? Color.LIMEGREEN
                    : role == MultiboxAnalysis.Role.HARD_NEGATIVE ? Color.web("#E8452C") : Color.gray(0.45);
            double radius = 2 + 7 * Math.sqrt(focal[j] / maxFocal);
            g.setFill(c);
            g.fillOval(x - radius / 2, y - radius / 2, radius, radius);
            if (role == MultiboxAnalysis.Role.POSITIVE) {
                int o = m.object[j];
                g.setStroke(Color.LIMEGREEN);
                g.setLineWidth(0.8);
                g.strokeLine(x, y, (truths[4 * o] + truths[4 * o + 2]) / 2 * s, (truths[4 * o + 1] + truths[4 * o + 3]) / 2 * s);
                double[] corners = Box.toCorners(new double[] {priors[4 * j], priors[4 * j + 1], priors[4 * j + 2], priors[4 * j + 3]});
                g.setStroke(Color.rgb(50, 205, 50, 0.5));
                g.strokeRect(corners[0] * s, corners[1] * s, (corners[2] - corners[0]) * s, (corners[3] - corners[1]) * s);
            }
            if (m.forced[j]) {
                g.setStroke(Color.WHITE);
                g.setLineWidth(1.5);
                g.strokeOval(x - 7, y - 7, 14, 14);
            }
        }
        g.setStroke(Color.web("#3CB44B"));
        g.setLineWidth(2.5);
        for (int o = 0; o < truths.length / 4; o++) {
            g.strokeRect(truths[4 * o] * s, truths[4 * o + 1] * s, (truths[4 * o + 2] - truths[4 * o]) * s,
                    (truths[4 * o + 3] - truths[4 * o + 1]) * s);
        }
    }
}
