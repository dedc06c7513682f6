package org.losslab.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.ListView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.losslab.app.plots.PlotsWorkspace;
import org.losslab.engine.sweep.TeachingPlot;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The plots tab of the real window: switching plots, editing gamma redraws, exporting writes files. */
@ExtendWith(ApplicationExtension.class)
class PlotsWorkspaceUiTest {
    private MainWindow window;
    private PlotsWorkspace plots;

    @Start
    void start(Stage stage) {
        window = new MainWindow();
        plots = window.plots();
        Scene scene = new Scene(window, 1280, 800);
        stage.setScene(scene);
        stage.show();
        window.tabs().getSelectionModel().select(1);
    }

    @AfterEach
    void tearDown() {
        window.close();
    }

    private void waitDrawn() throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> plots.drawnProperty().get() == plots.requests());
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void switchingPlotsShowsTheirData(FxRobot robot) throws Exception {
        ListView<TeachingPlot> list = robot.lookup("#plot-list").queryListView();
        for (TeachingPlot p : TeachingPlot.values()) {
            robot.interact(() -> list.getSelectionModel().select(p));
            waitDrawn();
            assertEquals(p, plots.currentData().plot());
            assertTrue(robot.lookup(".chart-viewer").tryQuery().isPresent() || !robot.lookup("#plots-workspace").queryAll().isEmpty());
        }
    }

    @Test
    void editingFocalGammaRedrawsWithNewData(FxRobot robot) throws Exception {
        robot.interact(() -> plots.selectPlot(TeachingPlot.CONFIDENCE));
        waitDrawn();
        double before = plots.currentData().panels().get(0).column("focal")[40];
        var doc = window.segmentation().document();
        robot.interact(() -> doc.setParams("focal", doc.params("focal").with("focal",
                org.losslab.engine.LossRegistry.get("focal").params(), "gamma", 0.0)));
        waitDrawn();
        double after = plots.currentData().panels().get(0).column("focal")[40];
        assertNotEquals(before, after, "gamma 0 is cross-entropy: a larger loss at the same confidence");
        assertTrue(after > before);
    }

    @Test
    void exportingWritesPngSvgAndCsv(FxRobot robot, @TempDir Path dir) throws Exception {
        robot.interact(() -> plots.selectPlot(TeachingPlot.TVERSKY));
        waitDrawn();
        robot.interact(() -> {
            plots.exportPng(dir.resolve("p.png"));
            plots.exportSvg(dir.resolve("p.svg"));
            plots.exportCsv(dir.resolve("p.csv"));
        });
        assertTrue(Files.size(dir.resolve("p.png")) > 1000);
        assertTrue(Files.readString(dir.resolve("p.svg")).contains("<svg"));
        assertTrue(Files.readString(dir.resolve("p.csv")).startsWith("alpha,tversky"));
    }
}
