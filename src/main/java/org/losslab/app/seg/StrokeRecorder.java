package org.losslab.app.seg;

import java.util.Arrays;

/**
 * Collects one stroke's changes for undo: the first value each element had, and its final value at
 * the end, with the box the stroke covered. One drag is one undo step.
 */
final class StrokeRecorder {
    private final boolean ofTarget;
    private final String label;
    private final double[] source;
    private final int[] sourceInts;
    private final int width;
    private final boolean[] seen;
    private int[] indices = new int[256];
    private double[] before = new double[256];
    private int count;
    private int y0 = Integer.MAX_VALUE;
    private int y1 = Integer.MIN_VALUE;
    private int x0 = Integer.MAX_VALUE;
    private int x1 = Integer.MIN_VALUE;

    StrokeRecorder(String label, boolean ofTarget, double[] prediction, int[] target, int width) {
        this.label = label;
        this.ofTarget = ofTarget;
        this.source = prediction;
        this.sourceInts = target;
        this.width = width;
        this.seen = new boolean[ofTarget ? target.length : prediction.length];
    }

    /** Call before changing element {@code index} (of the array the stroke edits) at pixel {@code pixel}. */
    void touch(int index, int pixel) {
        int y = pixel / width;
        int x = pixel % width;
        y0 = Math.min(y0, y);
        y1 = Math.max(y1, y + 1);
        x0 = Math.min(x0, x);
        x1 = Math.max(x1, x + 1);
        if (seen[index]) {
            return;
        }
        seen[index] = true;
        if (count == indices.length) {
            indices = Arrays.copyOf(indices, 2 * count);
            before = Arrays.copyOf(before, 2 * count);
        }
        indices[count] = index;
        before[count] = ofTarget ? sourceInts[index] : source[index];
        count++;
    }

    /** The box touched since the last call, and resets it. */
    int[] takeBox() {
        int[] box = {y0, y1, x0, x1};
        y0 = Integer.MAX_VALUE;
        y1 = Integer.MIN_VALUE;
        x0 = Integer.MAX_VALUE;
        x1 = Integer.MIN_VALUE;
        return box;
    }

    boolean isEmpty() {
        return count == 0;
    }

    /** The finished stroke as an edit, with the box of all it touched. */
    Edit finish(int[] wholeBox) {
        int[] idx = Arrays.copyOf(indices, count);
        double[] old = Arrays.copyOf(before, count);
        double[] now = new double[count];
        for (int k = 0; k < count; k++) {
            now[k] = ofTarget ? sourceInts[idx[k]] : source[idx[k]];
        }
        return new Edit(label, ofTarget, idx, old, now, wholeBox);
    }
}
