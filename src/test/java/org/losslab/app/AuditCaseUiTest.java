package org.losslab.app;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.losslab.app.audit.AuditRow;
import org.losslab.engine.seg.SegMode;
import org.losslab.engine.seg.SegmentationData;
import org.losslab.scene.BundledFolders;
import org.losslab.scene.RawFiles;
import org.losslab.scene.SceneFiles;
import org.losslab.engine.dataset.AggregateUse;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Issue 25's done-when: open the bundled folder, wait for the table, sort by HD95, click the worst case and see it in
 * the Segmentation workspace with its masks (its probabilities as the prediction), come back to the same row; and the
 * user's own segmentation document, unsaved edits and history included, is given back whole (a save meanwhile writes
 * it, never the case).
 */
@ExtendWith(ApplicationExtension.class)
class AuditCaseUiTest {
    private MainWindow window;

    @Start
    void start(Stage stage) {
        window = showWindow(stage);
    }

    /** A main window with its keys, in a stage of 1400 x 880 (the audit tests' fixture). */
    static MainWindow showWindow(Stage stage) {
        MainWindow shown = new MainWindow();
        javafx.scene.Scene scene = new javafx.scene.Scene(shown, 1400, 880);
        shown.installKeys(scene);
        stage.setScene(scene);
        stage.show();
        return shown;
    }

    @AfterEach
    void tearDown(FxRobot robot) {
        robot.interact(window::close);
    }

    @Test
    @SuppressWarnings("unchecked")
    void theWorstCaseByHd95OpensWithItsMasksAndBackSelectsItsRow(FxRobot robot, @TempDir Path dir) throws Exception {
       
        var doc = window.segmentation().document();
        robot.interact(() -> { // the user's own unsaved work: one undoable edit of the prediction
            double[] edited = doc.data().prediction().clone();
            Arrays.fill(edited, 0, 500, 3.0);
            doc.setPrediction("user edit", edited);
        });
        SegmentationData mine = doc.data().copy();
        int undoSteps = doc.undoSteps();
        assertTrue(window.dirtyProperty().getValue());

        Path labels = BundledFolders.folder("audit/labels");
        Path predictions = BundledFolders.folder("audit/predictions");
        robot.interact(() -> {
            window.showWorkspace("audit");
            window.audit().model().labelsProperty().set(labels);
            window.audit().model().predictionsProperty().set(predictions);
        });
        robot.clickOn("#audit-run");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> window.audit().model().resultProperty().get() != null);
        WaitForAsyncUtils.waitForFxEvents();
        TableView<AuditRow> table = robot.lookup("#audit-table").queryAs(TableView.class);
        assertEquals(24, table.getItems().size(), "12 cases x 2 classes");

        TableColumn<AuditRow, ?> hd95 = table.getColumns().stream().filter(c -> c.getText().startsWith("HD95")).findFirst().orElseThrow();
        robot.clickOn(robot.lookup(".column-header").match(n -> n.lookup(".label") instanceof javafx.scene.control.Label l
                && l.getText().startsWith("HD95")).queryAs(Node.class)); // ascending
        robot.clickOn(robot.lookup(".column-header").match(n -> n.lookup(".label") instanceof javafx.scene.control.Label l
                && l.getText().startsWith("HD95")).queryAs(Node.class)); // descending: worst first
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(TableColumn.SortType.DESCENDING, hd95.getSortType());
        AuditRow worst = table.getItems().get(0);
        assertEquals("case07", worst.caseName(), "infinite HD95 first (the missed lesion), the classes absent from both last");
        assertEquals(2, worst.classIndex());
        assertTrue(Double.isNaN(table.getItems().get(table.getItems().size() - 1).numbers().hd95()));

        // a click on MONAI's mean HD95 greys the rows it leaves out: the missed lesion first in the table is one
        robot.clickOn("#aggregate-monai_hd95");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(AggregateUse.MONAI_HD95, window.audit().model().highlightProperty().get());
        assertTrue(rowNode(robot, worst).getStyleClass().contains("left-out"), "the infinite HD95 is left out of MONAI's mean");
        AuditRow kept = table.getItems().stream().filter(r -> Double.isFinite(r.numbers().hd95())).findFirst().orElseThrow();
        assertFalse(rowNode(robot, kept).getStyleClass().contains("left-out"), "a finite HD95 is averaged");
        robot.clickOn("#aggregate-monai_hd95");
        WaitForAsyncUtils.waitForFxEvents();
        assertNull(window.audit().model().highlightProperty().get(), "a second click clears the marks");
        assertFalse(rowNode(robot, worst).getStyleClass().contains("left-out"));

        robot.clickOn(rowNode(robot, worst));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("segmentation", window.shown().key(), "the case opens in the Segmentation workspace");
        SegmentationData shown = doc.data();
        assertEquals(SegMode.MULTICLASS, shown.mode());
        assertEquals(3, shown.channels());
        assertArrayEquals(RawFiles.png(labels.resolve("case07.png")), shown.target(), "the ground truth is the target");
        float[] probabilities = RawFiles.npyFloats(predictions.resolve("case07.npy"));
        double[] logits = shown.prediction();
        int pixels = shown.pixels();
        for (int i = 0; i < pixels; i++) { // softmax of the logits gives the file's probabilities back
            double sum = 0;
            for (int c = 0; c < 3; c++) {
                sum += Math.exp(logits[c * pixels + i]);
            }
            for (int c = 0; c < 3; c++) {
                assertEquals(probabilities[c * pixels + i], Math.exp(logits[c * pixels + i]) / sum, 5e-6, "pixel " + i);
            }
        }
        assertNotNull(robot.lookup("#back-to-audit").tryQuery().orElse(null), "Back to the audit in the top bar");
        assertTrue(window.dirtyProperty().getValue(), "the user's unsaved edit is still unsaved");

        Path saved = dir.resolve("mine.json"); // a save while the case is shown writes the user's scene
        robot.interact(() -> assertTrue(window.saveTo(saved)));
        assertArrayEquals(mine.target(), SceneFiles.read(saved).block(org.losslab.engine.Domains.SEGMENTATION).orElseThrow().target());
        assertFalse(window.dirtyProperty().getValue());

        robot.clickOn("#back-to-audit");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("audit", window.shown().key());
        assertEquals(worst, table.getSelectionModel().getSelectedItem(), "the same row selected");
        assertTrue(rowNode(robot, worst).isVisible(), "and in view");
        assertNull(robot.lookup("#back-to-audit").tryQuery().orElse(null));
        assertArrayEquals(mine.prediction(), doc.data().prediction(), "the user's scene back");
        assertArrayEquals(mine.target(), doc.data().target());
        assertEquals(undoSteps, doc.undoSteps(), "with its history");
        assertFalse(window.dirtyProperty().getValue(), "saved while the case was shown: saved now");

        // Enter on a selected row opens it too, and Alt+Left comes back
        robot.interact(() -> table.getSelectionModel().clearAndSelect(table.getItems().size() - 1));
        robot.interact(table::requestFocus);
        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("segmentation", window.shown().key());
        robot.press(KeyCode.ALT, KeyCode.LEFT).release(KeyCode.LEFT, KeyCode.ALT);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("audit", window.shown().key());
        assertEquals(table.getItems().size() - 1, table.getSelectionModel().getSelectedIndex());
        assertArrayEquals(mine.prediction(), doc.data().prediction());
    }

    private static Node rowNode(FxRobot robot, AuditRow item) {
        return robot.lookup(".table-row-cell").match(n -> n instanceof TableRow<?> r && item.equals(r.getItem())).queryAs(Node.class);
    }
}
