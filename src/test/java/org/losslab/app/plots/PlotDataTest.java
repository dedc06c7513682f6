package org.losslab.app.plots;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.XYPlot;
import org.jfree.data.xy.XYDataset;
import org.junit.jupiter.api.Test;
import org.losslab.scene.PlotSources;
import org.losslab.app.charts.Charts;
import org.losslab.engine.LossRegistry;
import org.losslab.engine.LossSpec;
import org.losslab.engine.Params;
import org.losslab.engine.seg.SegmentationData;
import org.losslab.engine.sweep.PlotData;
import org.losslab.engine.sweep.SweepResult;
import org.losslab.engine.sweep.TeachingPlot;
import org.losslab.engine.sweep.TeachingSweeps;
import org.losslab.scene.Presets;

/** The plotted data are the engine's sweeps, and the charts draw exactly those numbers. */
class PlotDataTest {
    static Map<String, Params> defaults() {
        Map<String, Params> out = new LinkedHashMap<>();
        for (LossSpec<?> s : LossRegistry.all()) {
            out.put(s.name(), s.defaults());
        }
        return out;
    }

    private final SegmentationData scene = Presets.get("shifted").create(48);

    @Test
    void theConfidencePlotIsEachLossOnTheSceneWithScaledLogits() {
        PlotData d = TeachingSweeps.compute(TeachingPlot.CONFIDENCE, scene, null, List.of("dice", "bce"), defaults());
        SweepResult panel = d.panels().get(0);
        double[] scales = panel.x();
        assertEquals(81, scales.length);
        for (String name : List.of("dice", "bce")) {
            @SuppressWarnings("unchecked")
            LossSpec<SegmentationData> spec = (LossSpec<SegmentationData>) LossRegistry.get(name);
            for (int i = 0; i < scales.length; i += 8) {
                double[] scaled = scene.prediction().clone();
                for (int k = 0; k < scaled.length; k++) {
                    scaled[k] *= scales[i];
                }
                double expected = spec.evaluate(scene.withPrediction(scaled), spec.defaults(), false).value();
                assertEquals(expected, panel.column(name)[i], 1e-12, name + " at scale " + scales[i]);
            }
        }
        assertEquals(1.0, d.operatingX(), "the scene as painted is marked");
    }

    @Test
    void thePixelPlotShowsTheClosedFormsOfCrossEntropyAndFocalLoss() {
        PlotData d = TeachingSweeps.compute(TeachingPlot.PIXEL, scene, null, List.of(), defaults());
        SweepResult loss = d.panels().get(0);
        SweepResult gradient = d.panels().get(1);
        double[] p = loss.x();
        for (int i = 0; i < p.length; i++) {
            assertEquals(-Math.log(p[i]), loss.column("CE (t=1)")[i], 1e-12);
            assertEquals(-Math.log(1 - p[i]), loss.column("CE (t=0)")[i], 1e-12);
            assertEquals(-Math.pow(1 - p[i], 2) * Math.log(p[i]), loss.column("focal g=2.0 (t=1)")[i], 1e-12);
            assertEquals(1 - p[i], gradient.column("CE (t=1)")[i], 1e-12);
        }
    }

    @Test
    void chartsDrawThePlottedNumbers() {
        PlotData d = TeachingSweeps.compute(TeachingPlot.IMBALANCE, scene, null, List.of("dice", "bce"), defaults());
        JFreeChart chart = Charts.of(d, false).get(0);
        XYDataset ds = ((XYPlot) chart.getPlot()).getDataset();
        double[] dice = d.panels().get(0).column("dice");
        int series = ds.indexOf("dice");
        for (int i = 0; i < dice.length; i++) {
            assertEquals(dice[i], ds.getYValue(series, i), 0.0);
        }
    }

    @Test
    void everyPlotRendersToAnImageOfTheAskedSize() {
        for (TeachingPlot plot : TeachingPlot.values()) {
            PlotData d = PlotSources.compute(plot, scene, null, List.of("dice", "focal", "bce"), defaults());
            var image = PlotExport.image(d, false, 640, 480);
            assertEquals(640, image.getWidth());
            int distinct = (int) java.util.stream.IntStream.range(0, 200).map(k -> image.getRGB(k * 3 % 640, 40 + k % 400)).distinct().count();
            assertTrue(distinct > 2, plot + " drew something");
        }
    }

    @Test
    void curvesThatCoincideAreNamedAndTheOthersAreNot() {
        PlotData d = TeachingSweeps.compute(TeachingPlot.CONFIDENCE, scene, null, List.of("dice", "tversky", "bce"), defaults());
        assertEquals(List.of("tversky = dice here: one curve under the other"), d.notes(), "default Tversky is Dice");
        Map<String, Params> changed = defaults();
        changed.put("tversky", changed.get("tversky").with("tversky", LossRegistry.get("tversky").params(), "alpha", 0.3));
        PlotData apart = TeachingSweeps.compute(TeachingPlot.CONFIDENCE, scene, null, List.of("dice", "tversky", "bce"), changed);
        assertEquals(List.of(), apart.notes());
        JFreeChart chart = Charts.of(d, false).get(0);
        assertTrue(chart.getSubtitles().stream().anyMatch(t -> t instanceof org.jfree.chart.title.TextTitle tt
                && tt.getText().contains("tversky = dice")), "the chart says so");
    }

    @Test
    void theTverskyGridMarksTheCurrentAlphaAndBeta() {
        Map<String, Params> p = defaults();
        p.put("tversky", p.get("tversky").with("tversky", LossRegistry.get("tversky").params(), "alpha", 0.2)
                .with("tversky", LossRegistry.get("tversky").params(), "beta", 0.8));
        PlotData d = TeachingSweeps.compute(TeachingPlot.TVERSKY_GRID, scene, null, List.of(), p);
        assertEquals(0.2, d.operatingX());
        assertEquals(0.8, d.operatingY());
        XYPlot plot = (XYPlot) Charts.of(d, false).get(0).getPlot();
        assertEquals(2, plot.getAnnotations().size(), "a ring (white under black) at the current pair");
        PlotData unset = new PlotData(TeachingPlot.TVERSKY_GRID, d.panels(), "alpha", List.of("beta"), false, Double.NaN);
        assertEquals(0, ((XYPlot) Charts.of(unset, false).get(0).getPlot()).getAnnotations().size());
    }

    @Test
    void logAxesReadAsPlainNumbers() {
        PlotData d = TeachingSweeps.compute(TeachingPlot.IMBALANCE, scene, null, List.of("dice", "bce"), defaults());
        var axis = (org.jfree.chart.axis.LogAxis) ((XYPlot) Charts.of(d, false).get(0).getPlot()).getDomainAxis();
        assertEquals("0.001", axis.getNumberFormatOverride().format(0.001));
        assertEquals(1.0, axis.getTickUnit().getSize(), "a tick every decade");
    }

    @Test
    void theOnePixelPlotShowsTheUsersOwnGamma() {
        Map<String, Params> p = defaults();
        p.put("focal", p.get("focal").with("focal", LossRegistry.get("focal").params(), "gamma", 3.5));
        SweepResult loss = TeachingSweeps.compute(TeachingPlot.PIXEL, scene, null, List.of(), p).panels().get(0);
        double[] x = loss.x();
        double[] yours = loss.column("focal g=3.5 (yours) (t=1)");
        for (int i = 0; i < x.length; i += 9) {
            assertEquals(-Math.pow(1 - x[i], 3.5) * Math.log(x[i]), yours[i], 1e-12);
        }
    }
}
