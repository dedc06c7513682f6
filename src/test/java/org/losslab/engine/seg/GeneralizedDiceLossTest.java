package org.losslab.engine.seg;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.losslab.engine.Evaluation;
import org.losslab.engine.LossRegistry;
import org.losslab.engine.LossSpec;

/** Generalized Dice against MONAI's weighting rule, worked out by hand. */
class GeneralizedDiceLossTest {
    @SuppressWarnings("unchecked")
    private static final LossSpec<SegmentationData> GDL = (LossSpec<SegmentationData>) LossRegistry.get("generalized_dice");

    private static Evaluation evaluate(SegmentationData data) {
        return GDL.evaluate(data, GDL.defaults(), true);
    }

    @Test
    void aTargetWithNoClassAtAllGivesZeroAsMonai() {
        // multilabel, both labels absent everywhere: every weight is 0, the loss smooth / smooth
        double[] logits = {2, -1, 0.5, 3, -2, 1, 0, 4};
        SegmentationData data = new SegmentationData(SegMode.MULTILABEL, 2, 2, 2, logits, new int[8]);
        Evaluation e = evaluate(data);
        assertEquals(0.0, e.value(), 0.0);
        for (double g : e.gradient().get("prediction")) {
            assertEquals(0.0, g, 0.0);
        }
        SegmentationData binary = new SegmentationData(SegMode.BINARY, 1, 1, 3, new double[] {1, -1, 2}, new int[3]);
        assertEquals(0.0, evaluate(binary).value(), 0.0);
    }

    @Test
    void anAbsentClassTakesTheLargestWeightOfThePresentOnes() {
        // multilabel 2 labels on 1 x 2 pixels: label 0 present once, label 1 absent
        double z = 0.3;
        double p = 1 / (1 + Math.exp(-z));
        double[] logits = {z, z, z, z};
        int[] target = {1, 0, 0, 0};
        SegmentationData data = new SegmentationData(SegMode.MULTILABEL, 2, 1, 2, logits, target);
        double w = 1.0; // 1 / 1^2 for label 0, and label 1 takes the same
        double intersection = p;           // label 0: p * 1 at the first pixel; label 1: none
        double cardinality = (2 * p + 1) + 2 * p;
        double s = 1e-5;
        double expected = 1 - (2 * w * intersection + s) / (w * cardinality + s);
        assertEquals(expected, evaluate(data).value(), 1e-12);
    }
}
