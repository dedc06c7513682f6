package org.losslab.app.detect;

import java.util.Locale;
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
import org.jfree.chart.renderer.xy.XYStepRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.losslab.engine.detect.AveragePrecision;
import org.losslab.engine.detect.DetectionMatching;
import org.losslab.engine.detect.DetectionMetric;
import org.losslab.engine.detect.DetectionsData;

/** Detection metrics: editable scores, TP/FP at an IoU threshold, the precision/recall curve, AP and mAP. */
public final class MetricsTab extends BorderPane {
    private final BoxDocument doc;
    private final Slider iou = new Slider(0.05, 0.95, 0.5);
    private final TableView<Integer> table = new TableView<>();
    private final XYSeriesCollection curve = new XYSeriesCollection();
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
        table.getColumns().setAll(java.util.List.of(index, score, verdict));
        table.setEditable(true);
        table.setPrefWidth(330);
        XYPlot plot = new XYPlot(curve, new NumberAxis("recall"), new NumberAxis("precision"), new XYStepRenderer());
        ((NumberAxis) plot.getDomainAxis()).setRange(0, 1.02);
        ((NumberAxis) plot.getRangeAxis()).setRange(0, 1.02);
        ChartViewer viewer = new ChartViewer(new JFreeChart("Precision / recall (all classes pooled by class)", plot));
        summary.setId("metrics-summary");
        summary.setStyle("-fx-font-family: monospace;");
        VBox left = new VBox(6, new Label("IoU threshold"), iou, table, summary);
        left.setPadding(new Insets(8));
        setLeft(left);
        setCenter(viewer);
        doc.revisionProperty().addListener(o -> update());
        update();
    }

    private String[] verdicts;

    public void update() {
        DetectionsData d = doc.detections();
        verdicts = new String[d.count()];
        java.util.Arrays.fill(verdicts, "FP");
        curve.removeAllSeries();
        for (int label : AveragePrecision.truthClasses(d)) {
            DetectionMatching m = DetectionMatching.match(d, label, iou.getValue());
            XYSeries s = new XYSeries("class " + label);
            double[] p = m.precision();
            double[] r = m.recall();
            s.add(0, p.length > 0 ? p[0] : 0);
            for (int k = 0; k < p.length; k++) {
                s.add(r[k], p[k]);
                verdicts[m.ranked[k]] = m.truePositive[k] ? "TP (truth " + m.matchedTruth[k] + ")" : "FP";
            }
            curve.addSeries(s);
        }
        table.setItems(FXCollections.observableArrayList(java.util.stream.IntStream.range(0, d.count()).boxed().toList()));
        table.refresh();
        summary.setText(String.format(Locale.ROOT, "AP all-point %.4f%nAP VOC 11    %.4f%nAP COCO 101  %.4f%nmAP@[.5:.95] %.4f",
                DetectionMetric.meanAp(d, iou.getValue(), AveragePrecision.ALL_POINT),
                DetectionMetric.meanAp(d, iou.getValue(), AveragePrecision.VOC11),
                DetectionMetric.meanAp(d, iou.getValue(), AveragePrecision.COCO101),
                new DetectionMetric(true).evaluate(d, null, false).value()));
    }
}
