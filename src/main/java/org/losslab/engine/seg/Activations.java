package org.losslab.engine.seg;

/**
 * Sigmoid and softmax forward and backward over C x H x W arrays, written so that logits of +-1000 give
 * exact 0 and 1 and finite gradients.
 */
public final class Activations {
    private Activations() {
    }

    /** A numerically stable logistic function. */
    public static double sigmoid(double x) {
        if (x >= 0) {
            return 1.0 / (1.0 + Math.exp(-x));
        }
        double e = Math.exp(x);
        return e / (1.0 + e);
    }

    /** Binary cross-entropy on a logit z against a target t: softplus(z) - z t, finite for any z. */
    public static double binaryCrossEntropy(double z, double t) {
        return softplus(z) - z * t;
    }

    /** log(1 + exp(x)) without overflow. */
    public static double softplus(double x) {
        return Math.max(x, 0) + Math.log1p(Math.exp(-Math.abs(x)));
    }

    /**
     * The probabilities the region losses see: sigmoid per element (binary, multilabel) or softmax over
     * channels per pixel (multiclass); the prediction itself when it already holds probabilities.
     */
    public static double[] probabilities(SegmentationData data, boolean fromLogits) {
        double[] x = data.prediction();
        if (!fromLogits) {
            return x.clone();
        }
        double[] p = new double[x.length];
        if (data.mode().sigmoid()) {
            for (int i = 0; i < x.length; i++) {
                p[i] = sigmoid(x[i]);
            }
        } else {
            softmax(x, p, data.channels(), data.pixels());
        }
        return p;
    }

    /**
     * One element of {@link #probabilities} (from logits), to the bit, without the whole array: channel c's
     * probability at pixel i (sigmoid, or the pixel's softmax computed as {@link #softmax} does).
     */
    public static double probability(SegmentationData data, int c, int i) {
        double[] x = data.prediction();
        int n = data.pixels();
        if (data.mode().sigmoid()) {
            return sigmoid(x[c * n + i]);
        }
        double max = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < data.channels(); k++) {
            max = Math.max(max, x[k * n + i]);
        }
        double sum = 0;
        for (int k = 0; k < data.channels(); k++) {
            sum += Math.exp(x[k * n + i] - max);
        }
        return Math.exp(x[c * n + i] - max) / sum;
    }

    /**
     * log sum_k exp(x[start + k * stride]) over {@code count} values, shifted by their maximum so that
     * logits of +-1000 stay finite: the normaliser of a softmax, in a column (stride N) or a row (1).
     */
    public static double logSumExp(double[] x, int start, int stride, int count) {
        double max = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < count; k++) {
            max = Math.max(max, x[start + k * stride]);
        }
        double sum = 0;
        for (int k = 0; k < count; k++) {
            sum += Math.exp(x[start + k * stride] - max);
        }
        return max + Math.log(sum);
    }

    /** Softmax over the channel axis of a C x N array, per column. */
    public static void softmax(double[] x, double[] out, int channels, int n) {
        for (int i = 0; i < n; i++) {
            double max = Double.NEGATIVE_INFINITY;
            for (int c = 0; c < channels; c++) {
                max = Math.max(max, x[c * n + i]);
            }
            double sum = 0;
            for (int c = 0; c < channels; c++) {
                double e = Math.exp(x[c * n + i] - max);
                out[c * n + i] = e;
                sum += e;
            }
            for (int c = 0; c < channels; c++) {
                out[c * n + i] /= sum;
            }
        }
    }

    /**
     * Turns dL/dp into dL/dx in place-free fashion: through the sigmoid (p(1 - p)) or the softmax
     * Jacobian (p_k (g_k - sum_j p_j g_j)), or unchanged when the prediction holds probabilities.
     */
    public static double[] backward(SegmentationData data, double[] probabilities, double[] dLdp, boolean fromLogits) {
        if (!fromLogits) {
            return dLdp;
        }
        double[] g = new double[dLdp.length];
        if (data.mode().sigmoid()) {
            double[] x = data.prediction();
            for (int i = 0; i < g.length; i++) {
                // sigmoid(-x) rather than 1 - p keeps the derivative accurate where p rounds to 1
                g[i] = dLdp[i] * probabilities[i] * sigmoid(-x[i]);
            }
        } else {
            int channels = data.channels();
            int n = data.pixels();
            for (int i = 0; i < n; i++) {
                double dot = 0;
                for (int c = 0; c < channels; c++) {
                    dot += probabilities[c * n + i] * dLdp[c * n + i];
                }
                for (int c = 0; c < channels; c++) {
                    int k = c * n + i;
                    g[k] = probabilities[k] * (dLdp[k] - dot);
                }
            }
        }
        return g;
    }
}
