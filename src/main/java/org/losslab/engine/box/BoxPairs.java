package org.losslab.engine.box;

import org.losslab.engine.EngineException;

/**
 * Pairs of boxes in torchvision's (x1, y1, x2, y2) convention: predicted[i] is regressed onto
 * target[i]. Flat arrays of 4N numbers. A box with x2 < x1 or y2 < y1 is refused (torchvision would
 * compute a negative area and a meaningless loss); zero width or height is allowed.
 */
public final class BoxPairs {
    private final double[] predicted;
    private final double[] target;

    public BoxPairs(double[] predicted, double[] target) {
        if (predicted.length % 4 != 0 || target.length % 4 != 0) {
            throw new EngineException("boxes: every box needs 4 numbers (x1, y1, x2, y2)");
        }
        if (predicted.length != target.length) {
            throw new EngineException("boxes.target: expected " + predicted.length / 4
                    + " boxes (as many as boxes.predicted), got " + target.length / 4);
        }
        checkOrdered(predicted, "boxes.predicted");
        checkOrdered(target, "boxes.target");
        this.predicted = predicted;
        this.target = target;
    }

    static void checkOrdered(double[] boxes, String field) {
        for (int i = 0; i < boxes.length; i += 4) {
            if (boxes[i + 2] < boxes[i] || boxes[i + 3] < boxes[i + 1]) {
                throw new EngineException(field + "[" + i / 4 + "]: x2 < x1 or y2 < y1 in " + Box.toString(boxes, i));
            }
        }
    }

    public int count() {
        return predicted.length / 4;
    }

    /** The predicted boxes, flat (not a copy). */
    public double[] predicted() {
        return predicted;
    }

    /** The target boxes, flat (not a copy). */
    public double[] target() {
        return target;
    }

    public BoxPairs withPredicted(double[] newPredicted) {
        return new BoxPairs(newPredicted, target);
    }
}
