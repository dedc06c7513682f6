package org.losslab.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.Map;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Slider;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.losslab.app.lesson.LessonPanel;
import org.losslab.engine.LossRegistry;
import org.losslab.engine.LossSpec;
import org.losslab.scene.Lesson;
import org.losslab.scene.Lessons;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Every bundled lesson, step by step, in the real window: each step's set-up is what the window then shows, and
 * each task with a condition is met by doing what it asks (dragging the parameter past its mark, the confidence
 * slider to the right, pressing Play).
 */
@ExtendWith(ApplicationExtension.class)
class LessonWalkUiTest {
    private MainWindow window;

    @Start
    void start(Stage stage) {
        window = new MainWindow();
        stage.setScene(new javafx.scene.Scene(window, 1280, 800));
        stage.show();
    }

    @AfterEach
    void tearDown() {
        window.close();
    }

    @Test
    void everyStepOfEveryLessonSetsTheWindowUpAndEveryTaskCanBeMet(FxRobot robot) throws Exception {
        int steps = 0;
        int tasks = 0;
        for (Lesson lesson : Lessons.all()) {
            LessonPanel[] panel = new LessonPanel[1];
            robot.interact(() -> panel[0] = window.openLesson(lesson.key()));
            for (int k = 0; k < lesson.steps().size(); k++) {
                int index = k;
                robot.interact(() -> panel[0].show(index));
                WaitForAsyncUtils.waitForFxEvents();
                Lesson.Step s = lesson.steps().get(k);
                String where = lesson.key() + " step " + (k + 1);
                checkSetUp(s, where);
                tasks += meetTask(robot, panel[0], s, where) ? 1 : 0;
                steps++;
            }
            robot.interact(window::closeLesson);
        }
        assertTrue(steps >= 33, "steps walked: " + steps);
        long conditions = Lessons.all().stream().flatMap(l -> l.steps().stream()).filter(s -> s.until() != null).count();
        assertEquals(conditions, tasks, "every task with a condition was met");
        assertTrue(tasks >= 3, "tasks met: " + tasks);
    }

    private void checkSetUp(Lesson.Step s, String where) {
        var seg = window.segmentation();
        if (s.workspace() != null) {
            assertEquals(s.workspace(), window.shown().key(), where + ": workspace");
        }
        if (s.preset() != null) {
            assertEquals(s.preset(), seg.document().preset(), where + ": preset");
        }
        if (s.map() != null) {
            assertEquals(s.map(), seg.layerChoice().getValue().key(), where + ": map");
        }
        if (s.select() != null) {
            assertEquals(s.select(), seg.selectedLossProperty().get(), where + ": selected entry");
        }
        if (s.plot() != null) {
            assertEquals(s.plot(), window.plots().currentPlot().key(), where + ": plot");
        }
        if (s.race() != null) {
            assertEquals(Lessons.racePreset(s.race(), where), window.detection().race().presetChoice().getValue(), where);
        }
        if (s.training() != null) {
            assertEquals(Lessons.trainingPreset(s.training(), where), window.training().sourceChoice().getValue(), where);
        }
        for (Map.Entry<String, Map<String, Object>> e : s.params().entrySet()) {
            for (Map.Entry<String, Object> p : e.getValue().entrySet()) {
                Object shown = seg.document().params(e.getKey()).raw(p.getKey());
                if (p.getValue() instanceof Number n) {
                    assertEquals(n.doubleValue(), ((Number) shown).doubleValue(), 1e-12, where + ": " + e.getKey() + "." + p.getKey());
                } else {
                    assertEquals(p.getValue(), shown, where + ": " + e.getKey() + "." + p.getKey());
                }
            }
        }
    }

    /** Does what the task asks; true when the step had a condition to meet (then it must be met). */
    private boolean meetTask(FxRobot robot, LessonPanel panel, Lesson.Step s, String where) throws Exception {
        if (s.task() != null && s.task().startsWith("press Play")) {
            boolean race = "detection".equals(window.shown().key());
            robot.clickOn(race ? "#race-play" : "#train-play");
            WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> race ? window.detection().race().iteration() > 3
                    : window.training().session() != null && window.training().session().steps() > 3);
            if (race) {
                robot.clickOn("Pause");
            } else {
                // pressed, not clicked: beside the docked lesson the training bar may run past a small window's edge
                javafx.scene.control.Button pause = robot.lookup("#train-pause").query();
                robot.interact(pause::fire);
            }
        }
        Lesson.Condition until = s.until();
        if (until == null) {
            return false;
        }
        var doc = window.segmentation().document();
        if (until.isParameter()) {
            String loss = until.what().substring(0, until.what().indexOf('.'));
            String param = until.what().substring(until.what().indexOf('.') + 1);
            double past = "below".equals(until.relation()) ? until.value() - 0.05 : until.value() + 0.05;
            LossSpec<?> spec = LossRegistry.get(loss);
            robot.interact(() -> doc.setParams(loss, doc.params(loss).with(loss, spec.params(), param, past)));
        } else if (s.task().contains("Confidence")) {
            // drag the thumb to the right end and let go, as often as it takes: each drag scales the logits up to x4
            Slider confidence = robot.lookup("#confidence-slider").query();
            for (int drag = 0; drag < 4 && !panel.runner().taskDone(); drag++) {
                javafx.scene.Node thumb = confidence.lookup(".thumb");
                javafx.geometry.Bounds track = confidence.localToScreen(confidence.getLayoutBounds());
                robot.drag(thumb, javafx.scene.input.MouseButton.PRIMARY).moveTo(
                        new javafx.geometry.Point2D(track.getMaxX() + 20, track.getCenterY())).release(
                        javafx.scene.input.MouseButton.PRIMARY);
                WaitForAsyncUtils.waitForFxEvents();
            }
        } else {
            fail(where + ": no automatic action for the task '" + s.task() + "' (teach this test how to do it)");
        }
        try {
            WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> panel.runner().taskDone());
        } catch (java.util.concurrent.TimeoutException e) {
            fail(where + ": the task '" + s.task() + "' is not met after doing it; " + until.what() + " reads "
                    + panel.runner().read(until.what()));
        }
        WaitForAsyncUtils.sleep(700, TimeUnit.MILLISECONDS); // the panel re-checks its task twice a second
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(panel.taskText().startsWith("Done:"), where + ": " + panel.taskText());
        return true;
    }
}
