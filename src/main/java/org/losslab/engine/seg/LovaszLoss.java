package org.losslab.engine.seg;

import java.util.List;
import org.losslab.engine.Evaluation;
import org.losslab.engine.Evaluator;
import org.losslab.engine.ParamSpec;
import org.losslab.engine.Params;

/**
 * smp's LovaszLoss (Berman et al. 2018), the convex surrogate of the Jaccard loss.
 *
 * <p>Binary and multilabel: the Lovasz hinge over all valid elements together: errors
 * e = 1 - z (2t - 1) sorted descending, loss = sum relu(e_sorted) g, where g is the gradient of the
 * Lovasz extension of the Jaccard loss for the sorted truths. Multiclass: Lovasz-Softmax: per class
 * present in the target, errors |t - p_c| of the softmax probabilities, loss = sum e_sorted g, averaged
 * over the present classes. Ties are broken by position (a stable sort).
 */
public final class LovaszLoss implements Evaluator<SegmentationData> {
    private static final String NAME = "lovasz";

    public static List<ParamSpec> params() {
        return List.of(
                ParamSpec.bool("per_image", false, "Compute the loss per image, then average (one image here: no change)."),
                SegParams.IGNORE_INDEX);
    }

    @Override
    public Evaluation evaluate(SegmentationData data, Params params, boolean withGradient) {
        Labels labels = Labels.of(data, params.optionalInteger("ignore_index"), NAME);
        return data.mode() == SegMode.MULTICLASS
                ? softmax(data, labels, withGradient)
                : hinge(data, labels, withGradient);
    }

    private static Evaluation hinge(SegmentationData data, Labels labels, boolean withGradient) {
        double[] x = data.prediction();
        int count = labels.validCount();
        int[] element = new int[count];
        double[] errors = new double[count];
        int k = 0;
        for (int i = 0; i < x.length; i++) {
            if (labels.valid(i) == 1) {
                element[k] = i;
                errors[k] = 1 - x[i] * (2.0 * labels.truth(i) - 1);
                k++;
            }
        }
        double[] gradient = withGradient ? new double[x.length] : null;
        if (count == 0) {
            return Evaluation.scalar(0, "prediction", gradient);
        }
        int[] order = IndexSort.descending(errors, count);
        JaccardSteps steps = new JaccardSteps(element, labels);
        double loss = 0;
        for (int r = 0; r < count; r++) {
            double weight = steps.next(labels.truth(element[order[r]]));
            double e = errors[order[r]];
            if (e > 0) {
                loss += e * weight;
                if (gradient != null) {
                    int i = element[order[r]];
                    gradient[i] = -weight * (2.0 * labels.truth(i) - 1);
                }
            }
        }
        return Evaluation.scalar(loss, "prediction", gradient);
    }

    private static Evaluation softmax(SegmentationData data, Labels labels, boolean withGradient) {
        int channels = data.channels();
        int n = data.pixels();
        double[] p = Activations.probabilities(data, true);
        int[] pixel = new int[n];
        int count = 0;
        for (int i = 0; i < n; i++) {
            if (labels.valid(i) == 1) {
                pixel[count++] = i;
            }
        }
        double[] dLdp = withGradient ? new double[p.length] : null;
        double total = 0;
        int present = 0;
        double[] errors = new double[count];
        int[] element = new int[count];
        double[][] perClassGradient = new double[channels][];
        for (int c = 0; c < channels; c++) {
            boolean any = false;
            for (int k = 0; k < count; k++) {
                int i = c * n + pixel[k];
                element[k] = i;
                errors[k] = Math.abs(labels.truth(i) - p[i]);
                any |= labels.truth(i) == 1;
            }
            if (!any) {
                continue;
            }
            present++;
            int[] order = IndexSort.descending(errors, count);
            JaccardSteps steps = new JaccardSteps(element, labels);
            double[] g = withGradient ? new double[count] : null;
            for (int r = 0; r < count; r++) {
                int k = order[r];
                double weight = steps.next(labels.truth(element[k]));
                total += errors[k] * weight;
                if (g != null) {
                    int i = element[k];
                    // d|t - p|/dp = sign(p - t), 0 where equal (torch's abs)
                    g[k] = weight * Math.signum(p[i] - labels.truth(i));
                }
            }
            perClassGradient[c] = g;
        }
        double value = present == 0 ? 0 : total / present;
        if (!withGradient) {
            return Evaluation.scalar(value);
        }
        if (present > 0) {
            for (int c = 0; c < channels; c++) {
                if (perClassGradient[c] != null) {
                    for (int k = 0; k < count; k++) {
                        dLdp[c * n + pixel[k]] = perClassGradient[c][k] / present;
                    }
                }
            }
        }
        return Evaluation.scalar(value, "prediction", Activations.backward(data, p, dLdp, true));
    }

    /**
     * The gradient of the Lovasz extension of the Jaccard loss with respect to the sorted errors (Alg. 1 of the
     * paper), one sorted element at a time: g_r = J_r - J_(r-1), J_r = 1 - (P - cumTrue_r) / (P + cumFalse_r).
     * Step by step rather than as an array of weights: on a 4096 x 4096 scene that array was 128 MB more.
     */
    private static final class JaccardSteps {
        private final double positives;
        private double cumTrue;
        private double cumFalse;
        private double previous;

        JaccardSteps(int[] element, Labels labels) {
            double sum = 0;
            for (int i : element) {
                sum += labels.truth(i);
            }
            positives = sum;
        }

        /** The weight of the next element in the sorted order, whose truth is t. */
        double next(int t) {
            cumTrue += t;
            cumFalse += 1 - t;
            double jaccard = 1 - (positives - cumTrue) / (positives + cumFalse);
            double g = jaccard - previous;
            previous = jaccard;
            return g;
        }
    }
}
