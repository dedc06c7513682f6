package org.losslab.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.losslab.app.detect.DetBox;
import org.losslab.engine.coco.CocoTide;
import org.losslab.engine.detect.Tide;
import org.losslab.scene.CocoReport;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The Dataset tab: the bundled dataset opened, the costliest image clicked, its boxes on the Boxes tab; and the
 * user's own boxes given back whole by "Back to the dataset".
 */
class DatasetViewUiTest extends DetectionWindowFixture {
    @Start
    void start(Stage stage) {
        open(stage);
    }

    @Test
    void theCostliestImageOpensOnTheBoxesTabAndTheUsersBoxesComeBack(FxRobot robot) throws Exception {
        List<DetBox> userTruths = ws.document().truths();
        List<DetBox> userPredictions = ws.document().predictions();
        robot.interact(() -> ws.tabs().getSelectionModel().select(4));
        robot.clickOn("#dataset-bundled").clickOn("localisation");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> ws.dataset().report() != null && !ws.dataset().busy());
        WaitForAsyncUtils.waitForFxEvents();
        CocoReport report = ws.dataset().report();
        assertTrue(robot.lookup("#dataset-headline").queryLabeled().getText().startsWith("AP 0.365, AP50 0.956"),
                robot.lookup("#dataset-headline").queryLabeled().getText());

        int costliest = report.cost().ranked(0);
        Node firstRow = robot.lookup("#dataset-costs .table-row-cell").nth(0).query();
        robot.clickOn(firstRow);
        WaitForAsyncUtils.waitForFxEvents();

        assertEquals(0, ws.tabs().getSelectionModel().getSelectedIndex(), "the Boxes tab shows the image");
        assertNotNull(ws.visitedImage());
        assertTrue(ws.visitedImage().contains(report.catalogue().fileName(costliest)), ws.visitedImage());
        CocoTide.Image image = report.tide().image(costliest);
        List<DetBox> predictions = ws.document().predictions();
        assertEquals(image.gtRows().length, ws.document().truths().size());
        assertEquals(image.dtRows().length, predictions.size());
        for (int d = 0; d < predictions.size(); d++) {
            assertEquals(report.data().detections().score(image.dtRows()[d]), predictions.get(d).score(), 0.0);
        }
        // the per-scene TIDE of the boxes shown is the dataset TIDE's verdict on this image
        assertEquals(Arrays.asList(image.verdicts().errors()), Arrays.asList(Tide.of(ws.document().detections()).errors()));
        assertTrue(robot.lookup("#dataset-visit").query().isVisible());

        robot.clickOn("#dataset-back");
        WaitForAsyncUtils.waitForFxEvents();
        assertNull(ws.visitedImage());
        assertEquals(userTruths, ws.document().truths());
        assertEquals(userPredictions, ws.document().predictions());
        assertEquals(4, ws.tabs().getSelectionModel().getSelectedIndex(), "back on the Dataset tab");
    }

    @Test
    void aStateTakenDuringAVisitIsTheUsersAndTheLessonOpensItsDataset(FxRobot robot) throws Exception {
        List<DetBox> userTruths = ws.document().truths();
        robot.interact(() -> ws.dataset().openBundled("misses"));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> ws.dataset().report() != null && !ws.dataset().busy());
        robot.interact(() -> ws.dataset().open(2));
        assertNotNull(ws.visitedImage());
        // what a lesson keeps when it starts, and gives back when it ends: the user's boxes, not the image's
        robot.interact(() -> ws.restoreState(ws.saveState()));
        assertNull(ws.visitedImage());
        assertEquals(userTruths, ws.document().truths());

        robot.interact(() -> window.openLesson("ap-barely-moved").show(1));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> ws.dataset().report() != null && !ws.dataset().busy()
                && ws.dataset().report().results().getFileName().toString().equals("localisation.json"));
        assertEquals(4, ws.tabs().getSelectionModel().getSelectedIndex(), "the lesson shows the Dataset tab");
        robot.interact(window::closeLesson);
    }
}
