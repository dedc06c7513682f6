package org.losslab.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.losslab.app.train.TrainingWorkspace;
import org.losslab.scene.Presets;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Issue 24's "done when": the Training workspace trained for 20,000 steps in the window keeps a bounded record.
 * Two losses on the smallest canvas the window makes (32 x 32) with the logits model, the fastest: the used
 * heap after a full collection, measured every 2,000 steps, grows by far less than keeping every step's
 * parameters would take (1,024 doubles x 2 losses x 19,000 steps = 311 MB; the bound is a quarter of that),
 * and stays under 2 GB. {@code -Dlosslab.train.steps=N} trains longer.
 */
@ExtendWith(ApplicationExtension.class)
class TrainingMemoryUiTest {
    private static final int STEPS = Integer.getInteger("losslab.train.steps", 20_000);
    private static final int SIDE = 32;
    private static final List<String> LOSSES = List.of("bce", "dice");
    private static final long TWO_GB = 2L << 30;
    private MainWindow window;
    private TrainingWorkspace ws;

    @Start
    void start(Stage stage) {
        window = new MainWindow();
        ws = window.training();
        stage.setScene(new javafx.scene.Scene(window, 1400, 880));
        stage.show();
    }

    @AfterEach
    void tearDown() {
        window.close();
    }

    /**
     * Used heap after a full collection: the least of three, each after the window's pending work (a frame drawn
     * between a collection and the reading can hold a few hundred megabytes for a moment).
     */
    private static long usedAfterGc() {
        var memory = ManagementFactory.getMemoryMXBean();
        long least = Long.MAX_VALUE;
        for (int k = 0; k < 3; k++) {
            WaitForAsyncUtils.waitForFxEvents();
            memory.gc();
            least = Math.min(least, memory.getHeapMemoryUsage().getUsed());
        }
        return least;
    }

    private void trainTo(FxRobot robot, int steps) throws Exception {
        while (ws.session().steps() < steps) {
            int batch = Math.min(500, steps - ws.session().steps());
            robot.interact(() -> ws.advance(batch));
            WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> !ws.training());
            WaitForAsyncUtils.waitForFxEvents();
        }
    }

    @Test
    void twentyThousandStepsKeepABoundedRecord(FxRobot robot) throws Exception {
        robot.interact(() -> {
            window.segmentation().loadPreset(Presets.standard(), SIDE);
            window.tabs().getSelectionModel().select(window.workspaces().indexOf(ws));
            ws.sourceChoice().setValue(ws.sourceChoice().getItems().get(0)); // the painted (segmentation) scene
            for (int l = 0; l < 4; l++) {
                ws.lossField(l).setText(l < LOSSES.size() ? LOSSES.get(l) : "");
            }
            ws.reset();
        });
        assertNotNull(ws.session(), ws.status().get());
        assertEquals(SIDE * SIDE, ws.session().scene().pixels());
        assertEquals(LOSSES.size(), ws.session().contestants().size());
        assertEquals("logits", ws.session().modelName());
        // the player too, a few frames of it, as a user would start it
        robot.clickOn("#train-play");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> ws.session().steps() >= 20);
        robot.clickOn("#train-pause");
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> !ws.training());
        trainTo(robot, 1_000);
        long base = usedAfterGc();
        List<String> figures = new ArrayList<>();
        long most = base;
        for (int target = 2_000; target <= STEPS; target += 2_000) {
            trainTo(robot, target);
            long used = usedAfterGc();
            most = Math.max(most, used);
            figures.add(ws.session().steps() + ": " + (used >> 20) + " MB");
        }
        System.out.println("TrainingMemoryUiTest used heap after GC, from " + (base >> 20) + " MB at step 1000: " + figures);
        assertEquals(STEPS, ws.step(), "the timeline follows the newest step");
        long perStepParameters = (long) SIDE * SIDE * Double.BYTES * LOSSES.size() * (STEPS - 1_000);
        assertTrue(most - base < perStepParameters / 4, "the heap grew by " + ((most - base) >> 20)
                + " MB over the run; the bound is a quarter of every step's parameters, " + (perStepParameters >> 20) + " MB: " + figures);
        assertTrue(most < TWO_GB, "used heap " + (most >> 20) + " MB: " + figures);
        // the timeline still goes back to an early step exactly as the run was
        robot.interact(() -> ws.timeline().setValue(10));
        assertEquals(10, ws.step());
    }
}
