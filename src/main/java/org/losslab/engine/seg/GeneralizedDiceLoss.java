package org.losslab.engine.seg;

import java.util.List;
import org.losslab.engine.Evaluation;
import org.losslab.engine.Evaluator;
import org.losslab.engine.ParamSpec;
import org.losslab.engine.Params;

/**
 * The generalized Dice loss of Sudre et al. (2017): class weights w_c = 1 / (sum of the target of c)^2,
 * loss = 1 - (2 sum_c w_c I_c + s) / (sum_c w_c (P_c + T_c) + s). A class absent from the target would
 * have an infinite weight; it gets the largest finite weight instead (0 when no class is present, so the
 * loss is 0), as MONAI does. The weights
 * depend on the target only, so they are constants of the gradient.
 */
public final class GeneralizedDiceLoss implements Evaluator<SegmentationData> {

    public static List<ParamSpec> params() {
        return List.of(SegParams.IGNORE_INDEX,
                ParamSpec.number("smooth", 1e-5, 0, SegParams.BIG, "Added to numerator and denominator."));
    }

    @Override
    public Evaluation evaluate(SegmentationData data, Params params, boolean withGradient) {
        Labels labels = Labels.of(data, params.optionalInteger("ignore_index"), "generalized_dice");
        double smooth = params.number("smooth");
        double[] p = Activations.probabilities(data, true);
        int channels = data.channels();
        int n = data.pixels();
        double[] intersection = new double[channels];
        double[] cardinality = new double[channels];
        double[] truthSum = new double[channels];
        for (int c = 0; c < channels; c++) {
            for (int i = c * n; i < (c + 1) * n; i++) {
                if (labels.valid(i) == 1) {
                    intersection[c] += p[i] * labels.truth(i);
                    cardinality[c] += p[i] + labels.truth(i);
                    truthSum[c] += labels.truth(i);
                }
            }
        }
        double[] w = new double[channels];
        double maxWeight = 0;
        for (int c = 0; c < channels; c++) {
            if (truthSum[c] > 0) {
                w[c] = 1 / (truthSum[c] * truthSum[c]);
                maxWeight = Math.max(maxWeight, w[c]);
            }
        }
        for (int c = 0; c < channels; c++) {
            if (truthSum[c] == 0) {
                // MONAI: infinite weights become the largest finite one, or 0 when no class is present,
                // so that a target with no class at all gives smooth / smooth, a loss of 0
                w[c] = maxWeight;
            }
        }
        double numerator = smooth;
        double denominator = smooth;
        for (int c = 0; c < channels; c++) {
            numerator += 2 * w[c] * intersection[c];
            denominator += w[c] * cardinality[c];
        }
        double value = 1 - numerator / denominator;
        if (!withGradient) {
            return Evaluation.scalar(value);
        }
        double[] dLdp = new double[p.length];
        for (int c = 0; c < channels; c++) {
            for (int i = c * n; i < (c + 1) * n; i++) {
                if (labels.valid(i) == 1) {
                    dLdp[i] = -(2 * w[c] * labels.truth(i) * denominator - numerator * w[c]) / (denominator * denominator);
                }
            }
        }
        return Evaluation.scalar(value, "prediction", Activations.backward(data, p, dLdp, true));
    }
}
