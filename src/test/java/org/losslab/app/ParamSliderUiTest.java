package org.losslab.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.Slider;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.losslab.app.seg.SegmentationWorkspace;
import org.losslab.engine.maps.MapKind;
import org.losslab.engine.sweep.TeachingPlot;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Dragging a parameter's slider moves the map, the table and the plots with it. */
@ExtendWith(ApplicationExtension.class)
class ParamSliderUiTest {
    private MainWindow window;
    private SegmentationWorkspace ws;

    @Start
    void start(Stage stage) {
        window = new MainWindow();
        ws = window.segmentation();
        stage.setScene(new Scene(window, 1400, 1000));
        stage.show();
    }

    @AfterEach
    void tearDown() {
        window.close();
    }

    private void settle() throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> ws.shownRevisionProperty().get() == ws.document().revisionProperty().get()
                && ws.tableRevisionProperty().get() == ws.document().revisionProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void draggingTverskyAlphaMovesTheMapTheTableAndThePlot(FxRobot robot) throws Exception {
        robot.interact(() -> {
            ws.layerChoice().setValue(MapKind.GRAD_TVERSKY);
            robot.lookup("#loss-table").queryTableView().getSelectionModel().select(ws.row("tversky"));
        });
        settle();
        float[] mapBefore = ws.lastFrame().mapValues().clone();
        double valueBefore = ws.row("tversky").valueProperty().get();
        Slider alpha = robot.from(ws).lookup("#slider-alpha").query();
        TextField field = robot.from(ws).lookup("#param-alpha").query();
        assertEquals("0.5", field.getText());
        robot.drag(alpha.lookup(".thumb")).moveBy(-40, 0).drop();
        settle();
        double set = ws.document().params("tversky").number("alpha");
        assertTrue(set < 0.5, "dragging left lowers alpha: " + set);
        assertEquals(Double.toString(set), field.getText(), "the field shows the value");
        assertNotEquals(valueBefore, ws.row("tversky").valueProperty().get(), "the table follows");
        assertNotEquals(java.util.Arrays.toString(mapBefore), java.util.Arrays.toString(ws.lastFrame().mapValues()),
                "the map follows");
        robot.interact(() -> window.tabs().getSelectionModel().select(1));
        robot.interact(() -> window.plots().selectPlot(TeachingPlot.TVERSKY_GRID));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> window.plots().currentData() != null
                && window.plots().currentData().plot() == TeachingPlot.TVERSKY_GRID);
        assertEquals(set, window.plots().currentData().operatingX(), 0.0, "the plot marks the dragged alpha");
    }

    @Test
    void anOptionalValueNotSetReadsOff(FxRobot robot) {
        robot.interact(() -> robot.lookup("#loss-table").queryTableView().getSelectionModel().select(ws.row("focal")));
        TextField alpha = robot.from(ws).lookup("#param-alpha").query();
        assertEquals("off", alpha.getText());
    }

    @Test
    void theConfidenceSliderScalesTheLogitsLiveAndIsOneUndoStep(FxRobot robot) throws Exception {
        settle();
        double[] before = ws.document().data().prediction().clone();
        long steps = ws.document().stepsRecorded();
        Slider confidence = ws.confidenceControl();
        robot.drag(confidence.lookup(".thumb")).moveBy(50, 0).drop();
        settle();
        double[] after = ws.document().data().prediction();
        double factor = after[0] / before[0];
        assertTrue(factor > 1, "dragging right sharpens: x" + factor);
        for (int i = 0; i < after.length; i += 97) {
            assertEquals(before[i] * factor, after[i], 1e-9 * Math.abs(after[i]) + 1e-12);
        }
        assertEquals(steps + 1, ws.document().stepsRecorded(), "the whole drag is one undo step");
        robot.interact(ws::undo);
        org.junit.jupiter.api.Assertions.assertArrayEquals(before, ws.document().data().prediction(), 0.0);
        assertEquals(0.0, confidence.getValue(), 0.0, "the slider starts again from the scene as it is");
    }
}
