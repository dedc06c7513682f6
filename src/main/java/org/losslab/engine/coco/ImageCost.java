package org.losslab.engine.coco;

import java.util.Arrays;
import org.losslab.engine.detect.Tide;

/**
 * What each image costs the AP, from TIDE's verdicts on it: every false positive weighs its score (a confident
 * false alarm sits high on the curve and lowers the precision of everything below it) and every object without a
 * true positive weighs 1 (it caps the recall, as a false alarm of score 1 would cap the precision). Ignored
 * detections cost nothing. The images sorted by cost, highest first (image order on ties).
 */
public final class ImageCost {
    private final double[] cost;
    private final int[] falsePositives;
    private final int[] misses;
    private final Integer[] order;

    private ImageCost(double[] cost, int[] falsePositives, int[] misses) {
        this.cost = cost;
        this.falsePositives = falsePositives;
        this.misses = misses;
        this.order = new Integer[cost.length];
        Arrays.setAll(order, i -> i);
        Arrays.sort(order, (a, b) -> Double.compare(cost[b], cost[a]));
    }

    public static ImageCost of(CocoTide tide) {
        int n = tide.images();
        double[] cost = new double[n];
        int[] falsePositives = new int[n];
        int[] misses = new int[n];
        for (int i = 0; i < n; i++) {
            CocoTide.Image image = tide.image(i);
            Tide.Error[] errors = image.verdicts().errors();
            double[] scores = image.data().scores();
            for (int d = 0; d < errors.length; d++) {
                if (errors[d] != null) {
                    falsePositives[i]++;
                    cost[i] += scores[d];
                }
            }
            misses[i] = image.gtRows().length - image.truePositives();
            cost[i] += misses[i];
        }
        return new ImageCost(cost, falsePositives, misses);
    }

    public double cost(int image) {
        return cost[image];
    }

    public int falsePositives(int image) {
        return falsePositives[image];
    }

    /** Objects without a true positive (TIDE's Miss, and the objects only a Loc or Cls error found). */
    public int misses(int image) {
        return misses[image];
    }

    /** The image of rank k by cost, from 0 (the costliest). */
    public int ranked(int k) {
        return order[k];
    }

    public int images() {
        return cost.length;
    }
}
