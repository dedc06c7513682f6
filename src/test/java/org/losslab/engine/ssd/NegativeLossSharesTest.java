package org.losslab.engine.ssd;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The focal paper's Figure 4 on SSD priors: the cumulative share of the negatives' loss, hardest first. */
class NegativeLossSharesTest {

    /**
     * Four negatives with p(background) 0.9, 0.5, 0.99, 0.6; hardest first: 0.5, 0.6, 0.9, 0.99. Cross-entropy
     * -ln p: 0.693147, 0.510826, 0.105361, 0.010050 (sum 1.319384): shares 0.52536, 0.91253, 0.99238, 1. Focal at
     * gamma 2 multiplies them by (1 - p)^2 = 0.25, 0.16, 0.01, 0.0001: 0.173287, 0.081732, 0.001054, 0.000001
     * (sum 0.256074): shares 0.67671, 0.99588, 0.999996, 1. Mining keeps the 2 hardest: the first carries
     * 0.693147 / 1.203973 = 0.57572 of mining's loss.
     */
    @Test
    void aHandWorkedSetOfFourNegatives() {
        NegativeLossShares s = NegativeLossShares.of(new double[] {0.9, 0.5, 0.99, 0.6}, 2);
        assertArrayEquals(new double[] {0.52536, 0.91253, 0.99238, 1}, s.cumulativeShares(0), 5e-6);
        assertArrayEquals(new double[] {0.67671, 0.99588, 0.999996, 1}, s.cumulativeShares(2), 5e-6);
        assertArrayEquals(new double[] {0.57572, 1, 1, 1}, s.miningCumulativeShares(), 5e-6);
        assertEquals(0.9, s.easyThreshold(), 0.0, "the easiest kept is 0.6; the hardest dropped is 0.9");
        assertEquals(1 - 0.99588, s.easyShare(2), 5e-6);
        assertEquals(1 - 0.91253, s.easyShare(0), 5e-6);
        assertEquals(1, s.countOf(0.01), "1% of four negatives rounds up to one");
        assertEquals(0.67671, s.shareOfHardestFraction(0.01, 2), 5e-6);
        assertEquals(2, s.countOf(0.5));
        assertEquals(0.5, s.backgroundOfHardest(0), 0.0);
    }

    @Test
    void miningEverythingLeavesNoEasyNegatives() {
        NegativeLossShares s = NegativeLossShares.of(new double[] {0.9, 0.5}, 5);
        assertTrue(Double.isNaN(s.easyThreshold()));
        assertEquals(0, s.easyShare(2), 0.0);
        assertArrayEquals(new double[] {0.693147 / (0.693147 + 0.105361), 1}, s.miningCumulativeShares(), 1e-6);
    }

    /** On the SSD view's opening set-up, against the analysis's own roles and focal weights summed by brute force. */
    @Test
    void theSharesAreThoseOfTheAnalysisRolesAndFocalWeights() {
        MultiboxAnalysis a = SsdToy.defaults().openingAnalysis();
        NegativeLossShares s = NegativeLossShares.of(a);
        int priors = a.matching().label.length;
        assertEquals(priors - a.positives(), s.negatives());
        for (double gamma : new double[] {0, 2, 5}) {
            double[] w = a.focalWeights(SsdToy.FOCAL_ALPHA, gamma);
            double all = 0;
            double easy = 0;
            double leastEasy = 1;
            int hard = 0;
            for (int j = 0; j < priors; j++) {
                if (a.role(j) == MultiboxAnalysis.Role.POSITIVE) {
                    continue;
                }
                double focal = w[j] * a.crossEntropy(j);
                all += focal;
                if (a.role(j) == MultiboxAnalysis.Role.EASY_NEGATIVE) {
                    easy += focal;
                    leastEasy = Math.min(leastEasy, Math.exp(-a.crossEntropy(j)));
                } else {
                    hard++;
                }
            }
            assertEquals(easy / all, s.easyShare(gamma), 1e-12, "gamma " + gamma);
            assertEquals(hard, s.mined());
            assertEquals(leastEasy, s.easyThreshold(), 1e-15);
        }
        // what the lesson teaches, on this set-up: at gamma 2 the hardest 1% carry most of the negatives' loss,
        // under plain cross-entropy (gamma 0) the easy ones carry most of it
        assertTrue(s.shareOfHardestFraction(0.01, 2) > 0.8, "gamma 2: " + s.shareOfHardestFraction(0.01, 2));
        assertTrue(s.easyShare(0) > 0.8, "cross-entropy: " + s.easyShare(0));
        assertTrue(s.easyShare(2) < 0.2, "gamma 2: " + s.easyShare(2));
    }
}
