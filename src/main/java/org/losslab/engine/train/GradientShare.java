package org.losslab.engine.train;

import org.losslab.engine.seg.Activations;
import org.losslab.engine.seg.SegMode;
import org.losslab.engine.seg.SegmentationData;

/**
 * Where a loss puts its gradient: the total |dL/dz| over the true positives, false positives, false
 * negatives and true negatives of the prediction at threshold 0.5 (sigmoid scenes; argmax per channel
 * in multiclass), as shares of the whole. Under heavy imbalance cross-entropy spends most of it on the
 * countless easy background pixels; Dice on the few that decide the overlap.
 *
 * @param tp sum of |dL/dz| over true positives, likewise the others
 */
public record GradientShare(double tp, double fp, double fn, double tn) {

    public double total() {
        return tp + fp + fn + tn;
    }

    /** The four sums of one gradient on a scene (ignored pixels, target 255, are left out). */
    public static GradientShare of(SegmentationData data, double[] gradient) {
        int n = data.pixels();
        int channels = data.channels();
        double[] x = data.prediction();
        int[] target = data.target();
        double[] sums = new double[4];
        for (int c = 0; c < channels; c++) {
            for (int i = 0; i < n; i++) {
                int k = c * n + i;
                boolean truth;
                boolean predicted;
                if (data.mode() == SegMode.MULTICLASS) {
                    if (target[i] < 0 || target[i] >= channels) {
                        continue;
                    }
                    truth = target[i] == c;
                    int best = 0;
                    for (int j = 1; j < channels; j++) {
                        if (x[j * n + i] > x[best * n + i]) {
                            best = j;
                        }
                    }
                    predicted = best == c;
                } else {
                    int t = data.mode() == SegMode.MULTILABEL ? target[k] : target[i];
                    if (t != 0 && t != 1) {
                        continue;
                    }
                    truth = t == 1;
                    predicted = Activations.sigmoid(x[k]) >= 0.5;
                }
                int bucket = truth ? (predicted ? 0 : 2) : (predicted ? 1 : 3);
                sums[bucket] += Math.abs(gradient[k]);
            }
        }
        return new GradientShare(sums[0], sums[1], sums[2], sums[3]);
    }
}
