package org.losslab.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.losslab.app.core.FigureExport;
import org.losslab.app.train.TrainingWorkspace;
import org.losslab.engine.train.TrainingPreset;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Figures for slides: views at 2x, and a training run replayed frame by frame. */
@ExtendWith(ApplicationExtension.class)
class FigureExportUiTest {
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

    @Test
    void aViewExportsAtTwiceItsSizeAndARunAsOneFramePerStep(FxRobot robot) throws Exception {
        var seg = window.segmentation().node();
        BufferedImage[] twice = new BufferedImage[1];
        robot.interact(() -> twice[0] = FigureExport.snapshot(seg, FigureExport.SLIDE_SCALE));
        assertEquals(2 * Math.round(seg.getLayoutBounds().getWidth()), twice[0].getWidth(), 2.0);

        robot.interact(() -> window.tabs().getSelectionModel().select(window.workspaces().indexOf(ws)));
        robot.interact(() -> ws.sourceChoice().setValue(TrainingPreset.SMALL_OBJECT));
        robot.interact(() -> ws.advance(12));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> !ws.training() && ws.session().steps() == 12);
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> ws.timeline().setValue(5));
        @SuppressWarnings("unchecked")
        List<BufferedImage>[] frames = new List[1];
        robot.interact(() -> frames[0] = FigureExport.frames(ws.node(), ws.timeline()));
        assertEquals(13, frames[0].size(), "steps 0 to 12");
        assertEquals(5, ws.step(), "the timeline is put back");
        assertFalse(same(frames[0].get(0), frames[0].get(12)), "the masks changed over the run");
        assertTrue(ws.actions().stream().anyMatch(a -> a.text().startsWith("Export run as animated GIF")));
    }

    private static boolean same(BufferedImage a, BufferedImage b) {
        for (int y = 0; y < a.getHeight(); y += 3) {
            for (int x = 0; x < a.getWidth(); x += 3) {
                if (a.getRGB(x, y) != b.getRGB(x, y)) {
                    return false;
                }
            }
        }
        return true;
    }
}
