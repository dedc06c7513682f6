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
import org.losslab.scene.PlotSources;
import org.losslab.app.plots.PlotsWorkspace;
import java.util.List;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.chart.plot.XYPlot;
import org.jfree.data.xy.XYDataset;
import org.losslab.engine.sweep.PlotData;
import org.losslab.engine.sweep.SweepResult;
import org.losslab.engine.sweep.TeachingPlot;
import org.losslab.engine.sweep.TeachingSweeps;
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
    void theVolumeSpacingChoiceSwitchesBetweenMillimetresAndVoxels(FxRobot robot) throws Exception {
        ListView<TeachingPlot> list = robot.lookup("#plot-list").queryListView();
        javafx.scene.control.ComboBox<TeachingPlot> spacing = robot.lookup("#plot-volume-spacing").queryComboBox();
        robot.interact(() -> list.getSelectionModel().select(TeachingPlot.PIXEL));
        assertTrue(!spacing.isVisible(), "the spacing choice is for the volume plots only");
        robot.interact(() -> list.getSelectionModel().select(TeachingPlot.VOLUME_VOXELS));
        waitDrawn();
        assertTrue(spacing.isVisible());
        assertEquals(TeachingPlot.VOLUME_VOXELS, spacing.getValue());
        double voxels = plots.currentData().operatingX();
        robot.interact(() -> spacing.getSelectionModel().select(TeachingPlot.VOLUME_MM));
        waitDrawn();
        assertEquals(TeachingPlot.VOLUME_MM, plots.currentPlot());
        // MONAI's HD95 of the bundled organ: 2.83 voxels, 5 mm (the extra slice along z)
        assertTrue(plots.currentData().operatingX() > voxels + 2, voxels + " voxels, " + plots.currentData().operatingX() + " mm");
    }

    @Test
    void theQualityPlotFollowsTheDraggedBox(FxRobot robot) throws Exception {
        ListView<TeachingPlot> list = robot.lookup("#plot-list").queryListView();
        robot.interact(() -> list.getSelectionModel().select(TeachingPlot.QUALITY));
        waitDrawn();
        var boxes = window.detection().document();
        double before = plots.currentData().operatingX();
        assertEquals(org.losslab.engine.box.Box.iou(boxes.pairs().predicted(), 0, boxes.pairs().target(), 0), before, 1e-12,
                "the classification target is the first pair's IoU");
        // move the first prediction in the detection workspace: the plot's target IoU follows
        robot.interact(() -> window.tabs().getSelectionModel().select(2));
        robot.interact(() -> window.detection().boxes().canvas().selectedProperty().set(0));
        robot.clickOn(window.detection().boxes().canvas());
        robot.interact(() -> window.detection().boxes().canvas().selectedProperty().set(0));
        robot.press(javafx.scene.input.KeyCode.SHIFT).type(javafx.scene.input.KeyCode.RIGHT).release(javafx.scene.input.KeyCode.SHIFT);
        robot.interact(() -> window.tabs().getSelectionModel().select(1));
        waitDrawn();
        double after = plots.currentData().operatingX();
        assertEquals(org.losslab.engine.box.Box.iou(boxes.pairs().predicted(), 0, boxes.pairs().target(), 0), after, 1e-12);
        assertTrue(after != before, "the IoU moved with the box: " + before + " -> " + after);
    }

    @Test
    void switchingPlotsShowsTheirData(FxRobot robot) throws Exception {
        ListView<TeachingPlot> list = robot.lookup("#plot-list").queryListView();
        for (TeachingPlot p : TeachingPlot.values()) {
            robot.interact(() -> list.getSelectionModel().select(p));
            waitDrawn();
            assertEquals(p, plots.currentData().plot());
            assertTrue(!robot.lookup("#plot-computing").query().isVisible(), "no progress shown once drawn");
            // the charts on screen draw the numbers the engine gives for this scene and these parameters
            var doc = window.segmentation().document();
            var pairs = window.detection().document().pairs();
            PlotData expected = PlotSources.compute(p, doc.data().copy(), pairs.count() == 0 ? null : pairs,
                    plots.selectedLosses(), doc.params());
            List<ChartViewer> viewers = robot.from(plots).lookup((java.util.function.Predicate<javafx.scene.Node>) n -> n instanceof ChartViewer).queryAllAs(ChartViewer.class)
                    .stream().toList();
            int panels = p == TeachingPlot.TVERSKY_GRID ? 1 : expected.panels().size();
            assertEquals(panels, viewers.size(), p + ": one chart per panel");
            if (p != TeachingPlot.TVERSKY_GRID) {
                SweepResult first = expected.panels().get(0);
                XYDataset shown = ((XYPlot) viewers.get(0).getChart().getPlot()).getDataset();
                String column = first.columns().get(0);
                int series = shown.indexOf(column);
                assertTrue(series >= 0, p + ": series " + column + " is drawn");
                double[] y = first.column(column);
                int item = 0;
                for (int i = 0; i < y.length; i++) {
                    if (Double.isFinite(y[i])) {
                        assertEquals(y[i], shown.getYValue(series, item++), 1e-12, p + " " + column + " at " + i);
                    }
                }
                assertEquals(item, shown.getItemCount(series), p + ": every finite point is drawn");
            }
            String caption = robot.lookup("#plot-caption").queryAs(javafx.scene.control.Label.class).getText();
            assertTrue(caption.startsWith(expected.caption()), p + ": the caption shown is the data's: " + caption);
        }
    }

    @Test
    void theNoLogCaptionFollowsTheUsersFocalGamma(FxRobot robot) throws Exception {
        robot.interact(() -> plots.selectPlot(TeachingPlot.NO_LOG));
        waitDrawn();
        var doc = window.segmentation().document();
        robot.interact(() -> doc.setParams("focal", doc.params("focal").with("focal",
                org.losslab.engine.LossRegistry.get("focal").params(), "gamma", 5.0)));
        waitDrawn();
        assertTrue(plots.currentData().panels().get(0).columns().contains("focal (gamma 5)"));
        String caption = robot.lookup("#plot-caption").queryAs(javafx.scene.control.Label.class).getText();
        assertTrue(caption.contains("under focal (gamma 5)"), caption);
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

    @Test
    void clickingTheTverskyGridSetsAlphaAndBetaAndMovesTheRing(FxRobot robot) throws Exception {
        robot.interact(() -> plots.selectPlot(TeachingPlot.TVERSKY_GRID));
        waitDrawn();
        ChartViewer viewer = robot.from(plots).lookup((java.util.function.Predicate<javafx.scene.Node>) n -> n instanceof ChartViewer)
                .queryAs(ChartViewer.class);
        XYPlot plot = (XYPlot) viewer.getChart().getPlot();
        var area = viewer.getRenderingInfo().getPlotInfo().getDataArea();
        double x = plot.getDomainAxis().valueToJava2D(0.3, area, plot.getDomainAxisEdge());
        double y = plot.getRangeAxis().valueToJava2D(0.7, area, plot.getRangeAxisEdge());
        robot.clickOn(viewer.localToScreen(x, y));
        waitDrawn();
        var tversky = window.segmentation().document().params("tversky");
        assertEquals(0.3, tversky.number("alpha"), 0.011);
        assertEquals(0.7, tversky.number("beta"), 0.011);
        assertEquals(tversky.number("alpha"), plots.currentData().operatingX(), 0.0, "the ring is where the click was");
        assertEquals(tversky.number("beta"), plots.currentData().operatingY(), 0.0);
    }
}
