package org.losslab.engine.seg;

import java.util.List;
import org.losslab.engine.EngineException;
import org.losslab.engine.Evaluation;
import org.losslab.engine.Evaluator;
import org.losslab.engine.ParamSpec;
import org.losslab.engine.Params;

/**
 * smp's SoftCrossEntropyLoss: softmax cross-entropy with label smoothing s over C classes,
 * l = (1 - s)(-log p_t) + (s / C) sum_k (-log p_k). Ignored pixels contribute 0 and, as in smp, still
 * count in the mean's denominator.
 */
public final class CrossEntropyLoss implements Evaluator<SegmentationData> {
    private static final String NAME = "ce";

    public static List<ParamSpec> params() {
        return List.of(
                ParamSpec.number("smooth_factor", 0.0, 0, 1, "Label smoothing: a share s of the target spread over all classes."),
                SegParams.IGNORE_INDEX.withDefault(-100L),
                SegParams.REDUCTION);
    }

    @Override
    public Evaluation evaluate(SegmentationData data, Params params, boolean withGradient) {
        if (data.mode() != SegMode.MULTICLASS) {
            throw new EngineException(NAME + ": cross-entropy needs multiclass mode; use bce for binary and multilabel");
        }
        Labels labels = Labels.of(data, params.optionalInteger("ignore_index"), NAME);
        double smoothing = params.number("smooth_factor");
        String reduction = params.choice("reduction");
        int channels = data.channels();
        int n = data.pixels();
        double[] x = data.prediction();
        double scale = reduction.equals("mean") ? 1.0 / n : 1.0;
        double[] elements = new double[n];
        double[] gradient = withGradient ? new double[x.length] : null;
        double[] logProb = new double[channels];
        double sum = 0;
        for (int i = 0; i < n; i++) {
            if (labels.valid(i) == 0) {
                continue;
            }
            double logZ = Activations.logSumExp(x, i, n, channels);
            double nll = 0;
            double smoothTerm = 0;
            for (int c = 0; c < channels; c++) {
                logProb[c] = x[c * n + i] - logZ;
                smoothTerm -= logProb[c];
                if (labels.truth(c * n + i) == 1) {
                    nll = -logProb[c];
                }
            }
            double l = (1 - smoothing) * nll + smoothing / channels * smoothTerm;
            elements[i] = l;
            sum += l;
            if (gradient != null) {
                for (int c = 0; c < channels; c++) {
                    double p = Math.exp(logProb[c]);
                    double g = (1 - smoothing) * (p - labels.truth(c * n + i)) + smoothing * (p - 1.0 / channels);
                    gradient[c * n + i] = g * scale;
                }
            }
        }
        if (reduction.equals("none")) {
            return Evaluation.elementwise(elements, "prediction", gradient);
        }
        return Evaluation.scalar(sum * scale, "prediction", gradient);
    }
}
