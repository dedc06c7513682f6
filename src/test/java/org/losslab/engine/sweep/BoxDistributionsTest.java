package org.losslab.engine.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.losslab.engine.LossRegistry;

/** A box pair as YOLOv8's head reads it: distances in strides, bells over 16 bins, DFL through two bins. */
class BoxDistributionsTest {

    @Test
    void distancesAreInStridesAndEachSidesDflIsTheCrossEntropyOfItsTwoBins() {
        double[] predicted = {40, 40, 88, 72};   // centre (64, 56): l 24, t 16, r 24, b 16 pixels
        double[] target = {30, 44, 90, 80};     // l 34, t 12, r 26, b 24 pixels
        BoxDistributions d = BoxDistributions.of(predicted, target, 8, 1.0, LossRegistry.get("dfl").defaults());
        assertEquals(3.0, d.predicted()[0], 1e-12);
        assertEquals(2.0, d.predicted()[1], 1e-12);
        assertEquals(34 / 8.0, d.target()[0], 1e-12);
        assertEquals(3.0, d.target()[3], 1e-12);
        // a bell inside the bins decodes to about its centre (the bins stop at 0: its cut tail moves it a little)
        assertEquals(3.0, d.expected()[0], 1e-3);
        for (int s = 0; s < 4; s++) {
            double t = d.target()[s];
            int left = (int) Math.floor(t);
            double byHand = -Math.log(d.bins()[s][left]) * (left + 1 - t) - Math.log(d.bins()[s][left + 1]) * (t - left);
            assertEquals(byHand, d.dfl()[s], 1e-9, BoxDistributions.SIDES[s]);
            assertEquals(1.0, java.util.Arrays.stream(d.bins()[s]).sum(), 1e-12);
        }
        assertTrue(d.notes().isEmpty(), d.notes().toString());
    }

    @Test
    void anEdgeBeyondTheBinsOrAnAnchorOutsideTheTargetIsSaid() {
        double[] predicted = {0, 0, 16, 16};      // anchor (8, 8)
        double[] farTarget = {4, 4, 300, 12};     // right edge 292 px = 36.5 strides away
        BoxDistributions far = BoxDistributions.of(predicted, farTarget, 8, 1.0, LossRegistry.get("dfl").defaults());
        assertTrue(far.notes().stream().anyMatch(n -> n.startsWith("right") && n.contains("beyond the last bin")), far.notes().toString());
        assertTrue(far.target()[2] < 15);
        double[] besideTarget = {20, 0, 40, 16};  // anchor (8, 8) lies left of it
        BoxDistributions beside = BoxDistributions.of(predicted, besideTarget, 8, 1.0, LossRegistry.get("dfl").defaults());
        assertTrue(beside.notes().stream().anyMatch(n -> n.startsWith("left") && n.contains("outside the target")),
                beside.notes().toString());
        assertEquals(0.0, beside.target()[0], 0.0);
    }
}
