package org.losslab.engine.box;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.losslab.engine.box.IouFamilyLoss.Variant;

class LandscapeAndRaceTest {
    private final double[] target = {80, 80, 120, 120};

    @Test
    void theLandscapeGradientIsTheCentreDerivativeOfTheLoss() {
        double[] box = {10, 10, 50, 40};
        for (Variant v : new Variant[] {Variant.GIOU, Variant.DIOU}) {
            BoxLandscape l = BoxLandscape.compute(v, box, target, 0, 200, 0, 200, 20, 20, 1e-7);
            for (int k = 0; k < l.values().length; k += 37) {
                double cx = l.xs()[k % 20];
                double cy = l.ys()[k / 20];
                double h = 1e-5;
                double plus = IouFamilyLoss.pair(v, new double[] {cx + h - 20, cy - 15, cx + h + 20, cy + 15}, target, 0, 1e-7, new double[4]);
                double minus = IouFamilyLoss.pair(v, new double[] {cx - h - 20, cy - 15, cx - h + 20, cy + 15}, target, 0, 1e-7, new double[4]);
                assertEquals((plus - minus) / (2 * h), l.gradX()[k], 1e-6, v + " at " + k);
            }
        }
    }

    @Test
    void anyRegistryBoxLossHasALandscapeAndTheIouFamilyMatchesItsOwn() {
        double[] box = {10, 10, 50, 40};
        for (var spec : org.losslab.engine.LossRegistry.of(org.losslab.engine.Domains.BOXES)) {
            if (!spec.differentiable()) {
                continue;
            }
            BoxLandscape l = BoxLandscape.compute(spec, spec.defaults(), box, target, 0, 200, 0, 200, 16, 16);
            for (int k = 0; k < l.values().length; k += 29) {
                double cx = l.xs()[k % 16];
                double cy = l.ys()[k / 16];
                double[] here = {cx - 20, cy - 15, cx + 20, cy + 15};
                double value = spec.evaluate(new BoxPairs(here, target.clone()), spec.defaults(), false).value();
                assertEquals(value, l.values()[k], 1e-12, spec.name() + " at " + k);
            }
        }
        var giou = org.losslab.engine.LossRegistry.get("giou");
        @SuppressWarnings("unchecked")
        BoxLandscape fromRegistry = BoxLandscape.compute((org.losslab.engine.LossSpec<BoxPairs>) giou, giou.defaults(), box, target,
                0, 200, 0, 200, 20, 20);
        BoxLandscape own = BoxLandscape.compute(Variant.GIOU, box, target, 0, 200, 0, 200, 20, 20, 1e-7);
        for (int k = 0; k < own.values().length; k++) {
            assertEquals(own.values()[k], fromRegistry.values()[k], 1e-12);
            assertEquals(own.gradX()[k], fromRegistry.gradX()[k], 1e-12);
            assertEquals(own.gradY()[k], fromRegistry.gradY()[k], 1e-12);
        }
    }

    @Test
    void iouLossIsFlatWhereTheBoxesDoNotOverlap() {
        BoxLandscape l = BoxLandscape.compute(Variant.IOU, new double[] {0, 0, 20, 20}, target, 0, 200, 0, 200, 40, 40, 1e-7);
        int flat = 0;
        for (int k = 0; k < l.values().length; k++) {
            if (l.values()[k] > 0.999999) {
                flat++;
                assertEquals(0.0, l.gradX()[k], 0.0);
                assertEquals(0.0, l.gradY()[k], 0.0);
            }
        }
        assertTrue(flat > 1000, "most of the field is the flat plateau: " + flat);
    }

    @Test
    void besideTheTargetIouNeverMovesWhileDiouReachesIt() {
        org.losslab.engine.race.RaceRun run = org.losslab.engine.race.RaceRun.of(org.losslab.engine.race.RacePreset.ONE_ANCHOR,
                List.of(org.losslab.engine.race.RaceLoss.exact("iou"), org.losslab.engine.race.RaceLoss.exact("diou")));
        assertEquals(run.totals()[0][0], run.totals()[0][200], 0.0, "no overlap, no gradient, no progress");
        assertTrue(run.totals()[1][200] < 0.05 * run.totals()[1][0], "DIoU pulls the box onto the target: "
                + run.totals()[1][0] + " -> " + run.totals()[1][200]);
        assertEquals(201, run.shown()[1].length);
    }
}
