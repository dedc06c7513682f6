package org.losslab.app;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.losslab.app.seg.SegmentationWorkspace;
import org.losslab.engine.LossRegistry;
import org.losslab.engine.seg.TopKCrossEntropyLoss;
import org.losslab.scene.Presets;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The pixels TopK CE keeps, striped over the map: exactly its k% with the highest cross-entropy, following k. */
@ExtendWith(ApplicationExtension.class)
class TopKHatchUiTest {
    private MainWindow window;
    private SegmentationWorkspace ws;

    @Start
    void start(Stage stage) {
        window = new MainWindow();
        ws = window.segmentation();
        stage.setScene(new Scene(window, 1280, 800));
        stage.show();
    }

    @AfterEach
    void tearDown() {
        window.close();
    }

    private void waitForFrame() throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS,
                () -> ws.shownRevisionProperty().get() == ws.document().revisionProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static int count(boolean[] mask) {
        int n = 0;
        for (boolean b : mask) {
            n += b ? 1 : 0;
        }
        return n;
    }

    @Test
    void theHatchIsTheKeptPixelsAndFollowsK(FxRobot robot) throws Exception {
        waitForFrame();
        assertTrue(ws.topKHatchToggle().isDisabled() || ws.canvas().hatch() == null, "binary scene: nothing to hatch");
        robot.interact(() -> ws.loadPreset(Presets.get("three-class"), 96));
        waitForFrame();
        robot.clickOn("#topk-hatch");
        WaitForAsyncUtils.waitForFxEvents();
        var doc = ws.document();
        boolean[] shown = ws.canvas().hatch();
        assertArrayEquals(TopKCrossEntropyLoss.keptMask(doc.data(), doc.params("topk_ce")), shown);
        int n = doc.data().pixels();
        assertEquals(TopKCrossEntropyLoss.kept(n, doc.params("topk_ce").number("k")), count(shown));
        robot.interact(() -> doc.setParams("topk_ce", doc.params("topk_ce").with("topk_ce",
                LossRegistry.get("topk_ce").params(), "k", 25.0)));
        waitForFrame();
        assertEquals((int) Math.floor(n * 25.0 / 100), count(ws.canvas().hatch()), "k = 25%: a quarter of the pixels");
        robot.clickOn("#topk-hatch");
        WaitForAsyncUtils.waitForFxEvents();
        assertNull(ws.canvas().hatch());
    }
}
