package org.losslab.app.audit;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.value.ObservableStringValue;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Spinner;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.stage.DirectoryChooser;
import org.losslab.app.core.ViewSettings;
import org.losslab.app.core.Workspace;
import org.losslab.engine.dataset.AuditResult;
import org.losslab.engine.dataset.DatasetAudit;
import org.losslab.scene.Scene;

/**
 * The Audit workspace: a labels folder against a predictions folder, the table of cases x classes filling as
 * cases finish (worst Dice first), the aggregates of nnU-Net, MONAI and smp beside it, a progress bar and Cancel.
 */
public final class AuditWorkspace implements Workspace {
    private final AuditModel model = new AuditModel(Platform::runLater);
    private final AuditChoices choices = new AuditChoices();
    private final AuditSettings settings = new AuditSettings(model, choices);
    /** The spinners' views of the model's numbers: held here, as bidirectional bindings hold them only weakly. */
    private final ObjectProperty<Double> toleranceValue = model.toleranceProperty().asObject();
    private final ObjectProperty<Double> thresholdValue = model.thresholdProperty().asObject();
    private final CaseLinks links = new CaseLinks(model);
    /** Built when the tab is first shown: the window's start builds only the shown workspace's view. */
    private BorderPane view;

    /** An audit with its own NSD tolerance (the audit's default). */
    public AuditWorkspace() {
        this(new SimpleDoubleProperty(DatasetAudit.DEFAULT_TOLERANCE_MM));
    }

    /** An audit whose NSD tolerance is the window's one value, which the segmentation's volume view follows. */
    public AuditWorkspace(DoubleProperty nsdTolerance) {
        model.toleranceProperty().bindBidirectional(nsdTolerance);
    }

    private BorderPane build() {
        BorderPane pane = new BorderPane();
        Button labels = new Button("Labels...");
        labels.setOnAction(e -> choose("Ground-truth folder", model.labelsProperty()));
        Button predictions = new Button("Predictions...");
        predictions.setOnAction(e -> choose("Predictions folder", model.predictionsProperty()));
        Button runB = new Button("Run B...");
        runB.setId("audit-run-b");
        runB.setOnAction(e -> choose("Second predictions folder (run B), compared with the first", model.predictionsBProperty()));
        Spinner<Double> tolerance = new Spinner<>(0.0, 100.0, model.toleranceProperty().get(), 0.5);
        tolerance.setPrefWidth(80);
        tolerance.getValueFactory().valueProperty().bindBidirectional(toleranceValue);
        Spinner<Double> threshold = new Spinner<>(0.0, 1.0, model.thresholdProperty().get(), 0.05);
        threshold.setPrefWidth(80);
        threshold.getValueFactory().valueProperty().bindBidirectional(thresholdValue);
        threshold.setTooltip(new Tooltip("A single probability map (.npy) is class 1 where p >= this;"
                + " maps of two classes or more are read by argmax"));
        Button run = new Button("Audit");
        run.setId("audit-run");
        run.setOnAction(e -> model.start());
        run.disableProperty().bind(model.runningProperty().or(model.labelsProperty().isNull()).or(model.predictionsProperty().isNull()));
        Button cancel = new Button("Cancel");
        cancel.setId("audit-cancel");
        cancel.setOnAction(e -> model.cancel());
        cancel.disableProperty().bind(model.runningProperty().not());
        ProgressBar progress = new ProgressBar();
        progress.progressProperty().bind(model.progressProperty());
        Label folders = new Label();
        folders.textProperty().bind(Bindings.createStringBinding(() -> named(model.labelsProperty().get(), "labels: not chosen")
                + "  vs  " + named(model.predictionsProperty().get(), "predictions: not chosen")
                + (model.predictionsBProperty().get() == null ? "" : "  and B  " + model.predictionsBProperty().get()),
                model.labelsProperty(), model.predictionsProperty(), model.predictionsBProperty()));
        // the hint follows the folders until an audit says something else
        model.labelsProperty().addListener(o -> model.hintFolders());
        model.predictionsProperty().addListener(o -> model.hintFolders());
        AuditAnalysis analysis = new AuditAnalysis(model, choices);
        HBox bar = new HBox(8, labels, predictions, runB, new Label("NSD tolerance mm"), tolerance, new Label("Threshold"), threshold,
                run, cancel, new AuditExports(model, analysis).menu(), progress, folders);
        bar.setStyle("-fx-padding: 6; -fx-alignment: center-left");
        for (Node child : bar.getChildren()) {
            if (child instanceof Control control && child != folders) {
                control.setMinWidth(Control.USE_PREF_SIZE); // the folders' text gives way, not the buttons
            }
        }
        folders.setMinWidth(0);
        pane.setTop(bar);
        AuditTable table = new AuditTable(model);
        table.setId("audit-table");
        TableSort.bind(table, choices.sortProperty());
        links.install(table);
        SplitPane split = new SplitPane(table, analysis);
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.45);
        pane.setCenter(split);
        pane.setRight(new AggregatesView(model));
        return pane;
    }

    private void choose(String title, ObjectProperty<Path> folder) {
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle(title);
        File chosen = chooser.showDialog(view.getScene() == null ? null : view.getScene().getWindow());
        if (chosen != null) {
            folder.set(chosen.toPath());
        }
    }

    /** The model the views are bound to. */
    public AuditModel model() {
        return model;
    }

    /** The table's links to the Segmentation workspace (a row opens its case; coming back selects it again). */
    public CaseLinks links() {
        return links;
    }

    /** Audits two folders (a lesson step's): nothing to do when they are the ones audited or being audited. */
    public void audit(java.nio.file.Path labels, java.nio.file.Path predictions) {
        if (!labels.equals(model.labelsProperty().get()) || !predictions.equals(model.predictionsProperty().get())
                || !model.runningProperty().get() && model.resultProperty().get() == null) {
            model.labelsProperty().set(labels);
            model.predictionsProperty().set(predictions);
            model.start();
        }
    }

    @Override
    public String title() {
        return "Audit";
    }

    @Override
    public String key() {
        return "audit";
    }

    @Override
    public Node node() {
        if (view == null) {
            view = build();
        }
        return view;
    }

    @Override
    public void undo() {
        // nothing to undo: the audit only reads
    }

    @Override
    public void redo() {
        // nothing to redo
    }

    /** What the user chose to look at (compared metric, scatter axes, table sort). */
    public AuditChoices choices() {
        return choices;
    }

    @Override
    public void sceneFile(Path file) {
        settings.sceneFile(file);
    }

    @Override
    public Scene writeTo(Scene scene) {
        return settings.view().writeTo(scene);
    }

    /** Takes the scene's audit settings; a scene that has them audits its folders again (the results are not saved). */
    @Override
    public void restoreFrom(Scene scene) {
        settings.view().restoreFrom(scene);
        if (ViewSettings.appBlock(scene).has(AuditSettings.KEY)) {
            startIfReady();
        }
    }

    private void startIfReady() {
        Path labels = model.labelsProperty().get();
        Path predictions = model.predictionsProperty().get();
        if (labels != null && predictions != null && Files.isDirectory(labels) && Files.isDirectory(predictions)) {
            model.start();
        }
    }

    /**
     * The settings the user set (as the scene file keeps them) and the audit on screen, so that a lesson's audit
     * does not replace it: given back, it is shown again as it was, without running.
     */
    private record State(JsonNode settings, AuditResult result, AuditResult resultB, List<AuditRow> rows, String status) {
    }

    @Override
    public void markSaved() {
        settings.view().markSaved();
    }

    @Override
    public void openedFrom(Scene opened) {
        settings.view().takeBaselineFrom(opened);
    }

    /** The folders, numbers and choices the user set, as the scene file keeps them (the results are recomputed from them). */
    @Override
    public Object saveState() {
        return new State(settings.toJson(), model.resultProperty().get(), model.resultBProperty().get(),
                List.copyOf(model.rows()), model.statusProperty().get());
    }

    @Override
    public void restoreState(Object state) {
        State s = (State) state;
        settings.view().apply(s.settings());
        model.restore(s.result(), s.rows(), s.status());
        model.resultBProperty().set(s.resultB());
    }

    @Override
    public ObservableStringValue status() {
        return model.statusProperty();
    }

    @Override
    public void close() {
        model.cancel();
    }

    private static String named(Path folder, String none) {
        return folder == null ? none : folder.toString();
    }
}
