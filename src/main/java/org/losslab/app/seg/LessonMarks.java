package org.losslab.app.seg;

import java.util.List;

/**
 * What a lesson marks on the segmentation workspace beyond the state a step sets: the table's values it hides while
 * a step asks about them, and the colour range the steps showing the same map share.
 */
public final class LessonMarks {
    private final LossTable table;
    private final CanvasArea canvasArea;

    LessonMarks(LossTable table, CanvasArea canvasArea) {
        this.table = table;
        this.canvasArea = canvasArea;
    }

    /** Shows "?" for the values of these rows while a lesson asks about them; an empty list shows every value. */
    public void hideValues(List<String> names) {
        table.hide(names);
    }

    /** The range the colours are locked to (a copy), or null when each map has its own. */
    public double[] colourLock() {
        return canvasArea.lockedRange();
    }

    /** Locks the map's colours to {low, high} (the colour bar marks values beyond it), or releases them (null). */
    public void lockColours(double[] range) {
        canvasArea.lockTo(range);
    }
}
