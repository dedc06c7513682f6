package org.losslab.app.seg;

/** One undoable change of the scene's arrays: what the changed elements were and became. */
class Edit {
    final String label;
    final boolean ofTarget;
    final int[] indices;
    final double[] before;
    final double[] after;
    /** The box of pixels touched {y0, y1, x0, x1}, for incremental recomputation. */
    final int[] box;

    Edit(String label, boolean ofTarget, int[] indices, double[] before, double[] after, int[] box) {
        this.label = label;
        this.ofTarget = ofTarget;
        this.indices = indices;
        this.before = before;
        this.after = after;
        this.box = box;
    }
}
