package org.losslab.engine.sweep;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.losslab.engine.LossRegistry;
import org.losslab.engine.LossSpec;
import org.losslab.engine.Params;
import org.losslab.engine.dense.DistributionData;

/**
 * A box pair read as a YOLOv8 / GFL head reads it: from an anchor point (the predicted box's centre) each side is a
 * distance in units of the stride, and the head predicts each distance as a distribution over {@value #BINS} bins
 * (reg_max 16). Here each predicted side's distribution is a discretised bell around the predicted box's edge, with
 * a spread in bins; the box it decodes to is the distributions' expectations. DFL compares each distribution with the
 * target edge, through the two bins around it only.
 *
 * @param predicted the predicted box's distances (l, t, r, b) in bins, before clamping to the bins
 * @param target    the target's distances (l, t, r, b) in bins, clamped into [0, BINS - 1) as the head needs
 * @param bins      per side, the probability of each bin
 * @param expected  per side, the distribution's mean: the edge the head decodes
 * @param dfl       per side, the registry's dfl (reduction none, mmdetection's per-side value)
 * @param notes     what the clamping changed (a target edge beyond the bins, an anchor outside the target)
 */
public record BoxDistributions(double[] predicted, double[] target, double[][] bins, double[] expected, double[] dfl,
                               List<String> notes) {
    public static final int BINS = 16;
    public static final String[] SIDES = {"left", "top", "right", "bottom"};

    /**
     * @param predictedBox (x1, y1, x2, y2)
     * @param targetBox    (x1, y1, x2, y2)
     * @param stride       pixels per bin (8, 16 or 32 in YOLOv8's three heads)
     * @param spread       the bell's standard deviation, in bins
     */
    public static BoxDistributions of(double[] predictedBox, double[] targetBox, double stride, double spread,
                                      Params dflParams) {
        double ax = (predictedBox[0] + predictedBox[2]) / 2;
        double ay = (predictedBox[1] + predictedBox[3]) / 2;
        double[] predicted = distances(predictedBox, ax, ay, stride);
        double[] rawTarget = distances(targetBox, ax, ay, stride);
        double[] target = new double[4];
        List<String> notes = new ArrayList<>();
        double top = BINS - 1 - 1e-6;
        for (int s = 0; s < 4; s++) {
            target[s] = Math.max(0, Math.min(top, rawTarget[s]));
            if (rawTarget[s] < 0) {
                notes.add(String.format(Locale.ROOT, "%s: the anchor lies outside the target (distance %.2f bins, taken as 0; "
                        + "YOLOv8 assigns only anchors inside their target)", SIDES[s], rawTarget[s]));
            } else if (rawTarget[s] > top) {
                notes.add(String.format(Locale.ROOT, "%s: the target edge is %.2f bins away, beyond the last bin (15): this "
                        + "stride cannot express it, a coarser head would", SIDES[s], rawTarget[s]));
            }
        }
        double[] logits = new double[4 * BINS];
        double[][] probabilities = new double[4][BINS];
        double[] expected = new double[4];
        for (int s = 0; s < 4; s++) {
            double centre = Math.max(0, Math.min(BINS - 1, predicted[s]));
            double max = Double.NEGATIVE_INFINITY;
            for (int b = 0; b < BINS; b++) {
                double d = (b - centre) / spread;
                logits[s * BINS + b] = -0.5 * d * d;
                max = Math.max(max, logits[s * BINS + b]);
            }
            double sum = 0;
            for (int b = 0; b < BINS; b++) {
                probabilities[s][b] = Math.exp(logits[s * BINS + b] - max);
                sum += probabilities[s][b];
            }
            for (int b = 0; b < BINS; b++) {
                probabilities[s][b] /= sum;
                expected[s] += b * probabilities[s][b];
            }
        }
        @SuppressWarnings("unchecked")
        LossSpec<DistributionData> spec = (LossSpec<DistributionData>) LossRegistry.get("dfl");
        Params perSide = dflParams.with("dfl", spec.params(), "reduction", "none");
        double[] dfl = spec.evaluate(new DistributionData(BINS, logits, target), perSide, false).values();
        return new BoxDistributions(predicted, target, probabilities, expected, dfl, List.copyOf(notes));
    }

    /** (l, t, r, b) of a box from the anchor, in strides. */
    private static double[] distances(double[] box, double ax, double ay, double stride) {
        return new double[] {(ax - box[0]) / stride, (ay - box[1]) / stride, (box[2] - ax) / stride, (box[3] - ay) / stride};
    }
}
