package org.losslab.engine.sweep;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.junit.jupiter.api.Test;
import org.losslab.engine.seg.SegMode;
import org.losslab.engine.seg.SegmentationData;

/** The soft counts of the class the read-out shows, worked by hand on a three-class scene of two pixels. */
class SoftCountsTest {
    @Test
    void eachClassCountsItsOwnProbabilities() {
        // pixel 0: logits (0, ln 2, ln 1) -> p = (1/4, 1/2, 1/4), label 2; pixel 1: (ln 2, 0, 0) -> (1/2, 1/4, 1/4), label 1
        double l2 = Math.log(2);
        SegmentationData d = new SegmentationData(SegMode.MULTICLASS, 3, 1, 2, new double[] {0, l2, l2, 0, 0, 0}, new int[] {2, 1});
        // class 1: TP = p1 at pixel 1 = 1/4, FP = p1 at pixel 0 = 1/2, FN = 1 - 1/4 = 3/4
        assertArrayEquals(new double[] {0.25, 0.5, 0.75}, SoftCounts.of(d, 1), 1e-15);
        // class 2: TP = p2 at pixel 0 = 1/4, FP = p2 at pixel 1 = 1/4, FN = 3/4
        assertArrayEquals(new double[] {0.25, 0.25, 0.75}, SoftCounts.of(d, 2), 1e-15);
        assertArrayEquals(SoftCounts.of(d, 1), SoftCounts.of(d), 0, "without a class: class 1, as before");
    }
}
