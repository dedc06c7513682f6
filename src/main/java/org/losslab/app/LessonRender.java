package org.losslab.app;

import java.awt.image.BufferedImage;
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
        return WindowRender.render(w -> {
            // the window as the student sees it: the lesson docked beside the workspace, at the step
            w.openLesson(lesson).show(step - 1);
            if (presentation) {
                w.togglePresentation();
            }
        }, width, height);
    }
}
