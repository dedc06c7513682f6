package org.losslab.app.seg;

import java.util.Locale;
import java.util.function.Supplier;
import javafx.animation.Animation;
import javafx.animation.PauseTransition;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.util.Duration;
import org.losslab.app.core.FxLatest;

/**
 * Feeds the segmentation workspace's two workers, the frame (the maps and live values, on every edit) and the table
 * (every loss of the registry, throttled), and keeps what is on screen: the newest frame and the revisions shown.
 */
final class FramePipeline implements AutoCloseable {
    static final int TABLE_INTERVAL_MS = 250;

    /** Where the results go, on the JavaFX thread. */
    interface Screen {
        /** The map could not be computed for this scene, for this reason. */
        void frameFailed(String why);

        /** Draws a frame and returns it as shown, out of the worker's arrays (see {@link CanvasArea#detached}). */
        FrameResult draw(FrameResult r);

        /** After a frame is on screen (the cursor's read-out follows it). */
        void frameShown();

        /** Shows the values of every loss. */
        void table(TableWorker.Table t);

        /** After the table is on screen (the read-outs that follow the selected loss are computed again). */
        void tableShown();
    }

    private final SegDocument doc;
    private final Supplier<FrameWorker.View> view;
    private final Screen screen;
    private final FrameWorker frames;
    private final TableWorker tables;
    private final StringProperty frameText = new SimpleStringProperty(this, "frameText", "");
    private final ReadOnlyIntegerWrapper shownRevision = new ReadOnlyIntegerWrapper(this, "shownRevision", -1);
    private final ReadOnlyIntegerWrapper tableRevision = new ReadOnlyIntegerWrapper(this, "tableRevision", -1);
    private final SimpleObjectProperty<FrameResult> lastFrame = new SimpleObjectProperty<>(this, "lastFrame");
    private final PauseTransition tableTimer = new PauseTransition(Duration.millis(TABLE_INTERVAL_MS));
    private int tableRequested = -1;

    FramePipeline(SegDocument doc, Supplier<FrameWorker.View> view, Screen screen) {
        this.doc = doc;
        this.view = view;
        this.screen = screen;
        frames = new FrameWorker(new FxLatest<>(this::showFrame, r -> r.release().run()));
        tables = new TableWorker(new FxLatest<>(this::showTable));
        tableTimer.setOnFinished(e -> submitTable());
    }

    /** Computes the frame of the scene as it is now; {@code box} bounds the pixels an edit changed (null: all). */
    void submit(int[] box) {
        if (box == null) {
            frames.submitScene(doc.snapshot(), view.get(), doc.revisionProperty().get());
        } else {
            frames.submitBox(doc.data(), box, view.get(), doc.revisionProperty().get());
        }
    }

    /**
     * The table follows the frame: it starts once the heatmap is on screen, so that it never delays it,
     * and while the user paints it is recomputed at most every {@link #TABLE_INTERVAL_MS} ms (the whole
     * registry takes tens of milliseconds on a large scene: every frame would starve the brush). The last
     * state of a stroke is always computed.
     */
    private void submitTable() {
        if (tableTimer.getStatus() == Animation.Status.RUNNING) {
            return; // the timer submits the newest revision when it fires
        }
        int revision = doc.revisionProperty().get();
        if (revision != tableRequested) {
            tableRequested = revision;
            tables.submit(doc.snapshot(), doc.params(), revision);
            tableTimer.playFromStart();
        }
    }

    /**
     * The frame on screen: the canvases draw from its arrays (not copies of them), which go back to the worker once
     * the next frame is on screen (a copy of each layer of a 4096 x 4096 scene was 64 MB more).
     */
    private FrameResult held;

    private void showFrame(FrameResult r) {
        if (r.heatmap() == null) {
            r.release().run();
            screen.frameFailed(r.failure());
            // the window shows this revision's state, a map that cannot be computed for it: nothing newer is coming
            if (r.revision() > shownRevision.get()) {
                shownRevision.set(r.revision());
            }
            submitTable();
            return;
        }
        if (r.target().length != doc.data().pixels() || r.revision() < shownRevision.get()) {
            r.release().run();
            return; // computed for an older scene or state: a newer frame is coming
        }
        FrameResult shown = screen.draw(r);
        if (held != null) {
            held.release().run();
        }
        held = r;
        frameText.set(String.format(Locale.ROOT, "frame %.1f ms", r.millis()));
        lastFrame.set(shown);
        shownRevision.set(r.revision());
        screen.frameShown();
        submitTable();
    }

    private void showTable(TableWorker.Table t) {
        if (t.revision() < tableRevision.get()) {
            return;
        }
        screen.table(t);
        tableRevision.set(t.revision());
        screen.tableShown();
    }

    StringProperty frameTextProperty() {
        return frameText;
    }

    ReadOnlyIntegerProperty shownRevisionProperty() {
        return shownRevision.getReadOnlyProperty();
    }

    ReadOnlyIntegerProperty tableRevisionProperty() {
        return tableRevision.getReadOnlyProperty();
    }

    /** The frame on screen (null before the first). */
    FrameResult lastFrame() {
        return lastFrame.get();
    }

    @Override
    public void close() {
        tableTimer.stop();
        frames.close();
        tables.close();
    }
}
