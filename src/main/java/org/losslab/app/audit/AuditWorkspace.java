package org.losslab.app.audit;

import java.io.File;
import java.nio.file.Path;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ObjectProperty;
import javafx.beans.value.ObservableStringValue;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Spinner;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.stage.DirectoryChooser;
import org.losslab.app.core.Workspace;
import org.losslab.scene.Scene;

/**
 * The Audit workspace: a labels folder against a predictions folder, the table of cases x classes filling as
 * cases finish (worst Dice first), the aggregates of nnU-Net, MONAI and smp beside it, a progress bar and Cancel.
 */
public final class AuditWorkspace implements Workspace {
    private final AuditModel model = new AuditModel(Platform::runLater);
    /** Built when the tab is first shown: the window's start builds only the shown workspace's view. */
    private BorderPane view;

    private BorderPane build() {
        BorderPane pane = new BorderPane();
        Button labels = new Button("Labels...");
        labels.setOnAction(e -> choose("Ground-truth folder", model.labelsProperty()));
        Button predictions = new Button("Predictions...");
        predictions.setOnAction(e -> choose("Predictions folder", model.predictionsProperty()));
        Spinner<Double> tolerance = new Spinner<>(0.0, 100.0, model.toleranceProperty().get(), 0.5);
        tolerance.setPrefWidth(80);
        tolerance.valueProperty().addListener((o, a, b) -> model.toleranceProperty().set(b));
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
        folders.textProperty().bind(Bindings.createStringBinding(() -> model.labelsProperty().get() + "  vs  "
                + model.predictionsProperty().get(), model.labelsProperty(), model.predictionsProperty()));
        HBox bar = new HBox(8, labels, predictions, new Label("NSD tolerance mm"), tolerance, run, cancel, progress, folders);
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
        pane.setCenter(table);
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

    @Override
    public Scene writeTo(Scene scene) {
        return scene;
    }

    @Override
    public void restoreFrom(Scene scene) {
        // the folders are not part of a scene yet
    }

    /** The folders and the tolerance the user set (the results are recomputed from them). */
    private record State(Path labels, Path predictions, double tolerance) {
    }

    @Override
    public Object saveState() {
        return new State(model.labelsProperty().get(), model.predictionsProperty().get(), model.toleranceProperty().get());
    }

    @Override
    public void restoreState(Object state) {
        State s = (State) state;
        model.labelsProperty().set(s.labels());
        model.predictionsProperty().set(s.predictions());
        model.toleranceProperty().set(s.tolerance());
    }

    @Override
    public ObservableStringValue status() {
        return model.statusProperty();
    }

    @Override
    public void close() {
        model.cancel();
    }
}
