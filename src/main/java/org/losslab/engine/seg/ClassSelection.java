package org.losslab.engine.seg;

import org.losslab.engine.EngineException;

/**
 * How per-class losses become one number: the {@code classes} subset (indices may repeat, as in torch
 * indexing) and the {@code class_weights} (a weighted mean over the selected classes; a plain mean
 * without weights). Gives each class's factor in the aggregate so that gradients reuse it.
 */
public final class ClassSelection {
    private final double[] factor;

    private ClassSelection(double[] factor) {
        this.factor = factor;
    }

    public static ClassSelection of(String owner, SegMode mode, int channels, int[] classes, double[] weights) {
        if (classes != null && mode == SegMode.BINARY) {
            throw new EngineException(owner + ".classes: masking classes is not supported in binary mode");
        }
        if (weights != null && weights.length != channels) {
            throw new EngineException(owner + ".class_weights: expected " + channels + " weights (one per channel), got "
                    + weights.length);
        }
        int[] selected = classes;
        if (selected == null) {
            selected = new int[channels];
            for (int c = 0; c < channels; c++) {
                selected[c] = c;
            }
        }
        if (selected.length == 0) {
            throw new EngineException(owner + ".classes: the list is empty");
        }
        double total = 0;
        for (int c : selected) {
            if (c < 0 || c >= channels) {
                throw new EngineException(owner + ".classes: class " + c + " is outside 0.." + (channels - 1));
            }
            total += weights == null ? 1 : weights[c];
        }
        if (total <= 0) {
            throw new EngineException(owner + ".class_weights: the selected classes' weights sum to zero");
        }
        double[] factor = new double[channels];
        for (int c : selected) {
            factor[c] += (weights == null ? 1 : weights[c]) / total;
        }
        return new ClassSelection(factor);
    }

    /** d(aggregate)/d(loss of class c). */
    public double factor(int c) {
        return factor[c];
    }

    /** The aggregate of per-class losses. */
    public double aggregate(double[] perClass) {
        double sum = 0;
        for (int c = 0; c < factor.length; c++) {
            sum += factor[c] * perClass[c];
        }
        return sum;
    }
}
