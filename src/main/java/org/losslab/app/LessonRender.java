package org.losslab.app;

import java.awt.image.BufferedImage;
import javafx.scene.Scene;
import org.losslab.engine.EngineException;
import org.losslab.scene.Lesson;
import org.losslab.scene.LessonCheck;
import org.losslab.scene.Lessons;

/**
 * Draws the window as a lesson step sets it up, offscreen, for slides: the lesson docked at its side at that
 * step (the steps before it applied in order, each building on the last), then the picture is taken once the
 * maps, the table and the plot are computed.
 */
public final class LessonRender {
    private LessonRender() {
    }

    /** @param step 1-based, as the lesson panel counts */
    public static BufferedImage render(String key, int step, int width, int height, boolean presentation)
            throws InterruptedException {
        return render(Lessons.bundled(key), step, width, height, presentation);
    }

    /** A lesson read from a file (a teacher's own) or bundled; {@code step} is 1-based. */
    public static BufferedImage render(Lesson lesson, int step, int width, int height, boolean presentation)
            throws InterruptedException {
        if (step < 1 || step > lesson.steps().size()) {
            throw new EngineException("lesson " + lesson.key() + " has steps 1 to " + lesson.steps().size());
        }
        Offscreen.start();
        MainWindow window = Offscreen.onFx(() -> {
            MainWindow w = new MainWindow();
            new Scene(w, width, height);
            // the tab pane's skin puts every workspace in the scene: without it a workspace's requests go nowhere
            w.applyCss();
            w.layout();
            // the window as the student sees it: the lesson docked beside the workspace, at the step
            w.openLesson(lesson).show(step - 1);
            if (presentation) {
                w.togglePresentation();
            }
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

    /** Whether the frame and the table show the scene's latest revision and every requested plot is drawn. */
    private static boolean settled(MainWindow w) {
        var seg = w.segmentation();
        int revision = seg.document().revisionProperty().get();
        return seg.shownRevisionProperty().get() == revision && seg.tableRevisionProperty().get() == revision
                && w.plots().drawnProperty().get() >= w.plots().requests() && w.detection().race().current();
    }
}
