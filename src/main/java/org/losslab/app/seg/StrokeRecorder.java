package org.losslab.app.seg;

import java.util.Arrays;

/**
 * Collects one stroke's changes for undo: the first value each element had (one copy: the new values
 * are in the scene) and the box the stroke covered. One drag is one undo step.
 */
final class StrokeRecorder {
    private final boolean ofTarget;
    private final String label;
    private final double[] source;
    private final int[] sourceInts;
    private final int width;
    /** One bit per element of the edited array: whether its first value is recorded. */
    private final long[] seen;
    private int[] indices = new int[256];
    private double[] before = new double[256];
    private int count;
    private final int[] liveBox = emptyBox();
    private final int[] wholeBox = emptyBox();

    StrokeRecorder(String label, boolean ofTarget, double[] prediction, int[] target, int width) {
        this.label = label;
        this.ofTarget = ofTarget;
        this.source = prediction;
        this.sourceInts = target;
        this.width = width;
        this.seen = new long[((ofTarget ? target.length : prediction.length) + 63) >>> 6];
    }

    private static int[] emptyBox() {
        return new int[] {Integer.MAX_VALUE, Integer.MIN_VALUE, Integer.MAX_VALUE, Integer.MIN_VALUE};
    }

    private static void grow(int[] box, int y, int x) {
        box[0] = Math.min(box[0], y);
        box[1] = Math.max(box[1], y + 1);
        box[2] = Math.min(box[2], x);
        box[3] = Math.max(box[3], x + 1);
    }

    /** Call before changing element {@code index} (of the array the stroke edits) at pixel {@code pixel}. */
    void touch(int index, int pixel) {
        int y = pixel / width;
        int x = pixel % width;
        grow(liveBox, y, x);
        grow(wholeBox, y, x);
        long bit = 1L << index;
        if ((seen[index >>> 6] & bit) != 0) {
            return;
        }
        seen[index >>> 6] |= bit;
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
        int[] box = liveBox.clone();
        System.arraycopy(emptyBox(), 0, liveBox, 0, 4);
        return box;
    }

    boolean isEmpty() {
        return count == 0;
    }

    /** The finished stroke as an edit holding the old values, with the box of all it touched. */
    Edit.Sparse finish() {
        return new Edit.Sparse(label, ofTarget, Arrays.copyOf(indices, count), Arrays.copyOf(before, count),
                isEmpty() ? null : wholeBox.clone());
    }
}
