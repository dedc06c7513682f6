package org.losslab.app;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.losslab.app.lesson.LessonPanel;
import org.losslab.engine.maps.MapKind;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** A lesson in the real window: its steps set the app up, a task is checked live, closing gives the scene back. */
@ExtendWith(ApplicationExtension.class)
class LessonUiTest {
    private MainWindow window;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        window = new MainWindow();
        stage.setScene(new javafx.scene.Scene(window, 1280, 800));
        stage.show();
    }

    @Test
    void theTverskyLessonSetsUpChecksTheTaskAndGivesTheSceneBack(FxRobot robot) {
        var doc = window.segmentation().document();
        double[] before = doc.data().prediction().clone();
        String presetBefore = doc.preset();
        LessonPanel[] panel = new LessonPanel[1];
        robot.interact(() -> panel[0] = window.openLesson("tversky"));
        assertEquals("over-segmentation", doc.preset());
        assertEquals(MapKind.GRAD_TVERSKY, window.segmentation().layerChoice().getValue());
        assertEquals(0.7, doc.params("tversky").number("alpha"), 0.0);

        robot.interact(() -> panel[0].show(1));
        assertTrue(panel[0].taskText().startsWith("Try it:"), panel[0].taskText());
        robot.interact(() -> doc.setParams("tversky", doc.params("tversky").with("tversky",
                org.losslab.engine.LossRegistry.get("tversky").params(), "alpha", 0.25)));
        WaitForAsyncUtils.sleep(700, java.util.concurrent.TimeUnit.MILLISECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(panel[0].taskText().startsWith("Done:"), panel[0].taskText());

        robot.interact(() -> panel[0].show(2));
        assertEquals(0.2, doc.params("tversky").number("alpha"), 0.0, "the answer step sets alpha low");

        robot.interact(window::closeLesson);
        assertEquals(null, window.lessonPanel(), "the panel is gone");
        assertEquals(presetBefore, doc.preset());
        assertArrayEquals(before, doc.data().prediction(), 0.0, "the user's scene is back");
    }

    @Test
    void presentationModeEnlargesTheText(FxRobot robot) {
        robot.interact(window::togglePresentation);
        assertTrue(window.presenting());
        assertTrue(window.getStyle().contains("font-size"));
        robot.interact(window::togglePresentation);
        assertEquals("", window.getStyle());
    }
}
