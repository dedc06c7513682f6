package org.losslab.app;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.event.Event;
import javafx.event.EventType;
import javafx.geometry.Point2D;
import javafx.scene.Scene;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.stage.Stage;
import org.losslab.app.core.Offscreen;
import org.losslab.app.seg.SegmentationWorkspace;
import org.losslab.engine.frame.StandardScene;
import org.losslab.engine.seg.SegMode;
import org.losslab.engine.seg.SegmentationData;

/**
 * Times painting as the user sees it: the real window (MainWindow, shown on the display when there is
 * one, else on Monocle's headless screen), a brush stroke of mouse-drag events arriving one every 8 ms
 * (a fast mouse), and for each event the time from its arrival until the JavaFX pulse that lays out and
 * hands to the renderer the first frame whose heatmap and live values include it (a post-layout pulse
 * listener of the scene). The table of every loss keeps computing alongside, as in the app.
 */
public final class UiBenchmark {
    /** Milliseconds from an event to the pulse that shows it. */
    public record Result(int dabs, boolean display, double medianMs, double p95Ms, double maxMs) {
    }

    /** Between two drag events: a mouse reporting at 125 Hz. */
    static final long CADENCE_NANOS = 8_000_000L;

    private UiBenchmark() {
    }


    /** One event: when it arrived, and the document revision it made. */
    private static final class Dab {
        final long arrived;
        int revision = Integer.MAX_VALUE;
        long shown;

        Dab(long arrived) {
            this.arrived = arrived;
        }
    }

    public static Result run(int size, int dabs) throws InterruptedException {
        boolean display = Offscreen.startWithDisplayIfAny();
        StandardScene standard = new StandardScene(size);
        MainWindow window = Offscreen.onFx(() -> {
            MainWindow w = new MainWindow();
            w.segmentation().document().replace(new SegmentationData(SegMode.BINARY, 1, size, size,
                    standard.logits.clone(), standard.target.clone()), "");
            Stage stage = new Stage();
            stage.setScene(new Scene(w, 1280, 800));
            stage.show();
            w.segmentation().canvas().fit();
            return w;
        });
        SegmentationWorkspace ws = window.segmentation();
        List<Dab> all = new ArrayList<>();
        CountDownLatch finished = new CountDownLatch(1);
        // first the window settles (first layout, first frame, first table), then 3 s of strokes warm
        // the JIT up, as in the frame benchmark; only the dabs after that are timed
        waitSettled(ws);
        int warmUp = (int) (3_000_000_000L / CADENCE_NANOS);
        Offscreen.onFx(() -> {
            ws.getScene().addPostLayoutPulseListener(() -> {
                int shown = ws.shownRevisionProperty().get();
                long now = System.nanoTime();
                for (Dab d : all) {
                    if (d.shown == 0 && d.revision <= shown) {
                        d.shown = now;
                    }
                }
                if (all.size() == warmUp + dabs && all.stream().allMatch(d -> d.shown != 0)) {
                    finished.countDown();
                }
            });
            fire(ws, MouseEvent.MOUSE_PRESSED, size / 2.0, size / 2.0);
            return null;
        });
        ScheduledExecutorService mouse = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "losslab-bench-mouse");
            t.setDaemon(true);
            return t;
        });
        Random random = new Random(2);
        double[] position = {size / 2.0, size / 2.0};
        mouse.scheduleAtFixedRate(() -> {
            position[0] = Math.min(size - 1, Math.max(0, position[0] + random.nextGaussian() * 3));
            position[1] = Math.min(size - 1, Math.max(0, position[1] + random.nextGaussian() * 3));
            double y = position[0];
            double x = position[1];
            Dab dab = new Dab(System.nanoTime());
            Platform.runLater(() -> {
                if (all.size() < warmUp + dabs) {
                    all.add(dab);
                    fire(ws, MouseEvent.MOUSE_DRAGGED, y, x);
                    dab.revision = ws.document().revisionProperty().get();
                }
            });
        }, 0, CADENCE_NANOS, TimeUnit.NANOSECONDS);
        try {
            if (!finished.await(10, TimeUnit.MINUTES)) {
                throw new IllegalStateException("the window did not show every dab");
            }
        } finally {
            mouse.shutdownNow();
            Offscreen.onFx(() -> {
                fire(ws, MouseEvent.MOUSE_RELEASED, size / 2.0, size / 2.0);
                window.close();
                ((Stage) ws.getScene().getWindow()).close();
                return null;
            });
        }
        double[] ms = all.subList(warmUp, all.size()).stream().mapToDouble(d -> (d.shown - d.arrived) / 1e6).toArray();
        Arrays.sort(ms);
        return new Result(dabs, display, percentile(ms, 0.5), percentile(ms, 0.95), ms[ms.length - 1]);
    }

    /** Waits until the window shows the document's revision in both the heatmap and the table. */
    private static void waitSettled(SegmentationWorkspace ws) throws InterruptedException {
        long until = System.nanoTime() + 60_000_000_000L;
        while (System.nanoTime() < until) {
            boolean settled = Offscreen.onFx(() -> {
                int revision = ws.document().revisionProperty().get();
                return ws.shownRevisionProperty().get() >= revision && ws.tableRevisionProperty().get() >= revision;
            });
            if (settled) {
                return;
            }
            Thread.sleep(20);
        }
        throw new IllegalStateException("the window did not show its first frame");
    }

    private static void fire(SegmentationWorkspace ws, EventType<MouseEvent> type, double y, double x) {
        Point2D p = ws.canvas().toCanvas(x, y);
        MouseEvent e = new MouseEvent(type, p.getX(), p.getY(), p.getX(), p.getY(), MouseButton.PRIMARY, 1, false,
                false, false, false, true, false, false, true, false, false, null);
        Event.fireEvent(ws.canvas(), e);
    }

    /** The q-quantile of sorted values (nearest rank). */
    static double percentile(double[] sorted, double q) {
        int rank = (int) Math.ceil(q * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }
}
