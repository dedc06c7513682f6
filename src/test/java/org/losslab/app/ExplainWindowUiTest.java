package org.losslab.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.losslab.app.seg.ExplainWindow;
import org.losslab.app.seg.SegmentationWorkspace;
import org.losslab.engine.LossRegistry;
import org.losslab.engine.LossSpec;
import org.losslab.engine.explanation.Term;
import org.losslab.engine.seg.SegmentationData;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** "Explain this number": X opens the selected entry taken apart; it follows strokes and parameters. */
@ExtendWith(ApplicationExtension.class)
class ExplainWindowUiTest {
    private MainWindow window;
    private SegmentationWorkspace ws;

    @Start
    void start(Stage stage) {
        window = WindowOnStage.show(stage);
        ws = window.segmentation();
        ws.canvas().fit();
    }

    @AfterEach
    void tearDown() {
        window.close();
    }

    private double registryValue(String name) {
        @SuppressWarnings("unchecked")
        LossSpec<SegmentationData> spec = (LossSpec<SegmentationData>) LossRegistry.get(name);
        return spec.evaluate(ws.document().data(), ws.document().params(name), false).value();
    }

    private void waitForExplanationOf(String name) throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> {
            ExplainWindow w = ws.explainWindow();
            return w != null && w.explanation() != null && w.explanation().entry().equals(name)
                    && Math.abs(w.explanation().value() - registryValue(name)) < 1e-12;
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    private double barsTotal(ExplainWindow w) {
        double sum = 0;
        for (int k = 0; k < w.bars().getColumnCount() - 1; k++) { // the last column is the total
            sum += w.bars().getValue(0, k).doubleValue();
        }
        return sum;
    }

    @Test
    void theSelectedEntryIsTakenApartAndFollowsStrokesAndParameters(FxRobot robot) throws Exception {
        robot.interact(() -> ws.selectLoss("tversky"));
        robot.clickOn(ws.canvas()); // focus the window for the key
        robot.type(KeyCode.X);
        waitForExplanationOf("tversky");
        ExplainWindow w = ws.explainWindow();
        assertTrue(w.showing());
        assertEquals(registryValue("tversky"), barsTotal(w), 1e-9, "the waterfall adds up to the table's number");
        assertTrue(w.heading().getText().startsWith("tversky = "), w.heading().getText());

        // the missed-pixel line shows its pixels, and its colour bar says whose
        Term missed = w.lines().getItems().stream().filter(t -> t.label().startsWith("from missed pixels")).findFirst()
                .orElseThrow();
        robot.interact(() -> w.lines().getSelectionModel().select(missed));
        assertTrue(w.pixelBar().title().contains("from missed pixels"), w.pixelBar().title());

        // an edit of the prediction from the menu (the window stays below the menu bar) changes the explained number
        double before = w.explanation().value();
        robot.clickOn("Edit").clickOn("Dilate prediction");
        waitForExplanationOf("tversky");
        assertNotEquals(before, w.explanation().value());
        assertEquals(registryValue("tversky"), barsTotal(w), 1e-9);

        // the user's alpha is the one explained
        @SuppressWarnings("unchecked")
        LossSpec<SegmentationData> tversky = (LossSpec<SegmentationData>) LossRegistry.get("tversky");
        robot.interact(() -> ws.document().setParams("tversky",
                ws.document().params("tversky").with("tversky", tversky.params(), "alpha", 0.3)));
        waitForExplanationOf("tversky");
        assertTrue(w.lines().getItems().stream().anyMatch(t -> t.formula().contains("0.3 FP")),
                "the score's formula carries alpha 0.3");
        assertEquals(registryValue("tversky"), barsTotal(w), 1e-9);

        // an entry without a breakdown says so instead of showing an old one
        robot.interact(() -> ws.selectLoss("hausdorff_distance"));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> w.explanation() == null);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(w.heading().getText().contains("no breakdown"), w.heading().getText());
    }
}
