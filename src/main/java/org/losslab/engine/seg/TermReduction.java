package org.losslab.engine.seg;

import org.losslab.engine.Evaluation;

/**
 * torch's reductions of per-term losses whose gradient was filled for their sum: "sum" keeps both, "mean" divides
 * both by the number of terms that counted (0 when none did, not NaN), "none" returns the terms themselves.
 */
public final class TermReduction {
    private TermReduction() {
    }

    public static Evaluation of(double[] terms, double[] gradientOfSum, String reduction, int counted) {
        double scale = reduction.equals("mean") ? (counted == 0 ? 0 : 1.0 / counted) : 1.0;
        if (gradientOfSum != null && scale != 1.0) {
            for (int i = 0; i < gradientOfSum.length; i++) {
                gradientOfSum[i] *= scale;
            }
        }
        if (reduction.equals("none")) {
            return Evaluation.elementwise(terms, "prediction", gradientOfSum);
        }
        double sum = 0;
        for (double v : terms) {
            sum += v;
        }
        return Evaluation.scalar(sum * scale, "prediction", gradientOfSum);
    }
}
