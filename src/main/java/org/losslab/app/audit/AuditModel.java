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
import org.losslab.engine.dataset.AggregateUse;
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
    /** A second predictions folder of the same cases (another model, another loss), compared with the first: run B. */
    private final ObjectProperty<Path> predictionsB = new SimpleObjectProperty<>(this, "predictionsB");
    /** Class 1 where a single probability map is >= it (maps of two classes or more are read by argmax). */
    private final DoubleProperty threshold = new SimpleDoubleProperty(this, "threshold", 0.5);
    private final DoubleProperty tolerance = new SimpleDoubleProperty(this, "tolerance", DatasetAudit.DEFAULT_TOLERANCE_MM);
    private final DoubleProperty progress = new SimpleDoubleProperty(this, "progress", 0);
    private final BooleanProperty running = new SimpleBooleanProperty(this, "running", false);
    private final StringProperty status = new SimpleStringProperty(this, "status");
    private final ObjectProperty<AuditResult> result = new SimpleObjectProperty<>(this, "result");
    /** Run B's audit, set with the result when run B's folder was given. */
    /** The aggregate whose rows the table marks (null: none). */
    private final ObjectProperty<AggregateUse> highlight = new SimpleObjectProperty<>(this, "highlight");
    private final ObjectProperty<AuditResult> resultB = new SimpleObjectProperty<>(this, "resultB");
    private final ObservableList<AuditRow> rows = FXCollections.observableArrayList();
    private final Consumer<Runnable> publish;
    private volatile AtomicBoolean cancelled = new AtomicBoolean();

    /** {@code publish} runs the background thread's updates where the properties may change. */
    public AuditModel(Consumer<Runnable> publish) {
        this.publish = publish;
        hintFolders(); // the status before any audit says what to choose, as it does while folders are chosen
    }

    /**
     * Starts auditing the two folders (files without a partner are listed in the status and left out); a run still
     * going is cancelled first and what it still reports is dropped (a lesson step opens folders while one runs).
     */
    public void start() {
        if (labels.get() == null || predictions.get() == null) {
            return;
        }
        cancelled.set(true);
        rows.clear();
        result.set(null);
        resultB.set(null);
        progress.set(0);
        running.set(true);
        status.set("Reading the folders...");
        AtomicBoolean flag = new AtomicBoolean();
        cancelled = flag;
        Path labelsFolder = labels.get();
        Path predictionsFolder = predictions.get();
        Path runB = predictionsB.get();
        FolderPair.Options options = new FolderPair.Options(threshold.get(), null, true);
        DatasetAudit.Settings settings = new DatasetAudit.Settings(0, tolerance.get(), Runtime.getRuntime().availableProcessors());
        Thread worker = new Thread(() -> run(labelsFolder, predictionsFolder, runB, options, settings, flag), "audit");
        worker.setDaemon(true);
        worker.start();
    }

    private void run(Path labelsFolder, Path predictionsFolder, Path runB, FolderPair.Options options, DatasetAudit.Settings settings,
            AtomicBoolean flag) {
        try {
            FolderPair pair = FolderPair.open(labelsFolder, predictionsFolder, options);
            int missing = pair.missing().size();
            double share = runB == null ? 1 : 0.5; // with run B, run A fills the first half of the bar
            AuditResult audit = DatasetAudit.run(pair, settings,
                    (r, done, total) -> publish(flag, () -> caseDone(r, done, total, share)), flag::get);
            AuditResult auditB = runB == null ? null : auditRunB(labelsFolder, runB, options, settings, flag);
            publish(flag, () -> {
                resultB.set(auditB);
                finished(audit, missing);
            });
        } catch (CancellationException e) {
            publish(flag, () -> stopped("Cancelled: " + rows.size() + " rows so far"));
        } catch (EngineException e) {
            publish(flag, () -> stopped(e.getMessage()));
        }
    }

    /** The same ground truth against run B's folder, in the second half of the bar; only the comparison views show it. */
    private AuditResult auditRunB(Path labelsFolder, Path runB, FolderPair.Options options, DatasetAudit.Settings settings,
            AtomicBoolean flag) {
        return DatasetAudit.run(FolderPair.open(labelsFolder, runB, options), settings, (r, done, total) -> publish(flag, () -> {
            progress.set(0.5 + 0.5 * done / total);
            status.set("Run B: audited " + done + " of " + total + " cases");
        }), flag::get);
    }

    /** Publishes an update of the run whose cancel flag is {@code flag}, unless another run has started since. */
    private void publish(AtomicBoolean flag, Runnable update) {
        publish.accept(() -> {
            if (cancelled == flag) {
                update.run();
            }
        });
    }

    /** Shows a finished (or partial) audit again as it was kept, without running it: a lesson gives the user's back. */
    void restore(AuditResult audit, List<AuditRow> kept, String text) {
        cancelled.set(true);
        cancelled = new AtomicBoolean(); // the run cancelled above reports nothing more
        rows.setAll(kept);
        result.set(audit);
        progress.set(audit != null ? 1 : 0);
        status.set(text);
        running.set(false);
    }

    private void caseDone(CaseResult r, int done, int total, double share) {
        for (int c = 1; c <= r.classes().length; c++) {
            rows.add(new AuditRow(r.name(), c, r.of(c)));
        }
        progress.set(share * done / total);
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
                + (missing > 0 ? "; " + missing + " files without a partner left out" : "")
                + (resultB.get() == null ? "" : "; run B: " + resultB.get().cases().size() + " cases"));
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

    public ObjectProperty<Path> predictionsBProperty() {
        return predictionsB;
    }

    public DoubleProperty thresholdProperty() {
        return threshold;
    }

    /** Before any audit: says which folder is still to choose, or that Audit can run. */
    void hintFolders() {
        if (running.get() || result.get() != null || !rows.isEmpty()) {
            return;
        }
        status.set(labels.get() == null ? "Choose a labels folder" + (predictions.get() == null ? " and a predictions folder" : "")
                : predictions.get() == null ? "Choose a predictions folder" : "Press Audit to score the cases");
    }

    /** The aggregate whose rows the table marks: those it averages plain, those it leaves out greyed and struck. */
    public ObjectProperty<AggregateUse> highlightProperty() {
        return highlight;
    }

    public ObjectProperty<AuditResult> resultBProperty() {
        return resultB;
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
