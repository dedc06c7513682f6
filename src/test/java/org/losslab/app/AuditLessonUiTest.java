package org.losslab.app;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.extension.ExtendWith;
import org.losslab.app.audit.AuditRow;
import org.losslab.app.lesson.LessonPanel;
import org.losslab.engine.seg.SegmentationData;
import org.losslab.scene.BundledFolders;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The lesson "Why does my mean Dice differ between libraries?" opens the bundled sample in the Audit workspace; a case
 * opened from its table during the lesson is dropped at the next step; closing the lesson gives the user's own audit
 * folders and segmentation scene back.
 */
@ExtendWith(ApplicationExtension.class)
class AuditLessonUiTest {
    private MainWindow window;

    @Start
    void start(Stage stage) {
        window = AuditCaseUiTest.showWindow(stage);
    }

    @AfterEach
    void tearDown(FxRobot robot) {
        robot.interact(window::close);
    }

    @Test
    @SuppressWarnings("unchecked")
    void theLessonAuditsTheBundledSampleAndGivesTheUsersAuditBack(FxRobot robot, @TempDir Path mine) throws Exception {
        robot.interact(() -> window.audit().model().labelsProperty().set(mine)); // the user's own folder, not yet audited
        SegmentationData scene = window.segmentation().document().data().copy();
        LessonPanel[] panel = new LessonPanel[1];
        robot.interact(() -> panel[0] = window.openLesson("audit-means"));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("audit", window.shown().key());
        assertEquals(BundledFolders.folder("audit/labels"), window.audit().model().labelsProperty().get());
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> window.audit().model().resultProperty().get() != null);
        WaitForAsyncUtils.waitForFxEvents();
        TableView<AuditRow> table = robot.lookup("#audit-table").queryAs(TableView.class);
        assertEquals(24, table.getItems().size());
        assertTrue(panel[0].getChildrenUnmodifiable().size() > 0);

        robot.interact(() -> panel[0].show(1));
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> window.audit().model().resultProperty().get() != null);
        WaitForAsyncUtils.waitForFxEvents();
        AuditRow first = table.getItems().get(0);
        robot.interact(() -> window.audit().links().open(first));
        assertEquals("segmentation", window.shown().key(), "a case opens during the lesson too");
        assertNotNull(robot.lookup("#back-to-audit").tryQuery().orElse(null));
        robot.interact(() -> panel[0].show(2));
        WaitForAsyncUtils.waitForFxEvents();
        assertNull(robot.lookup("#back-to-audit").tryQuery().orElse(null), "the next step drops the case");
        assertEquals("audit", window.shown().key());

        robot.interact(window::closeLesson);
        assertEquals(mine, window.audit().model().labelsProperty().get(), "the user's folder back");
        assertNull(window.audit().model().resultProperty().get(), "and no audit of the lesson's left on screen");
        assertEquals(0, window.audit().model().rows().size());
        assertArrayEquals(scene.target(), window.segmentation().document().data().target());
    }
}
