package org.losslab.app;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.losslab.app.WalkInput.drag;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.losslab.app.seg.SegmentationWorkspace;
import org.losslab.engine.maps.MapKind;
import org.losslab.engine.seg.SegmentationData;
import org.losslab.scene.Presets;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A seeded random walk of input on the real window: strokes, clicks, keys, the wheel, tab switches,
 * presets, undo/redo bursts, parameter edits, box drags, landscape and layer changes. No exception may
 * escape any thread; at the end the views agree with the document, and undoing a final run of edits
 * gives back exactly the scene it started from. {@code -Dlosslab.walk.events=N} makes it longer.
 */
@ExtendWith(ApplicationExtension.class)
class RandomWalkUiTest {
    private static final int EVENTS = Integer.getInteger("losslab.walk.events", 2000);
    private final List<Throwable> uncaught = Collections.synchronizedList(new ArrayList<>());
    private MainWindow window;
    private Scene scene;
    private Thread.UncaughtExceptionHandler previous;
    private WalkInput input;

    @Start
    void start(Stage stage) {
        previous = Thread.getDefaultUncaughtExceptionHandler();
        Thread.setDefaultUncaughtExceptionHandler((t, e) -> uncaught.add(e));
        Thread.currentThread().setUncaughtExceptionHandler((t, e) -> uncaught.add(e));
        window = new MainWindow();
        scene = new Scene(window, 1280, 800);
        window.installKeys(scene);
        input = new WalkInput(window, scene);
        stage.setScene(scene);
        stage.show();
    }

    @AfterEach
    void tearDown() {
        window.close();
        Thread.setDefaultUncaughtExceptionHandler(previous);
    }

    private void step(Random r) {
        SegmentationWorkspace seg = window.segmentation();
        switch (r.nextInt(14)) {
            case 0, 1, 2 -> drag(seg.canvas(), r, false);
            case 3 -> input.key(WalkInput.KEYS[r.nextInt(WalkInput.KEYS.length)], false);
            case 4 -> WalkInput.scroll(seg.canvas(), r);
            case 5 -> window.tabs().getSelectionModel().select(r.nextInt(window.tabs().getTabs().size()));
            case 6 -> {
                List<Presets.Preset> all = Presets.all();
                seg.loadPreset(all.get(r.nextInt(all.size())), 24 + r.nextInt(40));
            }
            case 7 -> {
                boolean back = r.nextBoolean();
                for (int k = 0, n = 1 + r.nextInt(15); k < n; k++) {
                    input.key(r.nextBoolean() ? KeyCode.Z : KeyCode.Y, true);
                }
                if (back) {
                    input.key(KeyCode.Z, true);
                }
            }
            case 8 -> input.editParameter(r);
            case 9 -> {
                window.tabs().getSelectionModel().select(2);
                window.detection().tabs().getSelectionModel().select(0);
                drag(window.detection().boxes().canvas(), r, r.nextInt(4) == 0);
            }
            case 10 -> window.detection().boxes().landscapeChoice().setValue(
                    window.detection().boxes().landscapeChoice().getItems().get(r.nextInt(5)));
            case 11 -> seg.layerChoice().setValue(MapKind.values().get(r.nextInt(MapKind.values().size())));
            case 12 -> seg.compareChoice().setValue(r.nextBoolean() ? null : MapKind.values().get(r.nextInt(MapKind.values().size())));
            default -> window.detection().tabs().getSelectionModel().select(r.nextInt(4));
        }
    }

    private void settle() throws Exception {
        var seg = window.segmentation();
        WaitForAsyncUtils.waitForFxEvents();
        try {
            WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> seg.shownRevisionProperty().get() == seg.document().revisionProperty().get()
                    && seg.tableRevisionProperty().get() == seg.document().revisionProperty().get());
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("the views did not catch up: document revision " + seg.document().revisionProperty().get()
                    + ", frame shown " + seg.shownRevisionProperty().get() + ", table " + seg.tableRevisionProperty().get()
                    + ", map " + seg.layerChoice().getValue() + ", message '" + seg.messageProperty().get() + "'", e);
        }
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void aLongRandomWalkRaisesNothingAndUndoGivesBackTheStart(FxRobot robot) throws Exception {
        Random r = new Random(20261129L);
        for (int e = 0; e < EVENTS; e++) {
            robot.interact(() -> step(r));
            if (e % 250 == 0) {
                assertEquals(List.of(), List.copyOf(uncaught), "after event " + e);
            }
        }
        settle();
        assertEquals(List.of(), List.copyOf(uncaught));
        // the views agree with the document once the workers are done
        var seg = window.segmentation();
        assertEquals(seg.document().revisionProperty().get(), seg.shownRevisionProperty().get());
        // a final run of edits undone step by step gives back exactly the scene it started from
        var doc = seg.document();
        SegmentationData startScene = doc.data();
        double[] startPrediction = startScene.prediction().clone();
        int[] startTarget = startScene.target().clone();
        int steps = 0;
        for (int e = 0; e < 150; e++) {
            long before = doc.stepsRecorded();
            robot.interact(() -> {
                window.tabs().getSelectionModel().select(0);
                switch (r.nextInt(3)) {
                    case 0 -> drag(seg.canvas(), r, false);
                    case 1 -> input.key(new KeyCode[] {KeyCode.T, KeyCode.P, KeyCode.B, KeyCode.E}[r.nextInt(4)], false);
                    default -> seg.loadPreset(Presets.all().get(r.nextInt(Presets.all().size())), 24 + r.nextInt(40));
                }
            });
            steps += (int) (doc.stepsRecorded() - before);
        }
        assertTrue(steps > 50, "edits made: " + steps);
        for (int k = 0; k < steps; k++) {
            robot.interact(seg::undo);
        }
        settle();
        assertTrue(doc.data() == startScene, "the same scene object is back");
        assertArrayEquals(startPrediction, doc.data().prediction(), 0.0);
        assertArrayEquals(startTarget, doc.data().target());
        assertEquals(List.of(), List.copyOf(uncaught));
    }
}
