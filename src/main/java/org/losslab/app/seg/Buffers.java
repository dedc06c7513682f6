package org.losslab.app.seg;

/**
 * Copies into arrays the view keeps from frame to frame: the worker reuses the arrays it hands over, so
 * what the view keeps must be its own, and reusing those too keeps painting free of large allocations.
 */
final class Buffers {
    private Buffers() {
    }

    /** {@code theirs} copied into {@code mine} (a new array if it has another length); null for null. */
    static int[] keep(int[] mine, int[] theirs) {
        if (theirs == null) {
            return null;
        }
        int[] out = mine != null && mine.length == theirs.length ? mine : new int[theirs.length];
        System.arraycopy(theirs, 0, out, 0, theirs.length);
        return out;
    }

    static float[] keep(float[] mine, float[] theirs) {
        if (theirs == null) {
            return null;
        }
        float[] out = mine != null && mine.length == theirs.length ? mine : new float[theirs.length];
        System.arraycopy(theirs, 0, out, 0, theirs.length);
        return out;
    }
}
