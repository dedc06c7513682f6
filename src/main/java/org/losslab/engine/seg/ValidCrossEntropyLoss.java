package org.losslab.engine.seg;

import java.util.List;
import org.losslab.engine.Evaluation;
import org.losslab.engine.Evaluator;
import org.losslab.engine.ParamSpec;
import org.losslab.engine.Params;

/**
 * Cross-entropy averaged over the valid (not ignored) pixels only, as torch's CrossEntropyLoss with
 * ignore_index and the DrivenData flood-water XEDice benchmark do: softmax cross-entropy per pixel in
 * multiclass mode, binary cross-entropy per element otherwise.
 */
public final class ValidCrossEntropyLoss implements Evaluator<SegmentationData> {

    public static List<ParamSpec> params() {
        return List.of(SegParams.IGNORE_INDEX.withDefault((long) SegParams.IGNORED_LABEL));
    }

    @Override
    public Evaluation evaluate(SegmentationData data, Params params, boolean withGradient) {
        Labels labels = Labels.of(data, params.optionalInteger("ignore_index"), "ce");
        double[] x = data.prediction();
        int n = data.pixels();
        int channels = data.channels();
        double[] gradient = withGradient ? new double[x.length] : null;
        double sum = 0;
        int count = 0;
        if (data.mode() == SegMode.MULTICLASS) {
            double[] p = Activations.probabilities(data, true);
            for (int i = 0; i < n; i++) {
                if (labels.valid(i) == 0) {
                    continue;
                }
                count++;
                // -log p_t as log-sum-exp minus the true logit: finite even where p_t underflows
                double truthLogit = 0;
                for (int c = 0; c < channels; c++) {
                    if (labels.truth(c * n + i) == 1) {
                        truthLogit = x[c * n + i];
                    }
                }
                sum += Activations.logSumExp(x, i, n, channels) - truthLogit;
            }
            if (gradient != null && count > 0) {
                for (int i = 0; i < n; i++) {
                    if (labels.valid(i) == 1) {
                        for (int c = 0; c < channels; c++) {
                            gradient[c * n + i] = (p[c * n + i] - labels.truth(c * n + i)) / count;
                        }
                    }
                }
            }
        } else {
            for (int i = 0; i < x.length; i++) {
                if (labels.valid(i) == 1) {
                    count++;
                    sum += Activations.binaryCrossEntropy(x[i], labels.truth(i));
                }
            }
            if (gradient != null && count > 0) {
                for (int i = 0; i < x.length; i++) {
                    if (labels.valid(i) == 1) {
                        gradient[i] = (Activations.sigmoid(x[i]) - labels.truth(i)) / count;
                    }
                }
            }
        }
        return Evaluation.scalar(count == 0 ? 0 : sum / count, "prediction", gradient);
    }
}
