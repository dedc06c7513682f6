package org.losslab.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.losslab.app.lesson.LessonPanel;
import org.losslab.app.render.ColorBar;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Presentation mode on a 1280 x 720 projector: the selected number large, tools folded, nothing cut off, Esc leaves. */
@ExtendWith(ApplicationExtension.class)
class PresentationUiTest {
    private static final double WIDTH = 1280;
    private static final double HEIGHT = 720;
    private MainWindow window;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        window = new MainWindow();
        javafx.scene.Scene scene = new javafx.scene.Scene(window, WIDTH, HEIGHT);
        window.installKeys(scene);
        stage.setScene(scene);
        stage.show();
    }

    @AfterEach
    void tearDown() {
        window.close();
    }

    private static void assertInside(Node node, String what) {
        assertTrue(node.isVisible(), what + " is shown");
        Bounds b = node.localToScene(node.getLayoutBounds());
        assertTrue(b.getMinX() >= -0.5 && b.getMinY() >= -0.5 && b.getMaxX() <= WIDTH + 0.5 && b.getMaxY() <= HEIGHT + 0.5,
                what + " lies inside the 1280 x 720 window: " + b);
        assertTrue(b.getWidth() > 50 && b.getHeight() > 20, what + " has room: " + b);
    }

    @Test
    void aLessonStepOnAProjectorShowsItsNumberLargeAndEscLeaves(FxRobot robot) throws Exception {
        LessonPanel[] panel = new LessonPanel[1];
        robot.interact(() -> panel[0] = window.openLesson("soft-vs-hard-dice"));
        robot.interact(() -> stage.toFront());
        robot.clickOn(window.segmentation().canvas());
        robot.type(KeyCode.F5);
        assertTrue(window.presenting());
        var seg = window.segmentation();
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS,
                () -> seg.tableRevisionProperty().get() == seg.document().revisionProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
        Node number = robot.lookup("#presentation-number").query();
        // the first step asks about dice before it shows it: the banner does not give the answer away
        assertEquals("dice = ?", ((javafx.scene.control.Label) number).getText());
        robot.interact(() -> panel[0].show(1));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS,
                () -> seg.tableRevisionProperty().get() == seg.document().revisionProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
        String text = ((javafx.scene.control.Label) number).getText();
        assertEquals("dice = " + ColorBar.format(seg.row("dice").valueProperty().get()), text);
        assertTrue(((javafx.scene.control.Label) number).getFont().getSize() >= 30, "large enough for the back row");
        assertInside(number, "the selected number");
        assertInside(robot.lookup("#presentation-look").query(), "what to look at");
        assertInside(robot.lookup("#loss-table").query(), "the table");
        assertInside(seg.canvas(), "the canvas");
        assertFalse(seg.getLeft().isVisible(), "the painting tools are folded away");
        assertInside(robot.lookup("#layer-choice").query(), "the map chooser on the right");
        for (String id : new String[] {"#lesson-back", "#lesson-next", "#lesson-close"}) {
            javafx.scene.control.Button b = robot.lookup(id).query();
            assertTrue(b.getWidth() >= b.prefWidth(-1) - 0.5, id + " shows its whole label: " + b.getWidth());
            assertInside(b, id);
        }
        ColorBar bar = robot.lookup("#color-bar").query();
        assertTrue(bar.getHeight() > 76, "the colour bar's text is larger: " + bar.getHeight());
        assertInside(bar, "the colour bar");
        // the table's values are whole: the value column holds "0.123456" at the projector's type
        javafx.scene.control.TableView<?> table = robot.lookup("#loss-table").query();
        javafx.scene.text.Text sample = new javafx.scene.text.Text("0.123456");
        sample.setFont(((javafx.scene.control.Label) number).getFont().font(18));
        assertTrue(table.getColumns().get(1).getWidth() > sample.getLayoutBounds().getWidth() + 8,
                "value column " + table.getColumns().get(1).getWidth());

        // a step that asks the audience to drag a slider brings the tools back
        robot.interact(() -> panel[0].show(2));
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(seg.getLeft().isVisible(), "the Confidence slider is needed by this step");
        assertInside(seg.getLeft(), "the tools");
        assertInside(robot.lookup("#confidence-slider").query(), "the Confidence slider the step asks for");

        robot.interact(() -> stage.toFront());
        robot.clickOn(seg.canvas());
        robot.type(KeyCode.ESCAPE);
        assertFalse(window.presenting());
        assertFalse(robot.lookup("#presentation-banner").query().isVisible());
        assertEquals("", window.getStyle());
        assertEquals(76, bar.getHeight(), 0.0, "the colour bar is back to its size");
        assertTrue(table.getColumns().get(table.getColumns().size() - 1).isVisible(), "and the pinned column back");
    }
}
