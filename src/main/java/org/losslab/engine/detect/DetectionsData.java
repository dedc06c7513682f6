package org.losslab.engine.detect;

import org.losslab.engine.EngineException;

/**
 * Scored detections and ground truth of one image, boxes (x1, y1, x2, y2) flat: what AP and mAP read.
 * Labels are any non-negative integers; each class is matched and scored on its own.
 */
public final class DetectionsData {
    private final double[] boxes;
    private final double[] scores;
    private final int[] labels;
    private final double[] truthBoxes;
    private final int[] truthLabels;

    public DetectionsData(double[] boxes, double[] scores, int[] labels, double[] truthBoxes, int[] truthLabels) {
        int n = boxes.length / 4;
        if (scores.length != n) {
            throw new EngineException("detections.scores: expected " + n + " scores (one per box), got " + scores.length);
        }
        if (labels.length != n) {
            throw new EngineException("detections.labels: expected " + n + " labels (one per box), got " + labels.length);
        }
        if (truthLabels.length != truthBoxes.length / 4) {
            throw new EngineException("detections.truth_labels: expected " + truthBoxes.length / 4
                    + " labels (one per truth box), got " + truthLabels.length);
        }
        checkBoxes(boxes, "detections.boxes");
        checkBoxes(truthBoxes, "detections.truth_boxes");
        checkLabels(labels, "detections.labels");
        checkLabels(truthLabels, "detections.truth_labels");
        this.boxes = boxes;
        this.scores = scores;
        this.labels = labels;
        this.truthBoxes = truthBoxes;
        this.truthLabels = truthLabels;
    }

    private static void checkBoxes(double[] b, String field) {
        for (int i = 0; i < b.length; i += 4) {
            if (b[i + 2] < b[i] || b[i + 3] < b[i + 1]) {
                throw new EngineException(field + "[" + i / 4 + "]: x2 < x1 or y2 < y1");
            }
        }
    }

    private static void checkLabels(int[] labels, String field) {
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] < 0) {
                throw new EngineException(field + "[" + i + "]: " + labels[i] + " is negative");
            }
        }
    }

    public int count() {
        return scores.length;
    }

    public double[] boxes() {
        return boxes;
    }

    public double[] scores() {
        return scores;
    }

    public int[] labels() {
        return labels;
    }

    public double[] truthBoxes() {
        return truthBoxes;
    }

    public int[] truthLabels() {
        return truthLabels;
    }
}
