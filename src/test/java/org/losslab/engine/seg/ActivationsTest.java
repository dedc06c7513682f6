package org.losslab.engine.seg;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.losslab.engine.RandomScenes;

/** One probability at a time is the same number, to the bit, as the whole array the region losses read. */
class ActivationsTest {
    @Test
    void aSingleProbabilityEqualsTheArraysElement() {
        Random r = new Random(11);
        for (int k = 0; k < 300; k++) {
            SegMode mode = SegMode.values()[k % SegMode.values().length];
            SegmentationData d = RandomScenes.segmentation(r, mode, true, false);
            double[] all = Activations.probabilities(d, true);
            for (int c = 0; c < d.channels(); c++) {
                for (int i = 0; i < d.pixels(); i++) {
                    assertEquals(all[c * d.pixels() + i], Activations.probability(d, c, i), 0.0, mode + " channel " + c + " pixel " + i);
                }
            }
        }
    }
}
