package org.losslab.engine.seg;

import java.util.List;
import org.losslab.engine.EngineException;
import org.losslab.engine.Evaluation;
import org.losslab.engine.Evaluator;
import org.losslab.engine.ParamSpec;
import org.losslab.engine.Params;

/**
 * smp's FocalLoss: per element b = BCE(z, t), p_t = exp(-b), loss = (1 - p_t)^gamma b, times
 * alpha t + (1 - alpha)(1 - t) when alpha is set. Reduced focal loss (reduced_threshold r):
 * ((1 - p_t) / r)^gamma where p_t >= r, else 1. Normalized: divided by the sum of the focal terms.
 * Each channel is one focal loss over its valid pixels (one-vs-rest sigmoid in multiclass), reduced on
 * its own; the loss is the mean over channels, weighted by class_weights when given.
 * With from_logits=false the prediction holds probabilities, turned into logits log(p / (1 - p))
 * after clamping to [eps, 1 - eps].
 *
 * <p>smp raises an indexing error for ignore_index in some versions; here ignored pixels simply do
 * not count, as its documentation promises.
 */
public final class FocalLoss implements Evaluator<SegmentationData> {
    private static final String NAME = "focal";
    /** smp's focal_loss_with_logits floor for the normaliser. */
    private static final double NORMALIZER_EPS = 1e-6;

    public static List<ParamSpec> params() {
        return List.of(
                ParamSpec.optionalNumber("alpha", null, 0, 1, "Weight of positives (1 - alpha for negatives); null: none."),
                ParamSpec.number("gamma", 2.0, 0, SegParams.BIG, "Focusing exponent: how strongly easy pixels are down-weighted."),
                SegParams.IGNORE_INDEX, SegParams.FROM_LOGITS, SegParams.EPS, SegParams.REDUCTION,
                ParamSpec.bool("normalized", false, "Divide by the sum of focal terms (normalized focal loss)."),
                ParamSpec.optionalNumber("reduced_threshold", null, 0, 1,
                        "Reduced focal loss: below this p_t the focal term is 1."),
                SegParams.CLASS_WEIGHTS);
    }

    /** The per-element settings shared by every group of elements. */
    record Settings(Double alpha, double gamma, Double reducedThreshold, boolean normalized, String reduction,
                    boolean fromLogits, double eps) {
        static Settings of(Params p) {
            Double reduced = p.optionalNumber("reduced_threshold");
            if (reduced != null && reduced == 0) {
                throw new EngineException("focal.reduced_threshold: 0 divides (1 - p_t) by zero "
                        + "(the loss is infinite); give a value in (0, 1], or null for the plain focal loss");
            }
            return new Settings(p.optionalNumber("alpha"), p.number("gamma"), p.optionalNumber("reduced_threshold"),
                    p.bool("normalized"), p.choice("reduction"), p.bool("from_logits"), p.number("eps"));
        }
    }

    @Override
    public Evaluation evaluate(SegmentationData data, Params params, boolean withGradient) {
        Settings s = Settings.of(params);
        int channels = data.channels();
        int n = data.pixels();
        // one focal loss per channel (one-vs-rest in multiclass), reduced over its valid pixels, then
        // the (class-weighted) mean over channels
        ClassSelection selection = ClassSelection.of(NAME, data.mode(), channels, null, params.numbers("class_weights"));
        Labels labels = Labels.of(data, params.optionalInteger("ignore_index"), NAME);
        double[] x = data.prediction();
        boolean perElement = s.reduction().equals("none");
        double[] gradient = withGradient ? new double[x.length] : null;
        double[] elements = perElement ? new double[x.length] : null;
        double total = 0;
        for (int c = 0; c < channels; c++) {
            Group group = new Group(x, labels, c * n, (c + 1) * n, s);
            total += selection.factor(c) * group.reduced(gradient, selection.factor(c), elements);
        }
        if (perElement) {
            return Evaluation.elementwise(elements, "prediction", gradient);
        }
        return Evaluation.scalar(total, "prediction", gradient);
    }

    /**
     * The valid elements of one channel range: their sums in a first pass, and each element's terms again in a
     * second only when a gradient or the per-element losses are asked for. No per-element array is kept: six of
     * them took a gigabyte on a 4096 x 4096 scene, where the table only needs the value.
     */
    private static final class Group {
        private final double[] x;
        private final Labels labels;
        private final int from;
        private final int to;
        private final Settings s;
        private final Element element = new Element();
        private int count;
        private double lossSum;
        private double focalSum;

        Group(double[] x, Labels labels, int from, int to, Settings s) {
            this.x = x;
            this.labels = labels;
            this.from = from;
            this.to = to;
            this.s = s;
            for (int i = from; i < to; i++) {
                if (labels.valid(i) == 0) {
                    continue;
                }
                element.of(x[i], labels.truth(i), s);
                count++;
                lossSum += element.loss;
                focalSum += element.focal;
            }
        }

        /**
         * The group's reduced loss; adds {@code factor} times its gradient (with respect to x) into
         * {@code gradient} and its element losses into {@code elements} (either may be null).
         */
        double reduced(double[] gradient, double factor, double[] elements) {
            double norm = 1;
            boolean normClamped = false;
            if (s.normalized()) {
                norm = Math.max(focalSum, NORMALIZER_EPS);
                normClamped = focalSum < NORMALIZER_EPS;
            }
            double scale = s.reduction().equals("mean") ? (count == 0 ? Double.NaN : 1.0 / count) : 1.0;
            double total = count == 0 ? 0 : lossSum / norm * scale;
            if (elements == null && (gradient == null || count == 0)) {
                return total;
            }
            for (int i = from; i < to; i++) {
                if (labels.valid(i) == 0) {
                    continue;
                }
                element.of(x[i], labels.truth(i), s);
                if (elements != null) {
                    elements[i] = factor * element.loss / norm;
                }
                if (gradient != null) {
                    double g = element.dLossDz / norm;
                    if (s.normalized() && !normClamped) {
                        g -= lossSum / (norm * norm) * element.dFocalDz;
                    }
                    gradient[i] += factor * g * scale * element.dzDx;
                }
            }
            return total;
        }
    }

    /** One element's terms, computed in place (no object per element). */
    private static final class Element {
        double loss;
        double focal;
        double dLossDz;
        double dFocalDz;
        double dzDx;

        void of(double input, int t, Settings s) {
            double z = input;
            dzDx = 1;
            if (!s.fromLogits()) {
                double p = Math.min(Math.max(input, s.eps()), 1 - s.eps());
                z = Math.log(p) - Math.log1p(-p);
                dzDx = p == input ? 1 / (p * (1 - p)) : 0;
            }
            // one exp serves the sigmoid and the BCE: e = exp(-|z|)
            double e = Math.exp(-Math.abs(z));
            double sigmoid = z >= 0 ? 1 / (1 + e) : e / (1 + e);
            double bce = Math.max(z, 0) - z * t + Math.log1p(e);
            double dBce = sigmoid - t;
            // p_t = exp(-BCE) is the probability of the true label; 1 - p_t that of the other one
            double oneMinusPt = t == 1 ? (z >= 0 ? e / (1 + e) : 1 / (1 + e)) : sigmoid;
            double pt = 1 - oneMinusPt;
            double term;
            double dTerm;
            Double r = s.reducedThreshold();
            if (r != null && pt < r) {
                term = 1;
                dTerm = 0;
            } else {
                double scale = r == null ? 1 : r;
                double base = oneMinusPt / scale;
                double gamma = s.gamma();
                double powMinusOne = gamma == 0 || base == 0 ? 0 : power(base, gamma - 1);
                term = gamma == 0 ? 1 : base == 0 ? 0 : powMinusOne * base;
                // d(1 - p_t)/dz = p_t dBCE/dz
                dTerm = gamma * powMinusOne / scale * pt * dBce;
            }
            double classBalance = s.alpha() == null ? 1 : s.alpha() * t + (1 - s.alpha()) * (1 - t);
            focal = term;
            loss = classBalance * term * bce;
            dLossDz = classBalance * (dTerm * bce + term * dBce);
            dFocalDz = dTerm;
        }

        /** base^exponent, by multiplication for the small whole exponents focal losses use. */
        private static double power(double base, double exponent) {
            if (exponent == 1) {
                return base;
            }
            if (exponent == 0) {
                return 1;
            }
            if (exponent == 2) {
                return base * base;
            }
            if (exponent == 3) {
                return base * base * base;
            }
            return Math.pow(base, exponent);
        }
    }
}
