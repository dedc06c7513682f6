package org.losslab.app.detect;

import java.awt.Color;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;
import javafx.beans.property.SimpleStringProperty;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.cell.TextFieldTableCell;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYStepAreaRenderer;
import org.jfree.chart.renderer.xy.XYStepRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.losslab.engine.box.Box;
import org.losslab.engine.detect.AveragePrecision;
import org.losslab.engine.detect.DetectionMatching;
import org.losslab.engine.detect.DetectionMetric;
import org.losslab.engine.detect.DetectionsData;
import org.losslab.engine.detect.Tide;

/** Detection metrics: editable scores, TP/FP at an IoU threshold, the precision/recall curve, AP and mAP. */
public final class MetricsTab extends BorderPane {
    private final BoxDocument doc;
    private final Slider iou = new Slider(0.05, 0.95, 0.5);
    private final TableView<Integer> table = new TableView<>();
    private final XYSeriesCollection curve = new XYSeriesCollection();
    private final XYSeriesCollection envelope = new XYSeriesCollection();
    private final Label summary = new Label();

    public MetricsTab(BoxDocument doc) {
        this.doc = doc;
        setId("metrics-tab");
        iou.setShowTickLabels(true);
        iou.setId("metrics-iou");
        iou.valueProperty().addListener(o -> update());
        TableColumn<Integer, String> index = new TableColumn<>("#");
        index.setCellValueFactory(c -> new SimpleStringProperty(Integer.toString(c.getValue())));
        TableColumn<Integer, String> score = new TableColumn<>("score (edit)");
        score.setCellValueFactory(c -> new SimpleStringProperty(String.format(Locale.ROOT, "%.3f",
                doc.predictions().get(c.getValue()).score())));
        score.setCellFactory(TextFieldTableCell.forTableColumn());
        score.setOnEditCommit(e -> {
            try {
                double s = Double.parseDouble(e.getNewValue());
                doc.checkpoint();
                doc.set(false, e.getRowValue(), doc.predictions().get(e.getRowValue()).withScore(Math.max(0, Math.min(1, s))));
            } catch (NumberFormatException ex) {
                update();
            }
        });
        TableColumn<Integer, String> verdict = new TableColumn<>("at the IoU threshold");
        verdict.setCellValueFactory(c -> new SimpleStringProperty(verdicts == null ? "" : verdicts[c.getValue()]));
        verdict.setPrefWidth(160);
        TableColumn<Integer, String> tideColumn = new TableColumn<>("TIDE error");
        tideColumn.setCellValueFactory(c -> new SimpleStringProperty(tideLabel(c.getValue())));
        tideColumn.setPrefWidth(120);
        table.getColumns().setAll(List.of(index, score, verdict, tideColumn));
        table.setEditable(true);
        table.setPrefWidth(470);
        XYPlot plot = new XYPlot(curve, new NumberAxis("recall"), new NumberAxis("precision"), new XYStepRenderer());
        // the all-point AP is the area under the interpolated precision (the best precision at any higher
        // recall): shaded, so that the number in the summary is a visible area
        XYStepAreaRenderer area = new XYStepAreaRenderer();
        area.setSeriesPaint(0, new Color(31, 119, 180, 60));
        plot.setDataset(1, envelope);
        plot.setRenderer(1, area);
        ((NumberAxis) plot.getDomainAxis()).setRange(0, 1.02);
        ((NumberAxis) plot.getRangeAxis()).setRange(0, 1.02);
        ChartViewer viewer = new ChartViewer(new JFreeChart("Precision / recall (all classes pooled by class)", plot));
        summary.setId("metrics-summary");
        summary.setStyle("-fx-font-family: monospace;");
        tideSummary.setId("metrics-tide");
        tideSummary.setStyle("-fx-font-family: monospace;");
        tideSummary.setWrapText(true);
        VBox left = new VBox(6, new Label("IoU threshold"), iou, table, summary, tideSummary);
        left.setPadding(new Insets(8));
        setLeft(left);
        setCenter(viewer);
        doc.revisionProperty().addListener(o -> update());
        update();
    }

    private String[] verdicts;
    private Tide.Result tide;
    private final Label tideSummary = new Label();

    private String tideLabel(int detection) {
        if (tide == null || detection >= tide.errors().length) {
            return "";
        }
        Tide.Error e = tide.errors()[detection];
        return e == null ? "TP" : e.shortName;
    }

    /** TIDE's labels and AP costs for the boxes shown. */
    public Tide.Result tide() {
        return tide;
    }

    /**
     * Why a detection is a false positive: it overlaps a ground truth of its class enough, but a
     * higher-scored detection took that truth (a duplicate), or it overlaps none enough.
     */
    private String falsePositive(DetectionsData d, int detection, int label) {
        double bestIou = 0;
        int bestTruth = -1;
        for (int t = 0; t < d.truthLabels().length; t++) {
            if (d.truthLabels()[t] == label) {
                double v = Box.iou(d.boxes(), 4 * detection, d.truthBoxes(), 4 * t);
                if (v > bestIou) {
                    bestIou = v;
                    bestTruth = t;
                }
            }
        }
        return bestIou >= iou.getValue() ? "FP, duplicate (truth " + bestTruth + " taken)"
                : String.format(Locale.ROOT, "FP (best IoU %.2f)", bestIou);
    }

    /** What the table says of each detection, by index. */
    public List<String> verdicts() {
        return List.of(verdicts);
    }

    /** The shaded area: the interpolated precision, class by class (pairs of points, one step each). */
    public XYSeriesCollection apAreaForTest() {
        return envelope;
    }

    public void update() {
        DetectionsData d = doc.detections();
        verdicts = new String[d.count()];
        Arrays.fill(verdicts, "FP");
        curve.removeAllSeries();
        envelope.removeAllSeries();
        for (int label : AveragePrecision.truthClasses(d)) {
            DetectionMatching m = DetectionMatching.match(d, label, iou.getValue());
            XYSeries s = new XYSeries("class " + label);
            XYSeries shaded = new XYSeries("AP area, class " + label, false, true);
            double[] p = m.precision();
            double[] r = m.recall();
            s.add(0, p.length > 0 ? p[0] : 0);
            double[] best = new double[p.length];
            for (int k = p.length - 1; k >= 0; k--) {
                best[k] = Math.max(p[k], k + 1 < p.length ? best[k + 1] : 0);
            }
            double previous = 0;
            for (int k = 0; k < p.length; k++) {
                s.add(r[k], p[k]);
                if (r[k] > previous) {
                    shaded.add(previous, best[k]);
                    shaded.add(r[k], best[k]);
                    previous = r[k];
                }
                verdicts[m.ranked[k]] = m.truePositive[k] ? "TP (truth " + m.matchedTruth[k] + ")"
                        : falsePositive(d, m.ranked[k], label);
            }
            curve.addSeries(s);
            envelope.addSeries(shaded);
        }
        tide = Tide.of(d);
        StringBuilder text = new StringBuilder(String.format(Locale.ROOT,
                "TIDE (IoU 0.5 / 0.1), AP %.4f; fixing each error type would add:%n", tide.ap()));
        for (Tide.Error e : Tide.Error.values()) {
            text.append(String.format(Locale.ROOT, "%-4s %2d  dAP %+.4f  %s%n", e.shortName, tide.count(e),
                    tide.deltaAp().get(e), e.meaning));
        }
        List<String> missedNames = new ArrayList<>();
        for (int t = 0; t < tide.missed().length; t++) {
            if (tide.missed()[t]) {
                missedNames.add("truth " + t);
            }
        }
        text.append(missedNames.isEmpty() ? "no object missed" : "missed: " + String.join(", ", missedNames));
        tideSummary.setText(text.toString());
        table.setItems(FXCollections.observableArrayList(IntStream.range(0, d.count()).boxed().toList()));
        table.refresh();
        summary.setText(String.format(Locale.ROOT, "AP all-point %.4f%nAP VOC 11    %.4f%nAP COCO 101  %.4f%nmAP@[.5:.95] %.4f",
                DetectionMetric.meanAp(d, iou.getValue(), AveragePrecision.ALL_POINT),
                DetectionMetric.meanAp(d, iou.getValue(), AveragePrecision.VOC11),
                DetectionMetric.meanAp(d, iou.getValue(), AveragePrecision.COCO101),
                new DetectionMetric(true).evaluate(d, null, false).value()));
    }
}
