package org.losslab.app;

import java.util.Arrays;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import javafx.event.Event;
import javafx.geometry.Point2D;
import javafx.scene.Scene;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import org.losslab.app.seg.SegDocument;
import org.losslab.app.seg.SegmentationWorkspace;
import org.losslab.engine.frame.StandardScene;
import org.losslab.engine.seg.SegMode;
import org.losslab.engine.seg.SegmentationData;

/**
 * Drives the real segmentation workspace offscreen: mouse events on the canvas, one brush dab each,
 * timed from the event to the heatmap image and live values on screen (and, separately, to the full
 * table of every loss).
 */
public final class UiBenchmark {
    /** Medians in milliseconds. */
    public record Result(int dabs, double frameMedianMs, double tableMedianMs) {
    }

    private UiBenchmark() {
    }

    public static Result run(int size, int dabs) throws InterruptedException {
        Offscreen.start();
        StandardScene standard = new StandardScene(size);
        SegmentationWorkspace ws = Offscreen.onFx(() -> {
            SegDocument doc = new SegDocument(new SegmentationData(SegMode.BINARY, 1, size, size,
                    standard.logits.clone(), standard.target.clone()));
            SegmentationWorkspace w = new SegmentationWorkspace(doc);
            new Scene(w, 1280, 800);
            w.applyCss();
            w.layout();
            w.canvas().fit();
            return w;
        });
        try {
            waitShown(ws, Offscreen.onFx(() -> ws.document().revisionProperty().get()), true);
            Random random = new Random(2);
            double[] frame = new double[dabs];
            double[] table = new double[dabs];
            double y = size / 2.0;
            double x = size / 2.0;
            Offscreen.onFx(() -> fire(ws, MouseEvent.MOUSE_PRESSED, size / 2.0, size / 2.0));
            for (int k = -20; k < dabs; k++) {
                y = Math.min(size - 1, Math.max(0, y + random.nextGaussian() * 3));
                x = Math.min(size - 1, Math.max(0, x + random.nextGaussian() * 3));
                double py = y;
                double px = x;
                AtomicLong start = new AtomicLong();
                int revision = Offscreen.onFx(() -> {
                    start.set(System.nanoTime());
                    fire(ws, MouseEvent.MOUSE_DRAGGED, py, px);
                    return ws.document().revisionProperty().get();
                });
                long shown = waitShown(ws, revision, false);
                long tabled = waitShown(ws, revision, true);
                if (k >= 0) {
                    frame[k] = (shown - start.get()) / 1e6;
                    table[k] = (tabled - start.get()) / 1e6;
                }
            }
            Offscreen.onFx(() -> fire(ws, MouseEvent.MOUSE_RELEASED, size / 2.0, size / 2.0));
            return new Result(dabs, median(frame), median(table));
        } finally {
            Offscreen.onFx(() -> {
                ws.close();
                return null;
            });
        }
    }

    private static Object fire(SegmentationWorkspace ws, javafx.event.EventType<MouseEvent> type, double y, double x) {
        Point2D p = ws.canvas().toCanvas(x, y);
        MouseEvent e = new MouseEvent(type, p.getX(), p.getY(), p.getX(), p.getY(), MouseButton.PRIMARY, 1, false,
                false, false, false, true, false, false, true, false, false, null);
        Event.fireEvent(ws.canvas(), e);
        return null;
    }

    /** Waits until the heatmap (or with {@code table} the table) shows a revision; returns that moment. */
    private static long waitShown(SegmentationWorkspace ws, int revision, boolean table) throws InterruptedException {
        CountDownLatch latch = new CountDownLatch(1);
        AtomicLong when = new AtomicLong();
        Offscreen.onFx(() -> {
            var property = table ? ws.tableRevisionProperty() : ws.shownRevisionProperty();
            if (property.get() >= revision) {
                when.set(System.nanoTime());
                latch.countDown();
            } else {
                property.addListener(new javafx.beans.value.ChangeListener<Number>() {
                    @Override
                    public void changed(javafx.beans.value.ObservableValue<? extends Number> o, Number a, Number b) {
                        if (b.intValue() >= revision) {
                            when.set(System.nanoTime());
                            property.removeListener(this);
                            latch.countDown();
                        }
                    }
                });
            }
            return null;
        });
        if (!latch.await(60, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the workspace did not show revision " + revision);
        }
        return when.get();
    }

    static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }
}
