package org.losslab.app;

import java.awt.image.BufferedImage;
import java.util.function.Consumer;
import org.losslab.app.core.Offscreen;
import org.losslab.scene.Scene;

/**
 * Draws the whole window offscreen as a set-up leaves it (a lesson step, a shared view): the picture is taken once
 * the maps, the table, the plots and the race show the latest state — exactly what the window would show.
 */
public final class WindowRender {
    private WindowRender() {
    }

    /** The window of a shared view file (or any scene) as opening it shows it. */
    public static BufferedImage render(Scene scene, int width, int height) throws InterruptedException {
        return render(w -> w.showScene(scene), width, height);
    }

    /** A fresh window of that size, set up by {@code setUp} on the JavaFX thread, then drawn. */
    static BufferedImage render(Consumer<MainWindow> setUp, int width, int height) throws InterruptedException {
        Offscreen.start();
        MainWindow window = Offscreen.onFx(() -> {
            MainWindow w = new MainWindow();
            new javafx.scene.Scene(w, width, height);
            // the tab pane's skin puts every workspace in the scene: without it a workspace's requests go nowhere
            w.applyCss();
            w.layout();
            setUp.accept(w);
            w.applyCss();
            w.layout();
            return w;
        });
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (System.nanoTime() < deadline && !Offscreen.onFx(() -> settled(window))) {
            Thread.sleep(100);
        }
        // the race and the training worker report through the JavaFX queue: one more moment for them
        Thread.sleep(1500);
        try {
            return Offscreen.onFx(() -> {
                window.segmentation().canvas().fit();
                return Offscreen.snapshot(window, width, height);
            });
        } finally {
            Offscreen.onFx(() -> {
                window.close();
                return null;
            });
        }
    }

    /**
     * Whether the frame and the table show the scene's latest revision, every requested plot is drawn, the boxes
     * tab and the race show the latest boxes and an open lesson's captions have their numbers.
     */
    private static boolean settled(MainWindow w) {
        var seg = w.segmentation();
        int revision = seg.document().revisionProperty().get();
        return seg.shownRevisionProperty().get() == revision && seg.tableRevisionProperty().get() == revision
                && w.plots().drawnProperty().get() >= w.plots().requests() && w.detection().race().current()
                && w.detection().boxes().current() && w.lessonValuesShown();
    }
}
