package org.losslab.engine.dense;

import org.losslab.engine.EngineException;

/**
 * Dense per-anchor classification with an IoU-quality target (GFL, VarifocalNet): N x C logits (a sigmoid
 * per class, row-major), a label per anchor in 0..C (C = background) and the IoU of each positive's box
 * with its object, the score the classifier is trained to predict.
 */
public final class DenseData {
    private final int anchors;
    private final int classes;
    private final double[] logits;
    private final int[] labels;
    private final double[] scores;

    public DenseData(int classes, double[] logits, int[] labels, double[] scores) {
        if (classes < 1) {
            throw new EngineException("dense.logits: every row needs at least one class logit");
        }
        if (logits.length % classes != 0) {
            throw new EngineException("dense.logits: every row needs " + classes + " logits");
        }
        anchors = logits.length / classes;
        if (labels.length != anchors) {
            throw new EngineException("dense.labels: expected " + anchors + " labels (one per row of dense.logits), got "
                    + labels.length);
        }
        if (scores.length != anchors) {
            throw new EngineException("dense.scores: expected " + anchors + " scores (one per row of dense.logits), got "
                    + scores.length);
        }
        for (int i = 0; i < anchors; i++) {
            if (labels[i] < 0 || labels[i] > classes) {
                throw new EngineException("dense.labels[" + i + "]: " + labels[i] + " is outside 0.." + classes
                        + " (" + classes + " = background)");
            }
            if (!(scores[i] >= 0 && scores[i] <= 1)) {
                throw new EngineException("dense.scores[" + i + "]: " + scores[i] + " is outside [0, 1]");
            }
        }
        this.classes = classes;
        this.logits = logits;
        this.labels = labels;
        this.scores = scores;
    }

    public int anchors() {
        return anchors;
    }

    public int classes() {
        return classes;
    }

    /** N x C logits, row-major (not a copy). */
    public double[] logits() {
        return logits;
    }

    public int[] labels() {
        return labels;
    }

    public double[] scores() {
        return scores;
    }

    /** Whether anchor i is a positive (its label is a class, not the background). */
    public boolean positive(int i) {
        return labels[i] < classes;
    }
}
