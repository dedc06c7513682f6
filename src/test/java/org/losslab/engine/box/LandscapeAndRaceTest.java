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
    void fromAHorizontalStartIouNeverMovesWhileDiouReachesTheTarget() {
        double[][] boxes = BoxRace.Layout.HORIZONTAL.boxes();
        List<BoxRace.Step> iou = BoxRace.run(Variant.IOU, boxes[0], boxes[1], 200, 100);
        List<BoxRace.Step> diou = BoxRace.run(Variant.DIOU, boxes[0], boxes[1], 200, 100);
        assertEquals(0.0, iou.get(100).iou(), 0.0, "no overlap, no gradient, no progress");
        assertTrue(diou.get(100).iou() > 0.5, "DIoU pulls the box onto the target: " + diou.get(100).iou());
        assertEquals(101, diou.size());
    }
}
