package org.losslab.engine.frame;

/** The live frame's pixel work in plain Java: one exp and one log1p per pixel. */
final class ScalarFrameKernel implements FrameKernel {
    @Override
    public void pixels(FrameArrays a, double gamma, int from, int to, double[] sums) {
        double tp = 0;
        double sumP = 0;
        double sumT = 0;
        double bceSum = 0;
        double focalSum = 0;
        double validSum = 0;
        boolean maps = a.bce != null;
        for (int i = from; i < to; i++) {
            double x = a.logit[i];
            double code = a.label[i];
            double v = code >= 0 ? 1 : 0;
            double t = code > 0.5 ? 1 : 0;
            double e = Math.exp(-Math.abs(x));
            double p = probability(x, e);
            double q = probability(-x, e);
            double b = (Math.max(x, 0) - x * t + Math.log1p(e)) * v;
            double wrong = t == 1 ? q : p;
            double factor = gamma == 2 ? wrong * wrong : Math.pow(wrong, gamma);
            double f = factor * b;
            a.slope[i] = (float) (p * q);
            a.predicted[i] = x >= 0;
            if (maps) {
                a.bce[i] = (float) b;
                a.focal[i] = (float) f;
            }
            tp += p * t * v;
            sumP += p * v;
            sumT += t * v;
            bceSum += b;
            focalSum += f;
            validSum += v;
        }
        sums[0] += tp;
        sums[1] += sumP;
        sums[2] += sumT;
        sums[3] += bceSum;
        sums[4] += focalSum;
        sums[5] += validSum;
    }

    @Override
    public void gradient(FrameArrays a, float positive, float negative, float[] out, int from, int to) {
        for (int i = from; i < to; i++) {
            float code = a.label[i];
            out[i] = code < 0 ? 0 : a.slope[i] * (code > 0.5f ? positive : negative);
        }
    }

    @Override
    public void adam(FrameArrays a, RegionScore score, float[] m, float[] v, float stepSize, float correction2Root,
                     int from, int to, double[] sums) {
        float gp = (float) score.positive;
        float gn = (float) score.negative;
        double tp = 0;
        double sumP = 0;
        for (int i = from; i < to; i++) {
            float code = a.label[i];
            double valid = code >= 0 ? 1 : 0;
            double t = code > 0.5 ? 1 : 0;
            float g = (code >= 0 ? a.slope[i] : 0) * (code > 0.5f ? gp : gn);
            m[i] = m[i] * 0.9f + 0.1f * g;
            v[i] = v[i] * 0.999f + 0.001f * g * g;
            float denominator = (float) Math.sqrt(v[i]) / correction2Root + 1e-8f;
            float updated = a.logit[i] - stepSize * (m[i] / denominator);
            a.logit[i] = updated;
            // the new logit's probability and slope, as pixels() computes them
            double e = Math.exp(-Math.abs((double) updated));
            double p = probability(updated, e);
            a.slope[i] = (float) (p * probability(-updated, e));
            tp += p * t * valid;
            sumP += p * valid;
        }
        sums[0] += tp;
        sums[1] += sumP;
    }

    /**
     * The sigmoid of x from e = exp(-|x|) without overflow: 1 / (1 + e), or e times that for x < 0. Called with -x
     * it gives 1 - sigmoid(x) the same way (at x = 0 both branches give 1/2 exactly).
     */
    static double probability(double x, double e) {
        double inv = 1 / (1 + e);
        return x >= 0 ? inv : e * inv;
    }
}
