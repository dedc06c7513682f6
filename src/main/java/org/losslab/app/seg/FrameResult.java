package org.losslab.app.seg;

import java.util.Map;
import org.losslab.app.render.MapImage;

/**
 * What the background computation hands the view for one state of the scene.
 *
 * @param revision   the document revision it shows
 * @param heatmap    the chosen map, coloured, with its range
 * @param mapValues  the chosen map's numbers (one plane, in single precision: what was coloured), for the read-out under the cursor
 * @param target     the target overlay (ARGB with alpha)
 * @param prediction the prediction's fill (ARGB, alpha = confidence)
 * @param predictionContour the prediction's dashed outline (ARGB, 0 off the outline)
 * @param live       the headline values computed with the frame (name to value)
 * @param millis     how long the computation took
 * @param compared   the second map of the split view, or null
 * @param comparedValues its numbers (one plane), for the read-out, or null
 * @param factors    binary scenes: the live frame's gradient factors (see LiveFrame.gradientFactors), for
 *                   the read-out of every gradient under the cursor; else null
 * @param release    gives the arrays back to the worker once the view has taken what it keeps (call once)
 * @param failure    why no map was computed (then the arrays are null), else null
 */
public record FrameResult(int revision, MapImage heatmap, float[] mapValues, int[] target, int[] prediction,
                          int[] predictionContour, Map<String, Double> live, double millis, MapImage compared,
                          float[] comparedValues, double[] factors, Runnable release, String failure) {
    /** A frame whose map could not be computed, and why. */
    static FrameResult failed(int revision, String why) {
        return new FrameResult(revision, null, null, null, null, null, Map.of("error", Double.NaN), 0, null, null, null,
                () -> { }, why);
    }
}
