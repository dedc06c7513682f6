package org.losslab.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.losslab.app.seg.Tool;
import org.losslab.engine.maps.MapKind;
import org.losslab.engine.sweep.TeachingPlot;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The window as a whole: what the user set comes back with the scene, keys come from the catalogue, edits mark it unsaved. */
@ExtendWith(ApplicationExtension.class)
class WindowStateUiTest {
    private MainWindow window;

    @Start
    void start(Stage stage) {
        window = WindowOnStage.show(stage);
    }

    @AfterEach
    void tearDown() {
        window.close();
    }

    @Test
    void whatTheUserSetIsSavedWithTheSceneAndRestoredOnOpen(FxRobot robot, @TempDir Path dir) throws Exception {
        var seg = window.segmentation();
        robot.interact(() -> {
            seg.layerChoice().setValue(MapKind.CROSS_ENTROPY);
            seg.compareChoice().setValue(MapKind.GRAD_DICE);
            seg.canvas().heatmapOpacityProperty().set(0.4);
            seg.controller().toolProperty().set(Tool.ELLIPSE);
            window.plots().selectPlot(TeachingPlot.GAMMA);
            window.detection().boxes().landscapeChoice().setValue("ciou");
            window.detection().tabs().getSelectionModel().select(2);
        });
        Path file = dir.resolve("view.json");
        AtomicBoolean saved = new AtomicBoolean();
        robot.interact(() -> saved.set(window.saveTo(file)));
        assertTrue(saved.get());
        robot.interact(() -> {
            seg.layerChoice().setValue(MapKind.ERRORS);
            seg.compareChoice().setValue(null);
            seg.canvas().heatmapOpacityProperty().set(1);
            seg.controller().toolProperty().set(Tool.BRUSH);
            window.plots().selectPlot(TeachingPlot.PIXEL);
            window.detection().boxes().landscapeChoice().setValue("iou");
            window.detection().tabs().getSelectionModel().select(0);
        });
        robot.interact(() -> window.open(file));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(MapKind.CROSS_ENTROPY, seg.layerChoice().getValue());
        assertEquals(MapKind.GRAD_DICE, seg.compareChoice().getValue());
        assertEquals(0.4, seg.canvas().heatmapOpacityProperty().get(), 1e-12);
        assertEquals(Tool.ELLIPSE, seg.controller().toolProperty().get());
        assertEquals(TeachingPlot.GAMMA, window.plots().currentPlot());
        assertEquals("ciou", window.detection().boxes().landscapeChoice().getValue());
        assertEquals(2, window.detection().tabs().getSelectionModel().getSelectedIndex());
    }

    @Test
    void plainKeysActOnTheWorkspaceShownOnly(FxRobot robot) {
        var seg = window.segmentation();
        robot.clickOn(seg.canvas());
        robot.type(KeyCode.E);
        assertEquals(Tool.ERASER, seg.controller().toolProperty().get());
        boolean shown = seg.canvas().heatmapShownProperty().get();
        robot.type(KeyCode.V);
        assertEquals(!shown, seg.canvas().heatmapShownProperty().get(), "V toggles the heatmap");
        robot.interact(() -> window.tabs().getSelectionModel().select(2));
        var drawTruth = window.detection().boxes().canvas().drawTruthProperty();
        robot.type(KeyCode.G);
        assertTrue(drawTruth.get(), "G draws ground truth in the detection workspace");
        javafx.scene.control.ToggleButton truthButton = robot.lookup("#draw-truth").query();
        assertTrue(truthButton.isSelected(), "the button follows the key");
        robot.type(KeyCode.P);
        assertFalse(drawTruth.get());
        robot.type(KeyCode.B);
        assertEquals(Tool.ERASER, seg.controller().toolProperty().get(), "segmentation keys are off while detection is shown");
    }

    @Test
    void theHelpListsEveryActionWithAKeyFromTheCatalogue() {
        String help = window.actions().help();
        for (Tool t : Tool.values()) {
            assertTrue(help.contains(t.title), t.title + " in the help");
        }
        for (String expected : new String[] {"Undo", "Redo", "Open scene", "Draw ground-truth boxes", "Toggle heatmap"}) {
            assertTrue(help.contains(expected), expected + " in the help:\n" + help);
        }
    }

    @Test
    void aDetectionEditMarksTheSceneUnsaved(FxRobot robot) throws Exception {
        assertFalse(window.dirtyProperty().getValue(), "a fresh window has nothing to save");
        robot.interact(() -> window.tabs().getSelectionModel().select(2));
        var doc = window.detection().document();
        robot.interact(() -> {
            doc.checkpoint();
            doc.set(false, 0, doc.predictions().get(0).moved(3, 0));
        });
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> window.dirtyProperty().getValue());
        robot.interact(() -> window.detection().undo());
        assertTrue(window.dirtyProperty().getValue(), "undo is an edit too, until saved");
    }
}
