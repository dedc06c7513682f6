package org.losslab.app.detect;

import java.util.Arrays;
import java.util.Locale;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.shape.Circle;
import org.jfree.data.xy.XYSeriesCollection;
import org.losslab.engine.EngineException;
import org.losslab.engine.box.Box;
import org.losslab.engine.ssd.MultiboxAnalysis;
import org.losslab.engine.ssd.MultiboxData;
import org.losslab.engine.ssd.NegativeLossShares;
import org.losslab.engine.ssd.SsdToy;

/**
 * SSD: a grid of priors over the canvas, the matching at a threshold (positives joined to their object,
 * forced best priors ringed), hard negative mining against the focal loss, and where the negatives' loss
 * sits under each (the focal paper's Figure 4). The objects are the boxes tab's ground truth.
 */
public final class SsdTab extends BorderPane {
    static final Color POSITIVE = Color.LIMEGREEN;
    static final Color HARD = Color.web("#E8452C");
    static final Color EASY = Color.gray(0.45);
    private final BoxDocument doc;
    private final SsdToy start = SsdToy.defaults();
    private final TextField sizes = new TextField(joined(Arrays.stream(start.sizes()).asDoubleStream().toArray()));
    private final TextField scales = new TextField(joined(start.scales()));
    private final TextField ratios = new TextField(joined(start.ratios()));
    private final Slider threshold = new Slider(0.1, 0.9, start.threshold());
    private final Spinner<Integer> negPos = new Spinner<>(0, 20, start.negPos());
    private final Slider focalGamma = new Slider(0, SsdToy.MAX_GAMMA, SsdToy.FOCAL_GAMMA);
    private final Slider sharpness = new Slider(0, 20, start.sharpness());
    private final Slider background = new Slider(0, SsdToy.MAX_BACKGROUND, start.background());
    private final Slider noise = new Slider(0, 3, start.noise());
    private final Canvas canvas = new Canvas(560, 560);
    private final Label totals = new Label();
    private final NegativeSharesChart shares = new NegativeSharesChart();
    private MultiboxAnalysis analysis;
    private NegativeLossShares negatives;
    private MultiboxData data;

    public SsdTab(BoxDocument doc, SsdSettings settings) {
        this.doc = doc;
        threshold.valueProperty().bindBidirectional(settings.threshold);
        focalGamma.valueProperty().bindBidirectional(settings.gamma);
        sharpness.valueProperty().bindBidirectional(settings.sharpness);
        background.valueProperty().bindBidirectional(settings.background);
        noise.valueProperty().bindBidirectional(settings.noise);
        setId("ssd-tab");
        threshold.setId("ssd-threshold");
        focalGamma.setId("ssd-gamma");
        background.setId("ssd-background");
        threshold.setShowTickLabels(true);
        GridPane controls = new GridPane();
        controls.setHgap(6);
        controls.setVgap(6);
        controls.setPadding(new Insets(8));
        String[] labels = {"Feature map sizes", "Scales", "Aspect ratios", "Matching threshold", "neg_pos_ratio",
            "Focal gamma (alpha " + SsdToy.FOCAL_ALPHA + ")", "Model: score sharpness", "Model: background logit", "Model: noise (seed 7)"};
        Node[] nodes = {sizes, scales, ratios, threshold, negPos, focalGamma, sharpness, background, noise};
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
        background.setTooltip(new Tooltip("How sure the toy model is of background away from the objects: "
                + "p(background) = e^b / (e^b + 2) before noise (2: 0.79, an untrained model; 5: 0.987, a trained one)"));
        totals.setWrapText(true);
        // wrapped to the chart's width: the controls stay narrow enough for the priors beside them and a lesson panel
        totals.setMaxWidth(400);
        totals.setId("ssd-totals");
        totals.setStyle("-fx-font-family: monospace;");
        controls.add(totals, 0, labels.length, 3, 1);
        shares.viewer().setPrefSize(400, 380);
        shares.viewer().setMaxWidth(400);
        controls.add(shares.viewer(), 0, labels.length + 1, 3, 1);
        setLeft(controls);
        FlowPane legend = new FlowPane(14, 4,
                swatch(POSITIVE, "positive (line to its object; ring: the forced best prior)"),
                swatch(HARD, "hard negative kept by mining"),
                swatch(EASY, "easy negative dropped by mining"),
                new Label("dot size: the prior's focal weight (1 - p_t)^gamma"));
        legend.setId("ssd-legend");
        legend.setPadding(new Insets(6));
        legend.setPrefWrapLength(560);
        setCenter(new VBox(4, canvas, legend));
        for (var t : new TextField[] {sizes, scales, ratios}) {
            t.setOnAction(e -> update());
            t.focusedProperty().addListener((o, a, b) -> update());
        }
        for (var s : new Slider[] {threshold, focalGamma, sharpness, background, noise}) {
            s.valueProperty().addListener(o -> update());
        }
        negPos.valueProperty().addListener(o -> update());
        doc.revisionProperty().addListener(o -> update());
        update();
    }

    private static String joined(double[] values) {
        StringBuilder out = new StringBuilder();
        for (double v : values) {
            out.append(out.length() == 0 ? "" : ",").append(v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v));
        }
        return out.toString();
    }

    private static HBox swatch(Color colour, String text) {
        HBox box = new HBox(5, new Circle(5, colour), new Label(text));
        box.setAlignment(Pos.CENTER_LEFT);
        return box;
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

    public Slider gamma() {
        return focalGamma;
    }

    public Slider backgroundLogit() {
        return background;
    }

    public MultiboxAnalysis analysis() {
        return analysis;
    }

    /** The negatives' losses the chart draws. */
    public NegativeLossShares negatives() {
        return negatives;
    }

    /** The curves drawn (one series per gamma, then mining), and the line that says what "easy" means. */
    public XYSeriesCollection sharesShown() {
        return shares.series();
    }

    public String easyCaption() {
        return shares.easyText();
    }

    /** The prior canvas (for tests reading its pixels). */
    public Canvas priorCanvas() {
        return canvas;
    }

    /** The set-up the controls describe. */
    public SsdToy setup() {
        double[] s = numbers(sizes.getText());
        int[] cells = new int[s.length];
        for (int i = 0; i < s.length; i++) {
            cells[i] = (int) s[i];
        }
        return new SsdToy(cells, numbers(scales.getText()), numbers(ratios.getText()), threshold.getValue(), negPos.getValue(),
                sharpness.getValue(), background.getValue(), noise.getValue());
    }

    /** Recomputes the priors, the toy scores, the matching and the mining. */
    public void update() {
        try {
            SsdToy toy = setup();
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
            data = toy.data(boxes, labels);
            analysis = toy.analysis(data);
            negatives = NegativeLossShares.of(analysis);
            double gamma = focalGamma.getValue();
            double[] hnm = analysis.lossByRole(false, SsdToy.FOCAL_ALPHA, gamma);
            double[] focal = analysis.lossByRole(true, SsdToy.FOCAL_ALPHA, gamma);
            totals.setText(String.format(Locale.ROOT, "%d priors, %d positive, %d negative. Classification loss per "
                    + "positive: hard negative mining %.3f, focal %.3f.", data.priorCount(), analysis.positives(),
                    negatives.negatives(), hnm[0] + hnm[1] + hnm[2], focal[0] + focal[1] + focal[2]));
            shares.show(negatives, gamma);
            draw();
        } catch (EngineException | NumberFormatException e) {
            totals.setText("Cannot build the priors: " + e.getMessage());
        }
    }

    /**
     * Easy negatives first, then hard ones, then positives: several priors share each centre (one per aspect
     * ratio), and the one drawn last is the one seen, so a positive or a kept negative is never hidden under a
     * dropped prior at its centre.
     */
    private void draw() {
        GraphicsContext g = canvas.getGraphicsContext2D();
        double s = canvas.getWidth();
        g.setFill(Color.web("#1e1e1e"));
        g.fillRect(0, 0, s, s);
        double[] priors = data.priors();
        double[] truths = data.truthBoxes();
        var m = analysis.matching();
        double[] focal = analysis.focalWeights(SsdToy.FOCAL_ALPHA, focalGamma.getValue());
        double maxFocal = Math.max(1e-300, Arrays.stream(focal).max().orElse(1));
        for (MultiboxAnalysis.Role role : new MultiboxAnalysis.Role[] {MultiboxAnalysis.Role.EASY_NEGATIVE,
            MultiboxAnalysis.Role.HARD_NEGATIVE, MultiboxAnalysis.Role.POSITIVE}) {
            for (int j = 0; j < priors.length / 4; j++) {
                if (analysis.role(j) != role) {
                    continue;
                }
                double x = priors[4 * j] * s;
                double y = priors[4 * j + 1] * s;
                // a kept prior stays visible at any gamma: its dot never shrinks below 5 pixels
                double least = role == MultiboxAnalysis.Role.EASY_NEGATIVE ? 2 : 5;
                double radius = least + (9 - least) * Math.sqrt(focal[j] / maxFocal);
                g.setFill(role == MultiboxAnalysis.Role.POSITIVE ? POSITIVE
                        : role == MultiboxAnalysis.Role.HARD_NEGATIVE ? HARD : EASY);
                g.fillOval(x - radius / 2, y - radius / 2, radius, radius);
                if (role == MultiboxAnalysis.Role.POSITIVE) {
                    drawPositive(g, s, priors, truths, m.object[j], j);
                }
                if (m.forced[j]) {
                    g.setStroke(Color.WHITE);
                    g.setLineWidth(1.5);
                    g.strokeOval(x - 7, y - 7, 14, 14);
                }
            }
        }
        g.setStroke(Color.web("#3CB44B"));
        g.setLineWidth(2.5);
        for (int o = 0; o < truths.length / 4; o++) {
            g.strokeRect(truths[4 * o] * s, truths[4 * o + 1] * s, (truths[4 * o + 2] - truths[4 * o]) * s,
                    (truths[4 * o + 3] - truths[4 * o + 1]) * s);
        }
    }

    private static void drawPositive(GraphicsContext g, double s, double[] priors, double[] truths, int o, int j) {
        double x = priors[4 * j] * s;
        double y = priors[4 * j + 1] * s;
        g.setStroke(POSITIVE);
        g.setLineWidth(0.8);
        g.strokeLine(x, y, (truths[4 * o] + truths[4 * o + 2]) / 2 * s, (truths[4 * o + 1] + truths[4 * o + 3]) / 2 * s);
        double[] corners = Box.toCorners(new double[] {priors[4 * j], priors[4 * j + 1], priors[4 * j + 2], priors[4 * j + 3]});
        g.setStroke(Color.rgb(50, 205, 50, 0.5));
        g.strokeRect(corners[0] * s, corners[1] * s, (corners[2] - corners[0]) * s, (corners[3] - corners[1]) * s);
    }
}
