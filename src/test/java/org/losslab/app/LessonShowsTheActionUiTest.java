package org.losslab.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.losslab.app.lesson.LessonPanel;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * An answer step shows the state its task asked the user to make (issue 22): after "press Play" the run trained as
 * far as the numbers it quotes, after "drag the background logit to 2" the SSD view at 2. Back undoes both.
 */
@ExtendWith(ApplicationExtension.class)
class LessonShowsTheActionUiTest {
    private MainWindow window;

    @Start
    void start(Stage stage) {
        window = new MainWindow();
        javafx.scene.Scene scene = new javafx.scene.Scene(window, 1400, 880);
        window.installKeys(scene);
        stage.setScene(scene);
        stage.show();
    }

    @AfterEach
    void tearDown(FxRobot robot) {
        robot.interact(window::close);
    }

    private static int foreground(double[] logits) {
        int n = 0;
        for (double z : logits) {
            n += z > 0 ? 1 : 0;
        }
        return n;
    }

    @Test
    void theTrainingAnswerShowsTheTrainedRun(FxRobot robot) throws Exception {
        LessonPanel[] panel = new LessonPanel[1];
        robot.interact(() -> panel[0] = window.openLesson("xedice"));
        robot.interact(() -> panel[0].runner().go(2)); // the task: "press Play"
        assertEquals(0, window.training().step(), "the task step has not trained yet");
        robot.interact(() -> panel[0].runner().go(3)); // its answer
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> window.training().session().steps() >= 300);
        WaitForAsyncUtils.waitForFxEvents();
        var training = window.training();
        assertEquals(300, training.step(), "the answer shows the run at the step its numbers are read at");
        // the empty-target preset: a target with no object, so every foreground pixel is a false alarm; Dice (second
        // panel as the preset lists its losses) keeps them, cross-entropy clears them
        var losses = training.session().contestants().stream().map(c -> c.label()).toList();
        int dice = losses.indexOf("dice");
        int bce = losses.indexOf("bce");
        assertTrue(foreground(training.shownLogits(dice)) > 0, "Dice keeps its false alarms: " + losses);
        assertEquals(0, foreground(training.shownLogits(bce)), "cross-entropy cleared them");
        robot.interact(() -> panel[0].runner().go(2));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(0, window.training().step(), "Back gives the untrained task step again");
    }

    @Test
    void theSsdAnswerShowsTheDraggedSlider(FxRobot robot) {
        LessonPanel[] panel = new LessonPanel[1];
        robot.interact(() -> panel[0] = window.openLesson("hnm-vs-focal"));
        int last = 4;
        robot.interact(() -> panel[0].runner().go(last));
        WaitForAsyncUtils.waitForFxEvents();
        var ssd = window.detection().ssd();
        assertEquals(2, ssd.backgroundLogit().getValue(), 0);
        assertEquals(2, ssd.gamma().getValue(), 0);
        // the toy model at background logit 2: p(background) = e^2 / (e^2 + 2) before noise, unsure, so the easy
        // negatives' focal weight (1 - p)^2 ~ 0.045 is no longer tiny and their share is most of the loss
        double easy = ssd.negatives().easyShare(2);
        assertTrue(easy > 0.5, "easy negatives' share at background 2: " + easy);
        robot.interact(() -> panel[0].runner().go(last - 1));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(5, ssd.backgroundLogit().getValue(), 0, "Back gives the task step's opening slider");
        assertTrue(ssd.negatives().easyShare(2) < 0.2, "and the trained model's picture");
    }

    @Test
    void theRowsAStepQuotesLeadTheTable(FxRobot robot) {
        LessonPanel[] panel = new LessonPanel[1];
        robot.interact(() -> panel[0] = window.openLesson("hd95-nsd"));
        robot.interact(() -> panel[0].runner().go(1));
        WaitForAsyncUtils.waitForFxEvents();
        // step 2's text quotes the Dice score, HD and NSD, in that order: f1_score is far down the registry's order
        var names = window.segmentation().rows().stream().map(r -> r.name()).toList();
        assertEquals(java.util.List.of("f1_score", "hausdorff_distance", "surface_dice"), names.subList(0, 3));
        assertTrue(window.segmentation().row("f1_score").namedProperty().get());
        assertTrue(!window.segmentation().row("dice").namedProperty().get());
        robot.interact(() -> window.closeLesson());
        WaitForAsyncUtils.waitForFxEvents();
        var registry = org.losslab.engine.LossRegistry.of(org.losslab.engine.Domains.SEGMENTATION).stream()
                .map(spec -> spec.name()).toList();
        assertEquals(registry, window.segmentation().rows().stream().map(r -> r.name()).toList(),
                "closing the lesson gives the registry's order back");
        assertTrue(!window.segmentation().row("f1_score").namedProperty().get());
    }
}
