package org.losslab.engine.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.losslab.engine.LossRegistry;
import org.losslab.engine.LossSpec;
import org.losslab.engine.box.BoxPairs;
import org.losslab.engine.seg.SegmentationData;

/** Boxes read as masks: the Jaccard loss of the masks is 1 - IoU, and blind once the boxes are apart. */
class BoxMasksTest {

    @Test
    void onWholePixelsTheJaccardLossOfTheMasksIsOneMinusIou() {
        double[] predicted = {10, 12, 40, 30};
        double[] target = {20, 15, 50, 45};
        SegmentationData masks = BoxMasks.rasterise(predicted, target, 0);
        int both = 0;
        int predictedOnly = 0;
        int targetOnly = 0;
        for (int i = 0; i < masks.pixels(); i++) {
            boolean p = masks.prediction()[i] > 0;
            boolean t = masks.target()[i] == 1;
            both += p && t ? 1 : 0;
            predictedOnly += p && !t ? 1 : 0;
            targetOnly += t && !p ? 1 : 0;
        }
        assertEquals(20 * 15, both, "the overlap is [20, 40] x [15, 30]");
        assertEquals(30 * 18 - 300, predictedOnly);
        assertEquals(30 * 30 - 300, targetOnly);
        Map<String, Double> losses = BoxMasks.maskLosses(masks);
        double iouLoss = BoxMasks.iouLoss(predicted, target, 0);
        assertEquals(1 - 300.0 / (540 + 900 - 300), iouLoss, 1e-15);
        assertEquals(iouLoss, losses.get("jaccard"), 1e-9);
        assertEquals(1 - 2 * 300.0 / (540 + 900), losses.get("dice"), 1e-9);
        assertEquals(1 - 300 / (300 + 0.3 * 240 + 0.7 * 600), losses.get("tversky(alpha=0.3, beta=0.7)"), 1e-9);
    }

    @Test
    void apartTheMaskLossesAreOneAtEveryDistanceWhileGiouKeepsCounting() {
        double[] target = {10, 10, 30, 30};
        @SuppressWarnings("unchecked")
        LossSpec<BoxPairs> giou = (LossSpec<BoxPairs>) LossRegistry.get("giou");
        double previousGiou = 0;
        for (double gap : new double[] {5, 20, 60}) {
            double[] predicted = {30 + gap, 10, 50 + gap, 30};
            for (double value : BoxMasks.maskLosses(BoxMasks.rasterise(predicted, target, 0)).values()) {
                assertEquals(1.0, value, 1e-9, "gap " + gap);
            }
            double g = giou.evaluate(new BoxPairs(predicted, target), giou.defaults(), false).value();
            assertTrue(g > previousGiou, "GIoU grows with the gap");
            previousGiou = g;
        }
        assertEquals(3, BoxMasks.maskLossNames().size());
    }

    @Test
    void boxesDraggedFarOutAreRefusedWithAReasonNotAnOutOfMemoryError() {
        // a box reaching 1e6 pixels on each side would need 8 TB of logits
        double[] predicted = {10, 10, 1e6, 1e6};
        double[] target = {12, 8, 48, 52};
        var e = org.junit.jupiter.api.Assertions.assertThrows(org.losslab.engine.EngineException.class,
                () -> BoxMasks.rasterise(predicted, target, 0));
        org.junit.jupiter.api.Assertions.assertTrue(e.getMessage().contains("too large"), e.getMessage());
        // at the limit's edge it still draws
        double[] edge = {0, 0, 4096, 4096};
        org.junit.jupiter.api.Assertions.assertEquals(4096 * 4096, BoxMasks.rasterise(edge, target, 0).pixels());
    }
}
