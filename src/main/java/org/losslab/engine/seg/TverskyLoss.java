package org.losslab.engine.seg;

import java.util.List;
import org.losslab.engine.Evaluation;
import org.losslab.engine.Evaluator;
import org.losslab.engine.ParamSpec;
import org.losslab.engine.Params;

/**
 * The soft region losses of smp: Tversky, and Dice and Jaccard as its special cases.
 *
 * <p>Per class c, over valid pixels, with soft counts TP = sum p t, FP = sum p (1 - t), FN = sum (1 - p) t:
 * score = (TP + smooth) / max(TP + alpha FP + beta FN + smooth, eps); loss_c = 1 - score (or
 * -log(max(score, eps)) with log_loss); a class absent from the target contributes 0 (smp's rule);
 * the loss is the (weighted) mean over the selected classes, raised to gamma (Focal Tversky).
 * Dice is alpha = beta = 1/2, Jaccard alpha = beta = 1.
 */
public final class TverskyLoss implements Evaluator<SegmentationData> {
    /** The three registry entries this class serves. */
    public enum Variant {
        DICE, JACCARD, TVERSKY
    }

    private final Variant variant;
    private final String name;

    public TverskyLoss(Variant variant) {
        this.variant = variant;
        this.name = variant.name().toLowerCase(java.util.Locale.ROOT);
    }

    public static List<ParamSpec> params(Variant variant) {
        List<ParamSpec> common = List.of(SegParams.CLASSES, SegParams.LOG_LOSS, SegParams.FROM_LOGITS, SegParams.SMOOTH,
                SegParams.IGNORE_INDEX, SegParams.EPS, SegParams.CLASS_WEIGHTS);
        if (variant != Variant.TVERSKY) {
            return common;
        }
        return concat(common, List.of(
                ParamSpec.number("alpha", 0.5, 0, SegParams.BIG, "Weight of false positives."),
                ParamSpec.number("beta", 0.5, 0, SegParams.BIG, "Weight of false negatives."),
                ParamSpec.number("gamma", 1.0, 0, SegParams.BIG, "Exponent of the mean loss; != 1 is the Focal Tversky loss.")));
    }

    static List<ParamSpec> concat(List<ParamSpec> a, List<ParamSpec> b) {
        java.util.ArrayList<ParamSpec> out = new java.util.ArrayList<>(a);
        out.addAll(b);
        return out;
    }

    @Override
    public Evaluation evaluate(SegmentationData data, Params params, boolean withGradient) {
        double alpha = variant == Variant.DICE ? 0.5 : variant == Variant.JACCARD ? 1.0 : params.number("alpha");
        double beta = variant == Variant.DICE ? 0.5 : variant == Variant.JACCARD ? 1.0 : params.number("beta");
        double gamma = variant == Variant.TVERSKY ? params.number("gamma") : 1.0;
        boolean fromLogits = params.bool("from_logits");
        double smooth = params.number("smooth");
        double eps = params.number("eps");
        boolean logLoss = params.bool("log_loss");
        int channels = data.channels();
        int n = data.pixels();
        ClassSelection selection = ClassSelection.of(name, data.mode(), channels, params.integers("classes"),
                params.numbers("class_weights"));
        Labels labels = Labels.of(data, params.optionalInteger("ignore_index"), name);
        double[] p = Activations.probabilities(data, fromLogits);

        double[] perClass = new double[channels];
        double[] dLossDScore = new double[channels];
        double[] numerator = new double[channels];
        double[] denominator = new double[channels];
        boolean[] clamped = new boolean[channels];
        for (int c = 0; c < channels; c++) {
            double tp = 0;
            double fp = 0;
            double fn = 0;
            double truthCount = 0;
            for (int i = c * n, end = i + n; i < end; i++) {
                if (labels.valid(i) == 0) {
                    continue;
                }
                double t = labels.truth(i);
                tp += p[i] * t;
                fp += p[i] * (1 - t);
                fn += (1 - p[i]) * t;
                truthCount += t;
            }
            double num = tp + smooth;
            double rawDen = tp + alpha * fp + beta * fn + smooth;
            double den = Math.max(rawDen, eps);
            double score = num / den;
            numerator[c] = num;
            denominator[c] = den;
            clamped[c] = rawDen < eps;
            // smp zeroes the loss of a class with no true pixels: Dice is undefined there
            boolean present = truthCount > 0;
            if (logLoss) {
                perClass[c] = present ? -Math.log(Math.max(score, eps)) : 0;
                dLossDScore[c] = present && score >= eps ? -1 / score : 0;
            } else {
                perClass[c] = present ? 1 - score : 0;
                dLossDScore[c] = present ? -1 : 0;
            }
        }
        double mean = selection.aggregate(perClass);
        double value = gamma == 1.0 ? mean : Math.pow(mean, gamma);
        if (!withGradient) {
            return Evaluation.scalar(value);
        }
        double dValueDMean = gamma == 1.0 ? 1.0 : gamma == 0.0 ? 0.0 : gamma * Math.pow(mean, gamma - 1);
        double[] dLdp = new double[p.length];
        for (int c = 0; c < channels; c++) {
            double upstream = selection.factor(c) * dLossDScore[c];
            if (upstream == 0) {
                continue;
            }
            upstream *= dValueDMean;
            double num = numerator[c];
            double den = denominator[c];
            double dDenPos = clamped[c] ? 0 : 1 - beta;   // d(raw denominator)/dp where t = 1
            double dDenNeg = clamped[c] ? 0 : alpha;      // ... where t = 0
            double invDen2 = 1 / (den * den);
            for (int i = c * n, end = i + n; i < end; i++) {
                if (labels.valid(i) == 0) {
                    continue;
                }
                double dScore = labels.truth(i) == 1 ? (den - num * dDenPos) * invDen2 : -num * dDenNeg * invDen2;
                dLdp[i] = upstream * dScore;
            }
        }
        return Evaluation.scalar(value, "prediction", Activations.backward(data, p, dLdp, fromLogits));
    }
}
