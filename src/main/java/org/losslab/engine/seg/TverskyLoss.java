package org.losslab.engine.seg;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.losslab.engine.Evaluation;
import org.losslab.engine.Evaluator;
import org.losslab.engine.ParamSpec;
import org.losslab.engine.Params;
import org.losslab.engine.explanation.Explainable;
import org.losslab.engine.explanation.Explanation;
import org.losslab.engine.explanation.Term;

/**
 * The soft region losses of smp: Tversky, and Dice and Jaccard as its special cases.
 *
 * <p>Per class c, over valid pixels, with soft counts TP = sum p t, FP = sum p (1 - t), FN = sum (1 - p) t:
 * score = (TP + smooth) / max(TP + alpha FP + beta FN + smooth, eps); loss_c = 1 - score (or
 * -log(max(score, eps)) with log_loss); a class absent from the target contributes 0 (smp's rule);
 * the loss is the (weighted) mean over the selected classes, raised to gamma (Focal Tversky).
 * Dice is alpha = beta = 1/2, Jaccard alpha = beta = 1.
 */
public final class TverskyLoss implements Evaluator<SegmentationData>,
        Explainable<SegmentationData> {
    /** The three registry entries this class serves. */
    public enum Variant {
        DICE, JACCARD, TVERSKY
    }

    private final Variant variant;
    private final String name;

    public TverskyLoss(Variant variant) {
        this.variant = variant;
        this.name = variant.name().toLowerCase(Locale.ROOT);
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
        ArrayList<ParamSpec> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }

    @Override
    public Evaluation evaluate(SegmentationData data, Params params, boolean withGradient) {
        Setting set = setting(data, params);
        double alpha = set.alpha();
        double beta = set.beta();
        double gamma = set.gamma();
        boolean fromLogits = set.fromLogits();
        double smooth = set.smooth();
        double eps = set.eps();
        boolean logLoss = set.logLoss();
        int channels = data.channels();
        int n = data.pixels();
        ClassSelection selection = set.selection();
        Labels labels = set.labels();
        double[] p = set.p();

        double[] perClass = new double[channels];
        double[] dLossDScore = new double[channels];
        double[] numerator = new double[channels];
        double[] denominator = new double[channels];
        boolean[] clamped = new boolean[channels];
        for (int c = 0; c < channels; c++) {
            double[] counts = softCounts(p, labels, c, n, null);
            double tp = counts[0];
            double fp = counts[1];
            double fn = counts[2];
            double truthCount = counts[3];
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

    /** The parameters as the computation reads them, and what it needs of the scene. */
    private record Setting(double alpha, double beta, double gamma, double smooth, double eps, boolean logLoss,
                           boolean fromLogits, ClassSelection selection, Labels labels, double[] p) {
    }

    /** Dice is Tversky at alpha = beta = 0.5, Jaccard at 1 / 1, both with gamma 1. */
    private Setting setting(SegmentationData data, Params params) {
        double[] weights = switch (variant) {
            case DICE -> new double[] {0.5, 0.5, 1.0};
            case JACCARD -> new double[] {1.0, 1.0, 1.0};
            default -> new double[] {params.number("alpha"), params.number("beta"), params.number("gamma")};
        };
        boolean fromLogits = params.bool("from_logits");
        return new Setting(weights[0], weights[1], weights[2], params.number("smooth"), params.number("eps"),
                params.bool("log_loss"), fromLogits,
                ClassSelection.of(name, data.mode(), data.channels(), params.integers("classes"), params.numbers("class_weights")),
                Labels.of(data, params.optionalInteger("ignore_index"), name), Activations.probabilities(data, fromLogits));
    }

    /**
     * {soft TP, soft FP, soft FN, true pixels} of channel c; with {@code perPixel} (3 x n) also each pixel's share
     * of the three counts.
     */
    private static double[] softCounts(double[] p, Labels labels, int c, int n, double[][] perPixel) {
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
            if (perPixel != null) {
                perPixel[0][i - c * n] = p[i] * t;
                perPixel[1][i - c * n] = p[i] * (1 - t);
                perPixel[2][i - c * n] = (1 - p[i]) * t;
            }
        }
        return new double[] {tp, fp, fn, truthCount};
    }

    /** Per class: the soft counts (each pixel's share), the score, the class's loss and its weight; then the mean. */
    @Override
    public Explanation explain(SegmentationData data, Params params) {
        Setting set = setting(data, params);
        double alpha = set.alpha();
        double beta = set.beta();
        int channels = data.channels();
        int n = data.pixels();
        ClassSelection selection = set.selection();
        List<Term> terms = new ArrayList<>();
        double mean = 0;
        for (int c = 0; c < channels; c++) {
            if (selection.factor(c) == 0) {
                continue;
            }
            double[][] perPixel = new double[3][n];
            double[] counts = softCounts(set.p(), set.labels(), c, n, perPixel);
            String cls = channels == 1 ? "" : ", class " + c;
            terms.add(Term.sum("soft TP" + cls, "sum of p over its true pixels", counts[0], perPixel[0]));
            terms.add(Term.sum("soft FP" + cls, "sum of p over the other pixels", counts[1], perPixel[1]));
            terms.add(Term.sum("soft FN" + cls, "sum of 1 - p over its true pixels", counts[2], perPixel[2]));
            double raw = counts[0] + alpha * counts[1] + beta * counts[2] + set.smooth();
            double score = (counts[0] + set.smooth()) / Math.max(raw, set.eps());
            terms.add(Term.step("score" + cls, String.format(Locale.ROOT,
                    "(TP + %s) / max(TP + %s FP + %s FN + %s, %s) = %s / %s", g(set.smooth()), g(alpha), g(beta), g(set.smooth()), g(set.eps()),
                    g(counts[0] + set.smooth()), g(Math.max(raw, set.eps()))), score));
            boolean present = counts[3] > 0;
            double loss = !present ? 0 : set.logLoss() ? -Math.log(Math.max(score, set.eps())) : 1 - score;
            terms.add(Term.step("loss" + cls, !present
                    ? "0: the class has no true pixel (smp does not count an absent class)"
                    : set.logLoss() ? "-log(score)" : "1 - score", loss));
            double factor = selection.factor(c);
            double weighted = factor * loss;
            mean += weighted;
            String weightedFormula = String.format(Locale.ROOT, "%s x loss (the class's share of the mean)", g(factor));
            if (present && !set.logLoss() && raw >= set.eps()) {
                // 1 - (TP + s) / (TP + a FP + b FN + s) = (a FP + b FN) / den: the loss splits into a false-positive
                // and a missed-pixel share, each a sum over its pixels
                double den = raw;
                double[] fpPixels = scaled(perPixel[1], factor * alpha / den);
                double[] fnPixels = scaled(perPixel[2], factor * beta / den);
                terms.add(Term.step("weighted loss" + cls, weightedFormula, weighted));
                terms.add(Term.summand("from false positives" + cls, String.format(Locale.ROOT,
                        "%s x %s FP / %s", g(factor), g(alpha), g(den)), factor * alpha * counts[1] / den, fpPixels));
                terms.add(Term.summand("from missed pixels" + cls, String.format(Locale.ROOT,
                        "%s x %s FN / %s", g(factor), g(beta), g(den)), factor * beta * counts[2] / den, fnPixels));
            } else {
                terms.add(Term.summand("weighted loss" + cls, weightedFormula, weighted, null));
            }
        }
        double value = set.gamma() == 1.0 ? mean : Math.pow(mean, set.gamma());
        String note = set.gamma() == 1.0
                ? name + " is the weighted mean of the per-class losses; each class's loss 1 - score is (alpha FP + beta FN) / "
                        + "(TP + alpha FP + beta FN + smooth), so it splits into what the false positives and the missed pixels "
                        + "cost. The bars add up to it."
                : String.format(Locale.ROOT, "The bars add up to the mean %s; Focal Tversky raises it to gamma %s: %s.",
                        g(mean), g(set.gamma()), g(value));
        if (set.gamma() != 1.0) {
            terms.add(Term.step("mean ^ gamma", g(mean) + " ^ " + g(set.gamma()), value));
        }
        return new Explanation(name, value, terms, note);
    }

    private static double[] scaled(double[] values, double factor) {
        double[] out = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = values[i] * factor;
        }
        return out;
    }

    private static String g(double v) {
        return Term.fmt(v);
    }
}
