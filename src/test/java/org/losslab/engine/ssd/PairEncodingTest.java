package org.losslab.engine.ssd;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.losslab.engine.box.BoxPairs;

/** SSD's encoding of one pair, worked out by hand from the SSD paper's formulas with variances 0.1 and 0.2. */
class PairEncodingTest {
    @Test
    void thePairIsEncodedAgainstTheSquarePriorAtTheTargetsCentre() {
        // target (20, 30)-(60, 90): centre (40, 60), 40 x 60, prior side sqrt(2400); prediction centre (47.5, 50), 45 x 60
        BoxPairs pair = new BoxPairs(new double[] {25, 20, 70, 80}, new double[] {20, 30, 60, 90});
        double side = Math.sqrt(2400);
        double[] expected = {
            (47.5 - 40) / (0.1 * side), (50 - 60) / (0.1 * side), Math.log(45 / side) / 0.2, Math.log(60 / side) / 0.2,
            0, 0, Math.log(40 / side) / 0.2, Math.log(60 / side) / 0.2};
        assertArrayEquals(expected, PairEncoding.encode(pair), 1e-12);

        double l1 = 0;
        double smooth = 0;
        for (int c = 0; c < 4; c++) {
            double d = Math.abs(expected[c] - expected[4 + c]);
            l1 += d / 4;
            smooth += (d < 1 ? 0.5 * d * d : d - 0.5) / 4;
        }
        PairEncoding.Losses losses = PairEncoding.losses(pair);
        assertEquals(l1, losses.l1(), 1e-12);
        assertEquals(smooth, losses.smoothL1(), 1e-12);
    }
}
