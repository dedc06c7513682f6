package org.losslab.app;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.losslab.app.lesson.LessonPanel;
import org.losslab.app.render.ColorBar;
import org.losslab.app.render.MapImage;
import org.losslab.app.seg.LossRow;
import org.losslab.app.seg.SegmentationWorkspace;
import org.losslab.engine.maps.MapKind;
import org.losslab.engine.maps.MapSettings;
import org.losslab.engine.maps.PixelMaps;
import org.losslab.scene.Claims;
import org.losslab.scene.Lesson;
import org.losslab.scene.Lessons;
import org.losslab.scene.StepScene;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A lesson asks before it shows: a question step's table shows "?" for the rows it asks about until the student
 * moves on (then the engine's numbers); the steps showing the same map share one colour range; closing the lesson
 * gives the user's own colour lock back.
 */
@ExtendWith(ApplicationExtension.class)
class LessonQuestionUiTest {
    private MainWindow window;

    @Start
    void start(Stage stage) {
        window = new MainWindow();
        javafx.scene.Scene scene = new javafx.scene.Scene(window, 1400, 880);
        window.installKeys(scene); // as the app has them: F5 presents
        stage.setScene(scene);
        stage.show();
    }

    @AfterEach
    void tearDown(FxRobot robot) {
        robot.interact(window::close);
    }

    /** The table computed for the document as it is now. */
    private void awaitTable() throws Exception {
        SegmentationWorkspace seg = window.segmentation();
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS,
                () -> seg.tableRevisionProperty().get() == seg.document().revisionProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** The value cell of a row as drawn: its text and its tooltip's ("" without one). */
    private static String[] valueCell(FxRobot robot, String name) {
        TableView<?> table = robot.lookup("#loss-table").query();
        for (Node node : table.lookupAll(".table-cell")) {
            if (node instanceof TableCell<?, ?> cell && cell.getTableColumn() == table.getColumns().get(1)
                    && cell.getTableRow() != null && cell.getTableRow().getItem() instanceof LossRow row
                    && row.name().equals(name)) {
                return new String[] {cell.getText(), cell.getTooltip() == null ? "" : cell.getTooltip().getText()};
            }
        }
        return fail("no value cell drawn for " + name);
    }

    private static String engine(String what, Lesson lesson, int step) {
        return String.format(Locale.ROOT, "%.6f", Claims.value(what, StepScene.of(lesson).get(step)));
    }

    @Test
    void aQuestionStepHidesTheRowsItAsksAboutUntilTheStudentMovesOn(FxRobot robot) throws Exception {
        Lesson lesson = Lessons.bundled("soft-vs-hard-dice");
        LessonPanel[] panel = new LessonPanel[1];
        robot.interact(() -> panel[0] = window.openLesson(lesson));
        awaitTable();
        // "Guess before you look at the dice row": the dice row leads the table with "?"; f1_score, which the
        // caption quotes, shows its number
        String[] dice = valueCell(robot, "dice");
        assertEquals("?", dice[0]);
        assertTrue(dice[1].contains("next step"), dice[1]);
        assertEquals(engine("f1_score", lesson, 0), valueCell(robot, "f1_score")[0]);
        assertTrue(Double.isFinite(window.segmentation().row("dice").valueProperty().get()), "the value is still computed");
        // Tversky at its defaults (alpha = beta = 0.5) is Dice: its row would give the answer, so it waits too, with
        // the counts line and the live values under the table
        assertEquals(Double.parseDouble(engine("dice", lesson, 0)), Double.parseDouble(engine("tversky", lesson, 0)), 1e-6);
        assertEquals("?", valueCell(robot, "tversky")[0]);
        assertFalse(robot.lookup("#gradient-share").query().isVisible(), "the soft counts give Dice away");
        assertFalse(robot.lookup("#live-values").query().isVisible(), "the live values list dice");
        assertEquals("prediction: its TP and FP colours (no outline)", window.segmentation().canvas().legend().predictionText(),
                "the error map draws no outline: the legend sends nobody looking for one");
        robot.interact(window::togglePresentation);
        assertEquals("dice = ?", robot.lookup("#presentation-number").queryAs(Label.class).getText(),
                "the projector's banner does not give it away either");
        robot.interact(window::togglePresentation);

        robot.interact(() -> panel[0].show(1));
        awaitTable();
        assertArrayEquals(new String[] {engine("dice", lesson, 1), ""}, valueCell(robot, "dice"));
        assertEquals(engine("tversky", lesson, 1), valueCell(robot, "tversky")[0]);
        assertTrue(robot.lookup("#gradient-share").query().isVisible());
        // back at the question, the student has seen the answer: the numbers stay
        robot.interact(() -> panel[0].show(0));
        awaitTable();
        assertEquals(engine("dice", lesson, 0), valueCell(robot, "dice")[0]);
        robot.interact(window::closeLesson);
        awaitTable();
        assertFalse(window.segmentation().row("dice").hiddenProperty().get());
    }

    /** The colours on screen: the shown frame's map, once it is drawn with the range the window asked for. */
    private MapImage shownMap(double[] expected) throws Exception {
        SegmentationWorkspace seg = window.segmentation();
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> {
            var frame = seg.lastFrame();
            return frame != null && frame.heatmap() != null && seg.shownRevisionProperty().get() == seg.document().revisionProperty().get()
                    && (expected == null || frame.heatmap().low() == expected[0] && frame.heatmap().high() == expected[1]);
        });
        WaitForAsyncUtils.waitForFxEvents();
        return seg.lastFrame().heatmap();
    }

    /** The range a step's map takes on its own (colours not locked), on the step's scene. */
    private static double[] ownRange(Lesson lesson, int step, MapKind kind) {
        StepScene scene = StepScene.of(lesson).get(step);
        var map = PixelMaps.compute(kind, scene.segmentation(), MapSettings.fromParams(scene.params()), scene.params());
        MapImage image = MapImage.of(kind, StepScene.SIZE, StepScene.SIZE, map.values(), 0);
        return new double[] {image.low(), image.high()};
    }

    @Test
    void stepsShowingTheSameMapShareOneColourRangeAndClosingGivesTheUsersLockBack(FxRobot robot) throws Exception {
        SegmentationWorkspace seg = window.segmentation();
        // the user locks their own colours first
        MapImage own = shownMap(null);
        robot.interact(() -> robot.lookup("#lock-range").queryAs(CheckBox.class).setSelected(true));
        double[] userLock = seg.lessonMarks().colourLock();
        assertArrayEquals(new double[] {own.low(), own.high()}, userLock);

        // tversky: steps 1 to 3 show Tversky's gradient; step 3 sets alpha 0.2 and beta 0.8, which changes its range
        Lesson lesson = Lessons.bundled("tversky");
        double[] first = ownRange(lesson, 0, MapKind.GRAD_TVERSKY);
        double[] last = ownRange(lesson, 2, MapKind.GRAD_TVERSKY);
        assertNotEquals(first[1], last[1], "the two steps' maps differ: unlocked, their colours would mean different values");
        LessonPanel[] panel = new LessonPanel[1];
        robot.interact(() -> panel[0] = window.openLesson(lesson));
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> panel[0].valuesShown() && seg.lessonMarks().colourLock() != null);
        double[] union = {Math.min(first[0], last[0]), Math.max(first[1], last[1])};
        MapImage atFirst = shownMap(union);
        robot.interact(() -> panel[0].show(2));
        MapImage atLast = shownMap(union);
        assertEquals(MapKind.GRAD_TVERSKY, atLast.kind());
        assertEquals("prediction (p = 0.5): magenta dashes", seg.canvas().legend().predictionText());
        assertArrayEquals(new double[] {atFirst.low(), atFirst.high()}, new double[] {atLast.low(), atLast.high()},
                "one colour, one value, on both steps");
        assertTrue(robot.lookup("#lock-range").queryAs(CheckBox.class).isSelected(), "the lock switch says so");
        // the range holds each step's own (no step saturates more than alone), and a bar whose values reach beyond
        // it says so, with their span
        for (MapImage shown : List.of(atFirst, atLast)) {
            boolean beyond = shown.dataLow() < shown.low() || shown.dataHigh() > shown.high();
            assertEquals(beyond, ColorBar.clipping(shown).startsWith("clipped: values span"),
                    shown.dataLow() + " " + shown.dataHigh() + " " + ColorBar.clipping(shown));
        }

        robot.interact(window::closeLesson);
        assertArrayEquals(userLock, seg.lessonMarks().colourLock(), "the user's own lock comes back");
        assertTrue(robot.lookup("#lock-range").queryAs(CheckBox.class).isSelected());
        assertArrayEquals(userLock, new double[] {shownMap(userLock).low(), shownMap(userLock).high()});
    }
}
