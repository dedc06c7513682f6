package org.losslab.engine.ssd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.losslab.engine.EngineException;
import org.losslab.engine.LossRegistry;
import org.losslab.engine.Params;
import org.losslab.engine.box.Box;

public class MultiboxTest {
    /** A random SSD scene: objects of 0.1 to 0.5 of the image, Gaussian offsets and logits. */
    public static MultiboxData randomScene(Random r, double[] priors, int objects, int classes) {
        int p = priors.length / 4;
        double[] truth = new double[4 * objects];
        int[] labels = new int[objects];
        for (int o = 0; o < objects; o++) {
            double w = 0.1 + 0.4 * r.nextDouble();
            double h = 0.1 + 0.4 * r.nextDouble();
            double x = r.nextDouble() * (1 - w);
            double y = r.nextDouble() * (1 - h);
            truth[4 * o] = x;
            truth[4 * o + 1] = y;
            truth[4 * o + 2] = x + w;
            truth[4 * o + 3] = y + h;
            labels[o] = 1 + r.nextInt(classes - 1);
        }
        double[] locs = new double[4 * p];
        double[] scores = new double[classes * p];
        for (int i = 0; i < locs.length; i++) {
            locs[i] = r.nextGaussian();
        }
        for (int i = 0; i < scores.length; i++) {
            scores[i] = 2 * r.nextGaussian();
        }
        return new MultiboxData(priors, truth, labels, locs, scores, classes);
    }

    static double[] smallPriors() {
        return PriorBoxes.generate(java.util.List.of(new PriorBoxes.FeatureMap(3, 0.3, new double[] {1, 2, 0.5}),
                new PriorBoxes.FeatureMap(1, 0.8, new double[] {1})));
    }

    @Test
    void ssd300HasItsEightThousandSevenHundredAndThirtyTwoPriors() {
        assertEquals(8732, PriorBoxes.ssd300().length / 4);
    }

    @Test
    void everyObjectGetsAPositivePriorEvenBelowTheThreshold() {
        // a tiny object overlaps no prior by 0.5; best-prior forcing still gives it one
        double[] priors = smallPriors();
        MultiboxData d = new MultiboxData(priors, new double[] {0.45, 0.45, 0.5, 0.5}, new int[] {1},
                new double[priors.length], new double[2 * priors.length / 4], 2);
        PriorMatching m = PriorMatching.match(d, 0.5, new double[] {0.1, 0.2});
        assertEquals(1, m.positives());
    }

    @Test
    void encodingAndDecodingAreInverse() {
        double[] priors = smallPriors();
        double[] boxes = Box.toCentreSize(new double[] {0.1, 0.2, 0.4, 0.6, 0.3, 0.3, 0.9, 0.5});
        double[] twoPriors = java.util.Arrays.copyOf(priors, 8);
        double[] v = {0.1, 0.2};
        double[] back = PriorMatching.decode(PriorMatching.encode(boxes, twoPriors, v), twoPriors, v);
        for (int i = 0; i < back.length; i++) {
            assertEquals(boxes[i], back[i], 1e-12);
        }
    }

    @Test
    void hardNegativesAreTheHighestLossNegativesAtTheRatio() {
        Random r = new Random(11);
        MultiboxData d = randomScene(r, smallPriors(), 2, 4);
        Params p = LossRegistry.get("multibox").bind(Map.of("neg_pos_ratio", 2L));
        MultiboxAnalysis a = MultiboxAnalysis.of(d, p);
        int hard = 0;
        double weakestHard = Double.POSITIVE_INFINITY;
        double strongestEasy = 0;
        for (int j = 0; j < d.priorCount(); j++) {
            if (a.role(j) == MultiboxAnalysis.Role.HARD_NEGATIVE) {
                hard++;
                weakestHard = Math.min(weakestHard, a.crossEntropy(j));
            } else if (a.role(j) == MultiboxAnalysis.Role.EASY_NEGATIVE) {
                strongestEasy = Math.max(strongestEasy, a.crossEntropy(j));
            }
        }
        assertEquals(2 * a.positives(), hard);
        assertTrue(weakestHard >= strongestEasy);
        double[] byRole = a.lossByRole(false, 0.25, 2);
        assertEquals(a.confidenceLoss(), byRole[0] + byRole[1] + byRole[2], 1e-12);
        assertEquals(0.0, byRole[2], 0.0);
    }

    @Test
    void gradientsMatchFiniteDifferences() {
        Random r = new Random(5);
        MultiboxData d = randomScene(r, smallPriors(), 2, 3);
        for (String loc : new String[] {"l1", "smooth_l1"}) {
            Params p = LossRegistry.get("multibox").bind(Map.of("loc_loss", loc, "alpha", 0.7));
            MultiboxLoss loss = new MultiboxLoss();
            var g = loss.evaluate(d, p, true).gradient();
            for (String input : new String[] {"locs", "scores"}) {
                double[] x = input.equals("locs") ? d.locs() : d.scores();
                for (int i = 0; i < x.length; i++) {
                    double keep = x[i];
                    x[i] = keep + 1e-6;
                    double plus = loss.evaluate(d, p, false).value();
                    x[i] = keep - 1e-6;
                    double minus = loss.evaluate(d, p, false).value();
                    x[i] = keep;
                    assertEquals((plus - minus) / 2e-6, g.get(input)[i], 1e-6, loc + " " + input + "[" + i + "]");
                }
            }
        }
    }

    @Test
    void labelsOutOfRangeAreRefusedByName() {
        double[] priors = smallPriors();
        EngineException e = assertThrows(EngineException.class, () -> new MultiboxData(priors,
                new double[] {0.1, 0.1, 0.3, 0.3}, new int[] {5}, new double[priors.length], new double[3 * priors.length / 4], 3));
        assertTrue(e.getMessage().contains("multibox.truth_labels[0]"), e.getMessage());
    }
}
