package org.losslab.app.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The Audit workspace on screen: Audit fills the table, worst Dice first, and the aggregates appear. */
@ExtendWith(ApplicationExtension.class)
class AuditWorkspaceUiTest {
    private AuditWorkspace workspace;

    @Start
    void start(Stage stage) {
        workspace = new AuditWorkspace();
        stage.setScene(new javafx.scene.Scene((javafx.scene.Parent) workspace.node(), 1300, 700));
        stage.show();
    }

    @Test
    @SuppressWarnings("unchecked")
    void auditingTheSampleShowsTheWorstCaseFirst(FxRobot robot) throws Exception {
        Path sample = Path.of(AuditWorkspaceUiTest.class.getResource("/gold/v3/audit-2d").toURI());
        robot.interact(() -> {
            workspace.model().labelsProperty().set(sample.resolve("labels"));
            workspace.model().predictionsProperty().set(sample.resolve("predictions"));
        });
        robot.clickOn("#audit-run");
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> !workspace.model().runningProperty().get()
                && workspace.model().progressProperty().get() > 0);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("14 cases, classes 1-2", workspace.model().statusProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
        TableView<AuditRow> table = robot.lookup("#audit-table").queryAs(TableView.class);
        assertEquals(28, table.getItems().size());
        if (System.getProperty("audit.snapshot") != null) { // -Daudit.snapshot=FILE.png: to look at the view after a run
            robot.interact(() -> {
                try {
                    javax.imageio.ImageIO.write(javafx.embed.swing.SwingFXUtils.fromFXImage(workspace.node().snapshot(null, null), null), "png",
                            new java.io.File(System.getProperty("audit.snapshot")));
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
        }
        assertEquals(0.0, table.getItems().get(0).numbers().dice(), 0, "the lowest Dice first");
        assertTrue(robot.lookup("MONAI HD95").tryQuery().isPresent() || robot.lookup(n -> n instanceof javafx.scene.control.Label
                && ((javafx.scene.control.Label) n).getText().startsWith("MONAI HD95")).tryQuery().isPresent());
    }
}
