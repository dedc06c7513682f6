package org.losslab.app.audit;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.losslab.engine.EngineException;
import org.losslab.engine.dataset.AuditResult;
import org.losslab.engine.dataset.CaseResult;
import org.losslab.engine.dataset.DatasetAudit;
import org.losslab.scene.FolderPair;

/**
 * The Audit workspace's state, as properties the views bind to: the two folders and the tolerance, the run's
 * progress and status, the rows of the table (filled as cases finish) and the finished result with its
 * aggregates. The audit itself runs on a background thread; what it reports reaches the properties through
 * {@code publish} (the JavaFX thread's {@code Platform::runLater} in the app).
 */
public final class AuditModel {
    private final ObjectProperty<Path> labels = new SimpleObjectProperty<>(this, "labels");
    private final ObjectProperty<Path> predictions = new SimpleObjectProperty<>(this, "predictions");
    private final DoubleProperty tolerance = new SimpleDoubleProperty(this, "tolerance", 1.0);
    private final DoubleProperty progress = new SimpleDoubleProperty(this, "progress", 0);
    private final BooleanProperty running = new SimpleBooleanProperty(this, "running", false);
    private final StringProperty status = new SimpleStringProperty(this, "status", "Choose a labels folder and a predictions folder");
    private final ObjectProperty<AuditResult> result = new SimpleObjectProperty<>(this, "result");
    private final ObservableList<AuditRow> rows = FXCollections.observableArrayList();
    private final Consumer<Runnable> publish;
    private volatile AtomicBoolean cancelled = new AtomicBoolean();

    /** {@code publish} runs the background thread's updates where the properties may change. */
    public AuditModel(Consumer<Runnable> publish) {
        this.publish = publish;
    }

    /** Starts auditing the two folders (files without a partner are listed in the status and left out). */
    public void start() {
        if (running.get() || labels.get() == null || predictions.get() == null) {
            return;
        }
        rows.clear();
        result.set(null);
        progress.set(0);
        running.set(true);
        status.set("Reading the folders...");
        AtomicBoolean flag = new AtomicBoolean();
        cancelled = flag;
        Path labelsFolder = labels.get();
        Path predictionsFolder = predictions.get();
        DatasetAudit.Settings settings = new DatasetAudit.Settings(0, tolerance.get(), Runtime.getRuntime().availableProcessors());
        Thread worker = new Thread(() -> run(labelsFolder, predictionsFolder, settings, flag), "audit");
        worker.setDaemon(true);
        worker.start();
    }

    private void run(Path labelsFolder, Path predictionsFolder, DatasetAudit.Settings settings, AtomicBoolean flag) {
        try {
            FolderPair pair = FolderPair.open(labelsFolder, predictionsFolder, new FolderPair.Options(0.5, null, true));
            int missing = pair.missing().size();
            AuditResult audit = DatasetAudit.run(pair, settings, (r, done, total) -> publish.accept(() -> caseDone(r, done, total)),
                    flag::get);
            publish.accept(() -> finished(audit, missing));
        } catch (CancellationException e) {
            publish.accept(() -> stopped("Cancelled: " + rows.size() + " rows so far"));
        } catch (EngineException e) {
            publish.accept(() -> stopped(e.getMessage()));
        }
    }

    private void caseDone(CaseResult r, int done, int total) {
        for (int c = 1; c <= r.classes().length; c++) {
            rows.add(new AuditRow(r.name(), c, r.of(c)));
        }
        progress.set((double) done / total);
        status.set("Audited " + done + " of " + total + " cases");
    }

    private void finished(AuditResult audit, int missing) {
        List<AuditRow> all = new ArrayList<>();
        for (CaseResult r : audit.cases()) {
            for (int c = 1; c <= audit.classes(); c++) {
                all.add(new AuditRow(r.name(), c, r.of(c)));
            }
        }
        rows.setAll(all); // every case with every class of the folder, absent ones included
        result.set(audit);
        progress.set(1);
        status.set(audit.cases().size() + " cases, classes 1-" + audit.classes()
                + (missing > 0 ? "; " + missing + " files without a partner left out" : ""));
        running.set(false); // last: whoever waits for the end sees everything else done
    }

    private void stopped(String message) {
        status.set(message);
        running.set(false);
    }

    /** Stops the audit after the cases being read. */
    public void cancel() {
        cancelled.set(true);
    }

    public ObjectProperty<Path> labelsProperty() {
        return labels;
    }

    public ObjectProperty<Path> predictionsProperty() {
        return predictions;
    }

    public DoubleProperty toleranceProperty() {
        return tolerance;
    }

    public DoubleProperty progressProperty() {
        return progress;
    }

    public BooleanProperty runningProperty() {
        return running;
    }

    public StringProperty statusProperty() {
        return status;
    }

    public ObjectProperty<AuditResult> resultProperty() {
        return result;
    }

    public ObservableList<AuditRow> rows() {
        return rows;
    }
}
