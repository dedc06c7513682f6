package org.losslab.engine.seg;

import java.util.List;
import org.losslab.engine.Evaluation;
import org.losslab.engine.Evaluator;
import org.losslab.engine.Params;
import org.losslab.engine.ParamSpec;

/**
 * Cross-entropy without the log: the mean absolute error between the predicted probabilities and the
 * one-hot target (Ghosh et al. 2017, "Robust loss functions under label noise"). Per element of a
 * sigmoid scene (binary, multilabel) l = |sigmoid(z) - t| = 1 - p_t; per pixel of a softmax scene
 * (multiclass) l = (1/2) sum_c |softmax(z)_c - t_c| = 1 - p_t, so that both modes read "one minus the
 * probability of the true label" and stay in [0, 1] (Ghosh et al.'s unhalved sum is 2 (1 - p_t)).
 *
 * <p>Where cross-entropy's -log p_t gives a gradient of p_t - 1 with respect to the true logit, this
 * loss gives -p_t (1 - p_t): bounded and robust to flipped labels, but vanishing for a confident
 * mistake (p_t near 0), so hard pixels are learnt slowly.
 *
 * <p>{@code ignore_index} pixels do not count; "mean" divides by the valid elements (sigmoid) or pixels
 * (softmax), as torch's losses with {@code ignore_index} do, and a scene with none valid gives 0.
 */
public final class ProbabilityMaeLoss implements Evaluator<SegmentationData> {
    private static final String NAME = "mae_prob";

    public static List<ParamSpec> params() {
        return List.of(SegParams.IGNORE_INDEX, SegParams.REDUCTION);
    }

    @Override
    public Evaluation evaluate(SegmentationData data, Params params, boolean withGradient) {
        Labels labels = Labels.of(data, params.optionalInteger("ignore_index"), NAME);
        String reduction = params.choice("reduction");
        double[] x = data.prediction();
        double[] gradient = withGradient ? new double[x.length] : null;
        boolean softmax = data.mode() == SegMode.MULTICLASS;
        double[] elements = new double[softmax ? data.pixels() : x.length];
        int count = softmax ? perPixel(data, labels, elements, gradient) : perElement(x, labels, elements, gradient);
        return TermReduction.of(elements, gradient, reduction, count);
    }

    /**
     * Sigmoid outputs: 1 - p_t = sigmoid(-z) for a positive, sigmoid(z) for a negative (exact at logits of
     * +-1000), d/dz = (1 - 2t) sigmoid(z) sigmoid(-z). Returns the number of valid elements.
     */
    private static int perElement(double[] x, Labels labels, double[] elements, double[] gradient) {
        int count = 0;
        for (int i = 0; i < x.length; i++) {
            if (labels.valid(i) == 0) {
                continue;
            }
            count++;
            int t = labels.truth(i);
            elements[i] = Activations.sigmoid(t == 1 ? -x[i] : x[i]);
            if (gradient != null) {
                gradient[i] = (1 - 2 * t) * Activations.sigmoid(x[i]) * Activations.sigmoid(-x[i]);
            }
        }
        return count;
    }

    /**
     * Softmax outputs: 1 - p_t per pixel, summed from the other classes' probabilities (accurate where p_t
     * rounds to 1), d/dz_c = p_t (p_c - [c = t]) (the softmax Jacobian's row of the true class, negated).
     * Returns the number of valid pixels.
     */
    private static int perPixel(SegmentationData data, Labels labels, double[] elements, double[] gradient) {
        double[] x = data.prediction();
        int n = data.pixels();
        int channels = data.channels();
        int count = 0;
        for (int i = 0; i < n; i++) {
            if (labels.valid(i) == 0) {
                continue;
            }
            count++;
            double logZ = Activations.logSumExp(x, i, n, channels);
            int truth = 0;
            for (int c = 0; c < channels; c++) {
                if (labels.truth(c * n + i) == 1) {
                    truth = c;
                }
            }
            double pt = Math.exp(x[truth * n + i] - logZ);
            double others = 0;
            for (int c = 0; c < channels; c++) {
                others += c == truth ? 0 : Math.exp(x[c * n + i] - logZ);
            }
            elements[i] = others;
            if (gradient != null) {
                for (int c = 0; c < channels; c++) {
                    gradient[c * n + i] = c == truth ? -pt * others : pt * Math.exp(x[c * n + i] - logZ);
                }
            }
        }
        return count;
    }
}
