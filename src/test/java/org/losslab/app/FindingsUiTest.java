package org.losslab.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.event.Event;
import javafx.scene.Scene;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.losslab.engine.seg.SegMode;
import org.losslab.engine.seg.SegmentationData;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The window's findings of the robustness review, one test each: each used to throw. */
@ExtendWith(ApplicationExtension.class)
class FindingsUiTest {
    private final List<Throwable> uncaught = Collections.synchronizedList(new ArrayList<>());
    private MainWindow window;
    private Thread.UncaughtExceptionHandler previous;

    @Start
    void start(Stage stage) {
        previous = Thread.getDefaultUncaughtExceptionHandler();
        Thread.setDefaultUncaughtExceptionHandler((t, e) -> uncaught.add(e));
        Thread.currentThread().setUncaughtExceptionHandler((t, e) -> uncaught.add(e));
        window = new MainWindow();
        stage.setScene(new Scene(window, 1280, 800));
        stage.show();
    }

    @AfterEach
    void tearDown() {
        window.close();
        Thread.setDefaultUncaughtExceptionHandler(previous);
    }

    /** A mouse event at local (x, y) of a node (events carry scene coordinates, from which the node's are derived). */
    private static void mouse(javafx.scene.Node node, javafx.event.EventType<MouseEvent> type, double x, double y, boolean shortcut) {
        javafx.geometry.Point2D scene = node.localToScene(x, y);
        Event.fireEvent(node, new MouseEvent(type, scene.getX(), scene.getY(), scene.getX(), scene.getY(), MouseButton.PRIMARY, 1,
                false, shortcut, false, false, true, false, false, true, false, false, null));
    }

    @Test
    void aBoxDrawnOnASqueezedCanvasStaysNearTheField(FxRobot robot) {
        robot.interact(() -> window.tabs().getSelectionModel().select(2));
        var canvas = window.detection().boxes().canvas();
        var doc = window.detection().document();
        int before = doc.predictions().size();
        robot.interact(() -> {
            // the random walk squeezed the window until the canvas was a few pixels high: the scale neared 0
            canvas.resize(canvas.getWidth(), 0.5);
            mouse(canvas, MouseEvent.MOUSE_PRESSED, canvas.getWidth() - 2, 0.4, false);
            for (int k = 1; k <= 5; k++) {
                mouse(canvas, MouseEvent.MOUSE_DRAGGED, canvas.getWidth() + 400 * k, 200.0 * k, false);
            }
            mouse(canvas, MouseEvent.MOUSE_RELEASED, canvas.getWidth() + 2000, 1000, false);
        });
        for (var box : doc.predictions()) {
            assertTrue(box.x2() <= 2 * org.losslab.app.detect.BoxDocument.FIELD + 1 && box.y2() <= 2 * org.losslab.app.detect.BoxDocument.FIELD + 1
                    && box.x1() >= -org.losslab.app.detect.BoxDocument.FIELD, "a box within a field of the field: " + box);
        }
        assertTrue(doc.predictions().size() >= before);
        assertEquals(List.of(), List.copyOf(uncaught));
    }

    @Test
    void landscapeNoneDrawsTheBoxesWithoutALandscape(FxRobot robot) {
        robot.interact(() -> window.tabs().getSelectionModel().select(2));
        var boxes = window.detection().boxes();
        robot.interact(() -> boxes.landscapeChoice().setValue("none"));
        robot.interact(() -> boxes.canvas().redraw());
        assertNull(boxes.canvas().shownLandscape());
        assertEquals(List.of(), List.copyOf(uncaught));
    }

    @Test
    void aShortcutDragStartingOnAGroundTruthPairsAndMovesNothing(FxRobot robot) {
        robot.interact(() -> window.tabs().getSelectionModel().select(2));
        var canvas = window.detection().boxes().canvas();
        var doc = window.detection().document();
        var before = doc.predictions();
        var truth = doc.truths().get(1);
        // inside the ground truth, outside every prediction (those are picked first)
        double[] at = canvas.toCanvas(truth.x2() - 3, truth.y1() + 5);
        robot.interact(() -> {
            mouse(canvas, MouseEvent.MOUSE_PRESSED, at[0], at[1], true);
            for (int k = 1; k <= 5; k++) {
                mouse(canvas, MouseEvent.MOUSE_DRAGGED, at[0] + 6 * k, at[1] + 4 * k, true);
            }
            mouse(canvas, MouseEvent.MOUSE_RELEASED, at[0] + 30, at[1] + 20, true);
        });
        assertEquals(before, doc.predictions(), "no prediction moved, none drawn");
        assertEquals(1, doc.pairing()[0], "the selected prediction is paired with the ground truth clicked");
        assertEquals(List.of(), List.copyOf(uncaught));
    }

    @Test
    void undoRedoBurstsAcrossScenesOfOtherSizesWhileFramesComputeThrowNothing(FxRobot robot) throws Exception {
        var doc = window.segmentation().document();
        robot.interact(() -> doc.replace(new SegmentationData(SegMode.BINARY, 1, 13, 17, new double[13 * 17], new int[13 * 17]), ""));
        for (int burst = 0; burst < 30; burst++) {
            robot.interact(() -> {
                for (int k = 0; k < 7; k++) {
                    doc.undo();
                    doc.redo();
                    doc.undo();
                }
                doc.redo();
            });
        }
        var ws = window.segmentation();
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> ws.shownRevisionProperty().get() == doc.revisionProperty().get());
        assertEquals(13 * 17, ws.canvas().composedPixels().length, "the canvas shows the scene that is there");
        assertEquals(List.of(), List.copyOf(uncaught));
    }

    @Test
    void aLargeSceneOpensInTheBackgroundWhileTheWindowStaysUsable(FxRobot robot, @TempDir Path dir) throws Exception {
        Path file = dir.resolve("scene.json");
        robot.interact(() -> window.saveTo(file));
        Files.writeString(file, Files.readString(file)); // a scene of the example's size
        List<String> said = Collections.synchronizedList(new ArrayList<>());
        robot.interact(() -> {
            window.segmentation().messageProperty().addListener((o, a, b) -> said.add(b));
            window.openInBackground(file);
            // the call returns at once, before the file is read: the window is free for other work
            said.add("returned");
        });
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> said.stream().anyMatch(m -> m.startsWith("Opened")));
        assertTrue(said.get(0).startsWith("Opening"), said.toString());
        assertEquals("returned", said.get(1), "nothing was opened before the call returned: " + said);
        assertEquals(List.of(), List.copyOf(uncaught));
    }
}
