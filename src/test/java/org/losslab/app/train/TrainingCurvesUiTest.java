package org.losslab.app.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.stage.Stage;
import org.jfree.chart.JFreeChart;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.losslab.app.seg.SegDocument;
import org.losslab.engine.train.TrainingPreset;
import org.losslab.engine.train.TrainingSession;
import org.losslab.scene.Presets;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The loss and metric curves of a long run: a bounded number of points per curve (thinned evenly, from step 0 to the
 * newest step, each the session's own value there), and a few redraws of each chart per batch of steps. Found by the
 * 20,000-step run of issue 24: every step added a point and every point redrew the whole chart, so the window's
 * thread spent minutes drawing (quadratic in the steps) while the curves grew without bound.
 */
@ExtendWith(ApplicationExtension.class)
class TrainingCurvesUiTest {
    private TrainingWorkspace ws;

    @Start
    void start(Stage stage) {
        ws = new TrainingWorkspace(new SegDocument(Presets.standard().create(32), Presets.standard().key()));
        stage.setScene(new javafx.scene.Scene(ws, 1400, 880));
        stage.show();
    }

    @AfterEach
    void tearDown() {
        ws.close();
    }

    private void advance(FxRobot robot, int count) throws Exception {
        robot.interact(() -> ws.advance(count));
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> !ws.training());
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void aLongRunKeepsBoundedCurvesEndingAtTheNewestStepAndRedrawsOncePerBatch(FxRobot robot) throws Exception {
        robot.interact(() -> ws.sourceChoice().setValue(TrainingPreset.SMALL_OBJECT));
        TrainingCharts charts = (TrainingCharts) ws.sideTabs();
        AtomicInteger redraws = new AtomicInteger();
        for (JFreeChart chart : charts.lineCharts()) {
            chart.addChangeListener(e -> redraws.incrementAndGet());
        }
        advance(robot, 300);
        // a few redraws a batch (the curves, the step's marker), never one a point: 2 charts x 4 losses x 300 steps before
        assertTrue(redraws.get() <= 10, "chart redraws for one batch of 300 steps: " + redraws.get());
        for (int batch = 0; batch < 9; batch++) {
            advance(robot, 300);
        }
        TrainingSession s = ws.session();
        assertEquals(3_000, s.steps());
        XYSeriesCollection[] curves = charts.curves();
        for (int l = 0; l < s.contestants().size(); l++) {
            XYSeries loss = curves[0].getSeries(l);
            XYSeries metric = curves[1].getSeries(l);
            for (XYSeries series : new XYSeries[] {loss, metric}) {
                assertTrue(series.getItemCount() <= TrainingCharts.CURVE_POINTS + 1, "points: " + series.getItemCount());
                assertTrue(series.getItemCount() >= TrainingCharts.CURVE_POINTS / 4, "still a curve: " + series.getItemCount());
                assertEquals(0, series.getX(0).intValue(), "from step 0");
                assertEquals(3_000, series.getX(series.getItemCount() - 1).intValue(), "to the newest step");
            }
            double start = s.loss(l, 0);
            for (int k = 0; k < loss.getItemCount(); k++) {
                int step = loss.getX(k).intValue();
                assertEquals(s.loss(l, step) / Math.abs(start), loss.getY(k).doubleValue(), 0.0, "loss at step " + step);
                assertEquals(s.metric(l, "f1_score", step), metric.getY(k).doubleValue(), 0.0, "F1 at step " + step);
            }
        }
    }

    /** Found by the window's random walk: the same loss typed in two fields threw from the curves' dataset (one key each). */
    @Test
    void theSameLossTwiceTrainsTwoCurves(FxRobot robot) throws Exception {
        robot.interact(() -> {
            ws.sourceChoice().setValue(TrainingPreset.SMALL_OBJECT);
            ws.lossField(2).setText("bce");
            ws.lossField(3).setText("");
            ws.reset();
        });
        assertEquals(3, ws.session().contestants().size(), ws.status().get());
        advance(robot, 20);
        XYSeriesCollection[] curves = ((TrainingCharts) ws.sideTabs()).curves();
        for (XYSeriesCollection c : curves) {
            assertEquals(3, c.getSeriesCount());
            assertEquals(21, c.getSeries(2).getItemCount(), "the second bce's curve");
        }
        assertEquals(ws.session().loss(0, 20), ws.session().loss(2, 20), 0.0, "the same loss trains the same way");
    }
}
