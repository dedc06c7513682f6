package org.losslab.app.detect;

import java.io.File;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.concurrent.Task;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.ToolBar;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import org.jfree.chart.fx.ChartViewer;
import org.losslab.engine.coco.IouType;
import org.losslab.scene.CocoBundle;
import org.losslab.scene.CocoReport;

/**
 * The detection workspace's Dataset tab: a detector's results on a COCO ground truth, evaluated off the FX thread
 * (with progress and cancel): a headline saying where the AP went, COCOeval's 12 numbers, the per-category AP
 * (sortable), precision/recall per category and area range, TIDE over the dataset, and the images by cost, the
 * costliest first; a click on an image opens its boxes on the Boxes tab (see {@link DetectionWorkspace}).
 */
public final class DatasetTab extends BorderPane {
    private final Consumer<DatasetImage> openImage;
    private final ComboBox<String> bundled = new ComboBox<>(FXCollections.observableArrayList(CocoBundle.DETECTORS));
    private final ChoiceBox<String> iouType = new ChoiceBox<>(FXCollections.observableArrayList("bbox", "segm"));
    private final ProgressBar progress = new ProgressBar(0);
    private final Button cancel = new Button("Cancel");
    private final Label status = new Label("Open a ground truth and a detector's results, or a bundled detector.");
    private final Label headline = new Label();
    private final Label summary = new Label();
    private final TableView<Integer> categories = new TableView<>();
    private final ChoiceBox<String> area = new ChoiceBox<>(FXCollections.observableArrayList(DatasetCharts.AREAS));
    private final TableView<Integer> costs = new TableView<>();
    private final DatasetCharts charts = new DatasetCharts();
    private final ReadOnlyObjectWrapper<CocoReport> report = new ReadOnlyObjectWrapper<>(this, "report");
    private Path groundTruth;
    private Path results;
    private Path images;
    private Task<CocoReport> running;
    /** The results file the running evaluation reads. */
    private Path evaluating;

    DatasetTab(Consumer<DatasetImage> openImage) {
        this.openImage = openImage;
        setId("dataset-tab");
        bundled.setPromptText("bundled detector");
        bundled.setId("dataset-bundled");
        bundled.setOnAction(e -> {
            if (bundled.getValue() != null) {
                openBundled(bundled.getValue());
            }
        });
        iouType.setValue("bbox");
        Button gt = new Button("Ground truth...");
        gt.setOnAction(e -> choose("COCO ground truth", true));
        Button dt = new Button("Results...");
        dt.setOnAction(e -> choose("COCO results", false));
        Button folder = new Button("Images folder...");
        folder.setOnAction(e -> {
            File f = new DirectoryChooser().showDialog(getScene().getWindow());
            if (f != null) {
                images = f.toPath();
                status.setText("images from " + images);
            }
        });
        progress.setVisible(false);
        cancel.setVisible(false);
        cancel.setOnAction(e -> {
            if (running != null) {
                running.cancel();
            }
        });
        setTop(new VBox(new ToolBar(bundled, gt, dt, folder, iouType, progress, cancel, status), headline));
        headline.setId("dataset-headline");
        headline.setWrapText(true);
        headline.setPadding(new Insets(6, 8, 6, 8));
        headline.setStyle("-fx-font-size: 15px; -fx-font-weight: bold;");
        summary.setId("dataset-summary");
        summary.setStyle("-fx-font-family: monospace; -fx-font-size: 11px;");
        buildCategoryTable();
        buildCostTable();
        area.setValue("all");
        area.valueProperty().addListener(o -> showCurves());
        categories.getSelectionModel().selectedItemProperty().addListener(o -> showCurves());
        ChartViewer tideChart = new ChartViewer(charts.tide);
        tideChart.setPrefHeight(260);
        VBox left = new VBox(6, summary, tideChart);
        VBox.setVgrow(tideChart, Priority.ALWAYS);
        ChartViewer curves = new ChartViewer(charts.precisionRecall);
        VBox middle = new VBox(6, categories, new Label("Area range (click a category for its curves)"), area, curves);
        VBox.setVgrow(curves, Priority.ALWAYS);
        categories.setPrefHeight(170);
        VBox right = new VBox(6, new Label("Images by cost: false positives by score + 1 a missed object. Click to open."),
                costs);
        VBox.setVgrow(costs, Priority.ALWAYS);
        for (VBox column : List.of(left, middle, right)) {
            column.setPadding(new Insets(6));
        }
        SplitPane split = new SplitPane(left, middle, right);
        split.setOrientation(Orientation.HORIZONTAL);
        split.setDividerPositions(0.33, 0.7);
        setCenter(split);
    }

    private void buildCategoryTable() {
        categories.setId("dataset-categories");
        categories.getColumns().add(Columns.text("category", k -> report().catalogue().categoryName(k)));
        categories.getColumns().add(Columns.number("id", k -> (double) report().catalogue().categoryId(k), "%.0f"));
        categories.getColumns().add(Columns.number("AP", k -> report().summary().categoryAp(k, Double.NaN), "%.3f"));
        categories.getColumns().add(Columns.number("AP50", k -> report().summary().categoryAp(k, .5), "%.3f"));
        categories.getColumns().add(Columns.number("AP75", k -> report().summary().categoryAp(k, .75), "%.3f"));
        categories.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY);
    }

    private void buildCostTable() {
        costs.setId("dataset-costs");
        costs.getColumns().add(Columns.number("rank", i -> (double) rankOf(i) + 1, "%.0f"));
        costs.getColumns().add(Columns.text("image", this::imageName));
        costs.getColumns().add(Columns.number("cost", i -> report().cost().cost(i), "%.2f"));
        costs.getColumns().add(Columns.number("FP", i -> (double) report().cost().falsePositives(i), "%.0f"));
        costs.getColumns().add(Columns.number("missed", i -> (double) report().cost().misses(i), "%.0f"));
        costs.getColumns().add(Columns.number("ignored", i -> (double) report().tide().image(i).ignoredRows().length, "%.0f"));
        costs.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY);
        costs.setRowFactory(t -> {
            TableRow<Integer> row = new TableRow<>();
            row.setOnMouseClicked(e -> {
                if (!row.isEmpty()) {
                    open(row.getItem());
                }
            });
            return row;
        });
        costs.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER && costs.getSelectionModel().getSelectedItem() != null) {
                open(costs.getSelectionModel().getSelectedItem());
            }
        });
    }

    private int rankOf(int image) {
        CocoReport r = report();
        for (int k = 0; k < r.cost().images(); k++) {
            if (r.cost().ranked(k) == image) {
                return k;
            }
        }
        return -1;
    }

    private String imageName(int image) {
        String file = report().catalogue().fileName(image);
        return file != null ? file : "id " + report().catalogue().imageId(image);
    }

    private void choose(String title, boolean truth) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("COCO JSON", "*.json"));
        File f = chooser.showOpenDialog(getScene().getWindow());
        if (f == null) {
            return;
        }
        if (truth) {
            groundTruth = f.toPath();
        } else {
            results = f.toPath();
        }
        if (groundTruth != null && results != null) {
            evaluate(groundTruth, results, images, "bbox".equals(iouType.getValue()) ? IouType.BBOX : IouType.SEGM);
        } else {
            status.setText("now the " + (truth ? "results" : "ground truth"));
        }
    }

    /** Opens a bundled detector's results (assets/coco) with the bundled images. */
    public void openBundled(String detector) {
        CocoBundle.check(detector, "dataset");
        bundled.setValue(detector);
        if (running != null && CocoBundle.results(detector).equals(evaluating)) {
            return; // the combo's action, on the line above, has opened it
        }
        groundTruth = CocoBundle.groundTruth();
        results = CocoBundle.results(detector);
        images = CocoBundle.images();
        evaluate(groundTruth, results, images, IouType.BBOX);
    }

    /** Evaluates on a worker thread; the report replaces the shown one when it is done. */
    public void evaluate(Path gt, Path dt, Path imagesFolder, IouType type) {
        if (running != null) {
            running.cancel();
        }
        images = imagesFolder;
        evaluating = dt;
        Task<CocoReport> task = new Task<>() {
            @Override
            protected CocoReport call() throws Exception {
                return CocoReport.compute(gt, dt, type, (what, fraction) -> {
                    if (isCancelled()) {
                        throw new CancellationException();
                    }
                    updateMessage(what);
                    updateProgress(fraction, 1);
                });
            }
        };
        running = task;
        progress.progressProperty().bind(task.progressProperty());
        status.textProperty().bind(task.messageProperty());
        progress.setVisible(true);
        cancel.setVisible(true);
        task.setOnSucceeded(e -> finished(task, null));
        task.setOnFailed(e -> finished(task, task.getException() == null ? "failed"
                : task.getException().getMessage()));
        task.setOnCancelled(e -> finished(task, "cancelled"));
        Thread worker = new Thread(task, "coco-dataset-view");
        worker.setDaemon(true);
        worker.start();
    }

    private void finished(Task<CocoReport> task, String problem) {
        if (task != running) {
            return;
        }
        running = null;
        progress.progressProperty().unbind();
        status.textProperty().unbind();
        progress.setVisible(false);
        cancel.setVisible(false);
        if (problem != null) {
            status.setText(problem);
            return;
        }
        CocoReport r = task.getValue();
        report.set(r);
        status.setText(r.results().getFileName() + " on " + r.groundTruth().getFileName() + ": "
                + r.data().images() + " images, " + r.data().detections().size() + " detections");
        // pycocotools' lines, their long names shortened so that the numbers fit the column
        summary.setText(String.join("\n", r.summary().lines()).replace("Average Precision  (AP) @[ ", "AP @[ ")
                .replace("Average Recall     (AR) @[ ", "AR @[ "));
        headline.setText(DatasetHeadline.of(r, this::imageName));
        categories.setItems(FXCollections.observableArrayList(IntStream.range(0, r.data().categories()).boxed().toList()));
        Integer[] ranked = new Integer[r.cost().images()];
        Arrays.setAll(ranked, r.cost()::ranked);
        costs.setItems(FXCollections.observableArrayList(ranked));
        costs.getSortOrder().clear();
        charts.showTide(r);
        showCurves();
    }

    private void showCurves() {
        Integer k = categories.getSelectionModel().getSelectedItem();
        charts.showCurves(report(), k == null ? -1 : k, Math.max(0, Arrays.asList(DatasetCharts.AREAS).indexOf(area.getValue())));
    }

    /** Opens image {@code image} (an index into the report's sorted image ids) on the Boxes tab. */
    public void open(int image) {
        openImage.accept(new DatasetImage(report(), image, images));
    }

    public CocoReport report() {
        return report.get();
    }

    /** The shown report; null until one is evaluated. */
    public ReadOnlyObjectProperty<CocoReport> reportProperty() {
        return report.getReadOnlyProperty();
    }

    public TableView<Integer> costTable() {
        return costs;
    }

    public TableView<Integer> categoryTable() {
        return categories;
    }

    String headlineText() {
        return headline.getText();
    }

    /** The evaluation under way, if any (for tests and the window's status). */
    public boolean busy() {
        return running != null;
    }
}
