package org.losslab.engine.seg;

import java.util.List;
import org.losslab.engine.EngineException;
import org.losslab.engine.Evaluation;
import org.losslab.engine.Evaluator;
import org.losslab.engine.ParamSpec;
import org.losslab.engine.Params;

/**
 * smp's MCCLoss: 1 - MCC of soft counts, each count raised by eps:
 * MCC = (TP TN - FP FN) / sqrt((TP + FP)(TP + FN)(TN + FP)(TN + FN)). smp takes probabilities; with
 * from_logits (the default here) the sigmoid comes first. Multilabel scenes are flattened, as smp does.
 */
public final class MccLoss implements Evaluator<SegmentationData> {
    private static final String NAME = "mcc";

    public static List<ParamSpec> params() {
        return List.of(
                ParamSpec.number("eps", 1e-5, 0, 1, "Added to each soft count of the confusion matrix."),
                SegParams.FROM_LOGITS);
    }

    @Override
    public Evaluation evaluate(SegmentationData data, Params params, boolean withGradient) {
        if (data.mode() == SegMode.MULTICLASS) {
            throw new EngineException(NAME + ": the MCC loss needs binary (or multilabel) mode");
        }
        boolean fromLogits = params.bool("from_logits");
        double eps = params.number("eps");
        Labels labels = Labels.of(data, null, NAME);
        double[] p = Activations.probabilities(data, fromLogits);
        double tp = eps;
        double tn = eps;
        double fp = eps;
        double fn = eps;
        for (int i = 0; i < p.length; i++) {
            double t = labels.truth(i);
            tp += p[i] * t;
            tn += (1 - p[i]) * (1 - t);
            fp += p[i] * (1 - t);
            fn += (1 - p[i]) * t;
        }
        double numerator = tp * tn - fp * fn;
        double a = tp + fp;
        double b = tp + fn;
        double c = tn + fp;
        double d = tn + fn;
        double product = a * b * c * d;
        double denominator = Math.sqrt(product);
        double value = 1 - numerator / denominator;
        if (!withGradient) {
            return Evaluation.scalar(value);
        }
        // per element: dTP = t, dTN = -(1 - t), dFP = 1 - t, dFN = -t; so d(a) = 1, d(b) = d(c) = 0, d(d) = -1
        double dProduct = b * c * d - a * b * c;
        double dDenominator = dProduct / (2 * denominator);
        double[] dLdp = new double[p.length];
        for (int i = 0; i < p.length; i++) {
            double t = labels.truth(i);
            double dNumerator = tn * t - tp * (1 - t) - fn * (1 - t) + fp * t;
            double dMcc = (dNumerator * denominator - numerator * dDenominator) / product;
            dLdp[i] = -dMcc;
        }
        return Evaluation.scalar(value, "prediction", Activations.backward(data, p, dLdp, fromLogits));
    }
}
