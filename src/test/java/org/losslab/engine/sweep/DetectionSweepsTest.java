package org.losslab.engine.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.losslab.engine.Params;
import org.losslab.engine.box.BoxPairs;

/** The dense-detection plots say what their captions say, checked on the plotted numbers. */
class DetectionSweepsTest {
    private final Map<String, Params> params = new HashMap<>();

    @Test
    void dflIsLinearBetweenWholeBinsAndLowestNearTheExpectedEdge() {
        PlotData d = DetectionSweeps.dfl(params);
        SweepResult r = d.panels().get(0);
        double[] x = r.x();
        double[] loss = r.column("dfl");
        int best = 0;
        for (int k = 1; k < x.length; k++) {
            best = loss[k] < loss[best] ? k : best;
        }
        assertEquals(Math.rint(d.operatingX()), Math.rint(x[best]), 0.0, "the minimum sits at the bin nearest the mean");
        assertTrue(loss[best] > 0.1, "DFL is not 0 at its minimum: " + loss[best]);
        // inside [1, 2] the second difference vanishes: a straight line
        for (int k = 1; k + 1 < x.length; k++) {
            if (x[k - 1] > 1.01 && x[k + 1] < 1.99) {
                assertEquals(0.0, loss[k - 1] - 2 * loss[k] + loss[k + 1], 1e-9, "linear at " + x[k]);
            }
        }
    }

    @Test
    void theQualityLossesAreSmallestAtTheBoxesIouAndFocalAtOne() {
        BoxPairs pair = new BoxPairs(new double[] {0, 0, 10, 10}, new double[] {3, 0, 13, 10});
        double iou = 70.0 / 130;
        PlotData d = DetectionSweeps.quality(pair, params);
        assertEquals(iou, d.operatingX(), 1e-12);
        SweepResult r = d.panels().get(0);
        double[] x = r.x();
        for (String column : new String[] {"quality_focal", "varifocal"}) {
            double[] y = r.column(column);
            int best = 0;
            for (int k = 1; k < y.length; k++) {
                best = y[k] < y[best] ? k : best;
            }
            assertEquals(iou, x[best], 0.01, column + " is smallest at score = IoU");
        }
        double[] focal = r.column("sigmoid_focal (target 1)");
        for (int k = 1; k < focal.length; k++) {
            assertTrue(focal[k] < focal[k - 1], "focal with target 1 keeps falling towards score 1");
        }
    }

    @Test
    void iouLossOfATinyBoxSaturatesWhereNwdKeepsGrowing() {
        SweepResult r = DetectionSweeps.tinyBoxes(params).panels().get(0);
        double[] x = r.x();
        double[] iou = r.column("iou, 6 px box");
        double[] nwdSmall = r.column("nwd, 6 px box");
        double[] nwdLarge = r.column("nwd, 60 px box");
        for (int k = 0; k < x.length; k++) {
            if (x[k] >= 6) {
                assertEquals(1.0, iou[k], 1e-9, "no overlap from a 6-pixel shift");
            }
            assertEquals(nwdSmall[k], nwdLarge[k], 1e-12, "a pure shift: NWD does not see the size");
            if (k > 0) {
                assertTrue(nwdSmall[k] > nwdSmall[k - 1]);
            }
        }
    }

    @Test
    void siouIsHighestForADiagonalOffsetAndItsAngleCostPeaksThere() {
        SweepResult r = DetectionSweeps.siouAngle(params).panels().get(0);
        double[] x = r.x();
        double[] siou = r.column("siou");
        double[] cost = r.column("SIoU angle cost");
        int mid = 90; // 45 degrees on the 0..90 grid of 181 points
        assertEquals(45.0, x[mid], 1e-9);
        assertEquals(1.0, cost[mid], 1e-12);
        assertEquals(0.0, cost[0], 1e-12);
        assertTrue(siou[mid] > siou[0] && siou[mid] > siou[x.length - 1], "diagonal offsets cost more");
        assertEquals(r.column("diou")[mid], r.column("eiou")[mid], 1e-12, "same sizes: EIoU adds nothing to DIoU");
    }

    @Test
    void shrinkingAPairKeepsTheOffsetInPixelsSoIouLossHitsOneWhileNwdMovesSmoothly() {
        // a 60 px target and a prediction of the same size 3 px to the right
        org.losslab.engine.box.BoxPairs pair = new org.losslab.engine.box.BoxPairs(new double[] {103, 100, 163, 160},
                new double[] {100, 100, 160, 160});
        org.losslab.engine.box.BoxPairs six = DetectionSweeps.resized(pair, 6);
        org.junit.jupiter.api.Assertions.assertArrayEquals(new double[] {127, 127, 133, 133}, six.target(), 1e-12);
        org.junit.jupiter.api.Assertions.assertArrayEquals(new double[] {130, 127, 136, 133}, six.predicted(), 1e-12);
        double[] sizes = {2, 3, 6, 60};
        SweepResult r = DetectionSweeps.shrinkingPair(pair, sizes, java.util.Map.of());
        double[] iou = r.column("iou");
        double[] nwd = r.column("nwd");
        org.junit.jupiter.api.Assertions.assertEquals(1.0, iou[0], 1e-6, "2 px boxes 3 px apart do not overlap");
        org.junit.jupiter.api.Assertions.assertEquals(1.0, iou[1], 1e-6, "3 px boxes 3 px apart touch");
        org.junit.jupiter.api.Assertions.assertEquals(1 - 3.0 / 9, iou[2], 1e-6, "6 px: half the width overlaps");
        org.junit.jupiter.api.Assertions.assertEquals(1 - 57.0 / 63, iou[3], 1e-6);
        // NWD of equal sizes depends on the offset alone: the same at every size
        org.junit.jupiter.api.Assertions.assertEquals(nwd[3], nwd[0], 1e-6);
        org.junit.jupiter.api.Assertions.assertTrue(nwd[0] < 0.3, "3 px is small against C = 12.8: " + nwd[0]);
    }
}
