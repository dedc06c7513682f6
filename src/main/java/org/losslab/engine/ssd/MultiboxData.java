package org.losslab.engine.ssd;

import org.losslab.engine.EngineException;

/**
 * One image's SSD inputs, coordinates normalised to [0, 1]: P priors (cx, cy, w, h), ground-truth
 * boxes (x1, y1, x2, y2) with labels 1..K-1 (0 is background), predicted offsets (P x 4, encoded
 * against the priors) and class logits (P x K). Flat row-major arrays.
 */
public final class MultiboxData {
    private final double[] priors;
    private final double[] truthBoxes;
    private final int[] truthLabels;
    private final double[] locs;
    private final double[] scores;
    private final int classes;

    public MultiboxData(double[] priors, double[] truthBoxes, int[] truthLabels, double[] locs, double[] scores,
                        int classes) {
        int p = priors.length / 4;
        if (p == 0) {
            throw new EngineException("multibox.priors: at least one prior is needed");
        }
        for (int i = 0; i < p; i++) {
            if (priors[4 * i + 2] <= 0 || priors[4 * i + 3] <= 0) {
                throw new EngineException("multibox.priors[" + i + "]: width and height must be positive");
            }
        }
        int objects = truthBoxes.length / 4;
        if (objects == 0) {
            throw new EngineException("multibox.truth_boxes: at least one object is needed (the loss divides by the positives)");
        }
        if (truthLabels.length != objects) {
            throw new EngineException("multibox.truth_labels: expected " + objects + " labels (one per truth box), got "
                    + truthLabels.length);
        }
        if (classes < 2) {
            throw new EngineException("multibox.scores: need at least 2 classes (background and one object class)");
        }
        for (int i = 0; i < objects; i++) {
            if (truthLabels[i] < 1 || truthLabels[i] >= classes) {
                throw new EngineException("multibox.truth_labels[" + i + "]: " + truthLabels[i] + " is not in 1.." + (classes - 1));
            }
            if (truthBoxes[4 * i + 2] <= truthBoxes[4 * i] || truthBoxes[4 * i + 3] <= truthBoxes[4 * i + 1]) {
                throw new EngineException("multibox.truth_boxes[" + i + "]: needs x2 > x1 and y2 > y1");
            }
        }
        if (locs.length != 4 * p) {
            throw new EngineException("multibox.locs: expected " + p + " rows (one per prior), got " + locs.length / 4);
        }
        if (scores.length != classes * p) {
            throw new EngineException("multibox.scores: expected " + p + " rows (one per prior), got " + scores.length / classes);
        }
        this.priors = priors;
        this.truthBoxes = truthBoxes;
        this.truthLabels = truthLabels;
        this.locs = locs;
        this.scores = scores;
        this.classes = classes;
    }

    public int priorCount() {
        return priors.length / 4;
    }

    public int objectCount() {
        return truthBoxes.length / 4;
    }

    public int classes() {
        return classes;
    }

    public double[] priors() {
        return priors;
    }

    public double[] truthBoxes() {
        return truthBoxes;
    }

    public int[] truthLabels() {
        return truthLabels;
    }

    public double[] locs() {
        return locs;
    }

    public double[] scores() {
        return scores;
    }

    public MultiboxData withPredictions(double[] newLocs, double[] newScores) {
        return new MultiboxData(priors, truthBoxes, truthLabels, newLocs, newScores, classes);
    }
}
