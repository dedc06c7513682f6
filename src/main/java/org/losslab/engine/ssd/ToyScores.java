package org.losslab.engine.ssd;

import java.util.Random;
import org.losslab.engine.box.Box;

/**
 * A simple adjustable stand-in for a detector's class scores, for the SSD view: each prior's logit for
 * an object's class grows with its overlap with that object ({@code sharpness} x IoU), the background
 * logit is {@code background}, plus Gaussian noise of a given size with a fixed seed. Offsets are zero.
 */
public final class ToyScores {
    private ToyScores() {
    }

    public static MultiboxData of(double[] priors, double[] truthBoxes, int[] truthLabels, int classes, double sharpness,
                                  double background, double noise, long seed) {
        int p = priors.length / 4;
        Random random = new Random(seed);
        double[] corners = Box.toCorners(priors);
        double[] scores = new double[p * classes];
        for (int j = 0; j < p; j++) {
            scores[j * classes] = background + noise * random.nextGaussian();
            for (int c = 1; c < classes; c++) {
                scores[j * classes + c] = noise * random.nextGaussian();
            }
            for (int o = 0; o < truthLabels.length; o++) {
                double iou = Box.iou(corners, 4 * j, truthBoxes, 4 * o);
                scores[j * classes + truthLabels[o]] += sharpness * iou;
            }
        }
        return new MultiboxData(priors, truthBoxes, truthLabels, new double[4 * p], scores, classes);
    }
}
