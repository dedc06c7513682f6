package org.losslab.engine.train;

import java.util.Arrays;
import org.losslab.engine.EngineException;

/**
 * A per-pixel linear classifier of a one-channel scene, z = sum_k w_k f_k + b over K image features,
 * starting from w = 0 and b = 0: it can only choose a threshold on the features, so its result shows the
 * decision each loss prefers (under imbalance and overlapping intensities, cross-entropy settles on a
 * conservative threshold; Dice and Tversky trade precision for recall).
 */
public final class PixelModel implements Model {
    private final int features;
    private final int pixels;
    private final double[] data;

    /** @param image K x H x W features, row-major; {@code pixels} = H x W of the scene */
    public PixelModel(int features, int pixels, double[] image) {
        if (features < 1 || (long) features * pixels != image.length) {
            throw new EngineException("image: expected K x H x W = " + features + " x " + pixels + " numbers, got "
                    + image.length);
        }
        this.features = features;
        this.pixels = pixels;
        this.data = image.clone();
    }

    @Override
    public String name() {
        return "pixel";
    }

    /** K, the number of features (the model has K + 1 parameters). */
    public int features() {
        return features;
    }

    /** theta = (w_1 .. w_K, b), all 0. */
    @Override
    public double[] initial() {
        return new double[features + 1];
    }

    @Override
    public void logits(double[] theta, double[] out) {
        Arrays.fill(out, 0, pixels, 0);
        for (int k = 0; k < features; k++) {
            double w = theta[k];
            int offset = k * pixels;
            for (int i = 0; i < pixels; i++) {
                out[i] += w * data[offset + i];
            }
        }
        double b = theta[features];
        for (int i = 0; i < pixels; i++) {
            out[i] += b;
        }
    }

    @Override
    public void backward(double[] theta, double[] dLdz, double[] out) {
        for (int k = 0; k < features; k++) {
            double sum = 0;
            int offset = k * pixels;
            for (int i = 0; i < pixels; i++) {
                sum += dLdz[i] * data[offset + i];
            }
            out[k] = sum;
        }
        double sum = 0;
        for (int i = 0; i < pixels; i++) {
            sum += dLdz[i];
        }
        out[features] = sum;
    }
}
