package org.losslab.engine.seg;

import java.util.List;
import org.losslab.engine.EngineException;
import org.losslab.engine.Evaluation;
import org.losslab.engine.Evaluator;
import org.losslab.engine.ParamSpec;
import org.losslab.engine.Params;

/**
 * smp's metrics over hard confusion counts, with its reductions: micro (sum the counts, then the
 * metric), macro / weighted (metric per class, then the mean of score x normalised class weight, as smp
 * computes it), the imagewise variants (one image here, so equal to micro / macro), and none (one value
 * per class). 0/0 becomes zero_division ("warn" means 0), in every reduction, so that no NaN leaks out.
 */
public final class ConfusionMetric implements Evaluator<SegmentationData> {

    /** The formula of one metric over (tp, fp, fn, tn). */
    public enum Formula {
        IOU_SCORE("iou_score", "TP / (TP + FP + FN)"),
        F1_SCORE("f1_score", "2 TP / (2 TP + FN + FP)"),
        FBETA_SCORE("fbeta_score", "(1 + b^2) TP / ((1 + b^2) TP + b^2 FN + FP)"),
        ACCURACY("accuracy", "(TP + TN) / (TP + FP + FN + TN)"),
        PRECISION("precision", "TP / (TP + FP)"),
        RECALL("recall", "TP / (TP + FN)"),
        SPECIFICITY("specificity", "TN / (TN + FP)"),
        BALANCED_ACCURACY("balanced_accuracy", "(TP / (TP + FN) + TN / (TN + FP)) / 2");

        public final String key;
        public final String text;

        Formula(String key, String text) {
            this.key = key;
            this.text = text;
        }

        double apply(double tp, double fp, double fn, double tn, double beta) {
            switch (this) {
                case IOU_SCORE: return tp / (tp + fp + fn);
                case F1_SCORE: return fbeta(tp, fp, fn, 1);
                case FBETA_SCORE: return fbeta(tp, fp, fn, beta);
                case ACCURACY: return (tp + tn) / (tp + fp + fn + tn);
                case PRECISION: return tp / (tp + fp);
                case RECALL: return tp / (tp + fn);
                case SPECIFICITY: return tn / (tn + fp);
                case BALANCED_ACCURACY: return (tp / (tp + fn) + tn / (tn + fp)) / 2;
                default: throw new IllegalStateException(name());
            }
        }

        private static double fbeta(double tp, double fp, double fn, double beta) {
            double b2 = beta * beta;
            return (1 + b2) * tp / ((1 + b2) * tp + b2 * fn + fp);
        }
    }

    private final Formula formula;

    public ConfusionMetric(Formula formula) {
        this.formula = formula;
    }

    public static List<ParamSpec> params(Formula formula) {
        List<ParamSpec> common = List.of(
                SegParams.THRESHOLD,
                ParamSpec.choice("reduction", "micro", List.of("micro", "macro", "weighted", "micro-imagewise",
                        "macro-imagewise", "weighted-imagewise", "none"), "How per-class counts become one number."),
                SegParams.IGNORE_INDEX,
                ParamSpec.numberOrChoice("zero_division", "warn", List.of("warn"), 0, 1,
                        "Value of a 0/0 metric (\"warn\": 0)."),
                SegParams.CLASS_WEIGHTS);
        if (formula != Formula.FBETA_SCORE) {
            return common;
        }
        return TverskyLoss.concat(common, List.of(ParamSpec.number("beta", 1.0, 0, SegParams.BIG,
                "Weight of recall against precision.")));
    }

    @Override
    public Evaluation evaluate(SegmentationData data, Params params, boolean withGradient) {
        return evaluate(ConfusionCounts.of(data, params.number("threshold"), params.optionalInteger("ignore_index"), formula.key),
                params);
    }

    /** The metric of counts gathered elsewhere (a volume's, all voxels), with the entry's reduction and zero_division. */
    public Evaluation evaluate(ConfusionCounts counts, Params params) {
        String reduction = params.choice("reduction");
        Object zd = params.raw("zero_division");
        double zeroDivision = zd instanceof Double ? (Double) zd : 0.0;
        double beta = formula == Formula.FBETA_SCORE ? params.number("beta") : 1;
        double[] weights = params.numbers("class_weights");
        int channels = counts.channels();
        if (weights != null && weights.length != channels) {
            throw new EngineException(formula.key + ".class_weights: expected " + channels + " weights, got " + weights.length);
        }
        if (weights == null && reduction.startsWith("weighted")) {
            throw new EngineException(formula.key + ".class_weights: reduction \"" + reduction + "\" needs class weights");
        }
        if (reduction.equals("micro") || reduction.equals("micro-imagewise")) {
            double tp = 0;
            double fp = 0;
            double fn = 0;
            double tn = 0;
            for (int c = 0; c < channels; c++) {
                tp += counts.tp[c];
                fp += counts.fp[c];
                fn += counts.fn[c];
                tn += counts.tn[c];
            }
            return Evaluation.scalar(orZero(formula.apply(tp, fp, fn, tn, beta), zeroDivision));
        }
        double[] perClass = new double[channels];
        for (int c = 0; c < channels; c++) {
            perClass[c] = orZero(formula.apply(counts.tp[c], counts.fp[c], counts.fn[c], counts.tn[c], beta), zeroDivision);
        }
        if (reduction.equals("none")) {
            return Evaluation.elementwise(perClass, "prediction", null);
        }
        double weightSum = 0;
        for (int c = 0; c < channels; c++) {
            weightSum += weights == null ? 1 : weights[c];
        }
        double mean = 0;
        for (int c = 0; c < channels; c++) {
            // smp: (score * weights / sum(weights)).mean()
            mean += perClass[c] * (weights == null ? 1 : weights[c] / weightSum);
        }
        return Evaluation.scalar(mean / channels);
    }

    private static double orZero(double value, double zeroDivision) {
        return Double.isNaN(value) ? zeroDivision : value;
    }
}
