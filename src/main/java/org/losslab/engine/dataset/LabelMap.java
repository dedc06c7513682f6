package org.losslab.engine.dataset;

import java.util.Arrays;
import org.losslab.engine.EngineException;

/**
 * A label map as read from one file: a class index (0 background) per pixel or voxel, flat in C order over
 * {@code shape} ({H, W} or {D, H, W}: the last axis varies fastest), and the spacing in mm its header gives for
 * each axis in the same order (null when the format has none: PNG, .npy).
 *
 * @param source the file's name, for messages
 */
public record LabelMap(String source, int[] shape, double[] spacing, int[] labels) {
    public LabelMap {
        if (shape.length < 2 || shape.length > 3) {
            throw new EngineException(source + ": a label map is 2-D or 3-D, not " + shape.length + "-D");
        }
        long voxels = 1;
        for (int side : shape) {
            voxels *= side;
        }
        if (voxels != labels.length) {
            throw new EngineException(source + ": " + labels.length + " labels for a shape of " + voxels + " voxels");
        }
        if (spacing != null) {
            checkSpacing(spacing, shape.length, source);
        }
    }

    /** Refuses a spacing that is not one positive finite mm size per axis. */
    public static void checkSpacing(double[] spacing, int axes, String source) {
        if (spacing.length != axes) {
            throw new EngineException(source + ": " + spacing.length + " spacings for " + axes + " axes");
        }
        for (double s : spacing) {
            if (!(s > 0) || !Double.isFinite(s)) {
                throw new EngineException(source + ": spacing " + Arrays.toString(spacing) + " is not positive and finite");
            }
        }
    }

    /** The largest class index present. */
    public int maxLabel() {
        int max = 0;
        for (int label : labels) {
            max = Math.max(max, label);
        }
        return max;
    }

    /** The shape as "H x W" or "D x H x W". */
    public String shapeText() {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < shape.length; i++) {
            text.append(i > 0 ? " x " : "").append(shape[i]);
        }
        return text.toString();
    }
}
