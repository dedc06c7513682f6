package org.losslab.app;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.losslab.app.train.TrainingWorkspace;
import org.losslab.engine.LossSpec;
import org.losslab.engine.seg.SegmentationData;
import org.losslab.engine.train.LogitsModel;
import org.losslab.engine.train.Optimizer;
import org.losslab.engine.train.TrainingPreset;
import org.losslab.engine.train.TrainingSession;
import org.losslab.scene.Terms;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The training playground in the real window: play a preset, watch it move, scrub back, reset. */
@ExtendWith(ApplicationExtension.class)
class TrainingWorkspaceUiTest {
    private MainWindow window;
    private TrainingWorkspace ws;

    @Start
    void start(Stage stage) {
        window = new MainWindow();
        ws = window.training();
        stage.setScene(new javafx.scene.Scene(window, 1400, 880));
        stage.show();
    }

    @Test
    void aPresetSetByCodeBeforeTheTabIsShownLoadsItsLosses(FxRobot robot) {
        // a lesson step sets the preset on a tab never shown: the box's skin (which fires its action) is not there yet
        robot.interact(() -> ws.sourceChoice().setValue(TrainingPreset.NOISY_LABELS_NO_LOG));
        List<String> losses = new ArrayList<>();
        for (int l = 0; l < 4; l++) {
            losses.add(ws.lossField(l).getText());
        }
        assertEquals(TrainingPreset.NOISY_LABELS_NO_LOG.losses(), losses);
        assertEquals("mae_prob", ws.session().contestants().get(1).label());
    }

    @Test
    void playingAPresetTrainsEveryLossAndTheTimelineGoesBackExactly(FxRobot robot) throws Exception {
        robot.interact(() -> window.tabs().getSelectionModel().select(window.workspaces().indexOf(ws)));
        robot.interact(() -> ws.sourceChoice().setValue(TrainingPreset.SMALL_OBJECT));
        double[] start = ws.shownLogits(1);
        assertNotNull(start);
        assertEquals(0, ws.step());
        robot.clickOn("#train-play");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> ws.session().steps() >= 30);
        robot.clickOn("#train-pause");
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> !ws.training());
        WaitForAsyncUtils.waitForFxEvents();
        int steps = ws.session().steps();
        assertEquals(steps, ws.step(), "the timeline follows the newest step");
        for (int panel = 0; panel < 3; panel++) {
            assertNotEquals(start[0], ws.shownLogits(panel)[0], "panel " + panel + " moved");
        }
        assertTrue(ws.caption(1).startsWith("dice  loss "), ws.caption(1));

        robot.interact(() -> ws.timeline().setValue(10));
        // an independent run of the same preset, ten steps: what step 10 was
        TrainingPreset p = TrainingPreset.SMALL_OBJECT;
        SegmentationData scene = p.example().scene();
        List<TrainingSession.Contestant> contestants = new ArrayList<>();
        for (String text : p.losses()) {
            var term = Terms.parse(text);
            @SuppressWarnings("unchecked")
            LossSpec<SegmentationData> spec = (LossSpec<SegmentationData>) term.spec();
            contestants.add(new TrainingSession.Contestant(text, spec, term.params()));
        }
        TrainingSession reference = new TrainingSession(scene, new LogitsModel(scene.prediction()),
                Optimizer.of(p.optimizer(), p.rate()), contestants);
        reference.advance(10);
        for (int panel = 0; panel < 3; panel++) {
            assertArrayEquals(reference.logitsAt(panel, 10), ws.shownLogits(panel), 0.0, "step 10 of panel " + panel);
        }
        robot.clickOn("#train-reset");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(0, ws.session().steps());
        assertArrayEquals(start, ws.shownLogits(1), 0.0, "reset restores the start");
    }

    @Test
    void aBadLossSaysWhyInsteadOfTraining(FxRobot robot) {
        robot.interact(() -> window.tabs().getSelectionModel().select(window.workspaces().indexOf(ws)));
        robot.interact(() -> {
            ws.lossField(0).setText("not_a_loss");
            ws.reset();
        });
        assertEquals(null, ws.session());
        assertTrue(ws.status().get().contains("unknown loss"), ws.status().get());
    }

    @Test
    void theLandscapeIsTheLossOverWAndBWithThePathDescendingIt(FxRobot robot) throws Exception {
        robot.interact(() -> window.tabs().getSelectionModel().select(window.workspaces().indexOf(ws)));
        robot.interact(() -> ws.sourceChoice().setValue(TrainingPreset.OVERLAPPING_INTENSITIES));
        robot.interact(() -> ws.advance(40));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> !ws.training() && ws.session().steps() == 40);
        robot.interact(() -> ws.sideTabs().getSelectionModel().select(1));
        WaitForAsyncUtils.waitForFxEvents();
        var land = ws.shownLandscape();
        assertNotNull(land, "the landscape is drawn for the one-feature pixel model");
        // a grid value is bce at that (w, b), computed independently
        TrainingSession s = ws.session();
        SegmentationData scene = s.scene();
        var image = TrainingPreset.OVERLAPPING_INTENSITIES.example().image();
        int r = 7;
        int c = 19;
        double[] z = new double[scene.pixels()];
        for (int i = 0; i < z.length; i++) {
            z[i] = land.w()[c] * image.data()[i] + land.b()[r];
        }
        var bce = s.contestants().get(0);
        assertEquals(bce.spec().evaluate(scene.withPrediction(z), bce.params(), false).value(),
                land.values()[r * land.w().length + c], 1e-12);
        assertTrue(s.loss(0, 40) < s.loss(0, 0), "the path went downhill");
    }
}
