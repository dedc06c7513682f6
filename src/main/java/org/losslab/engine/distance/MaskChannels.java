package org.losslab.engine.distance;

import org.losslab.engine.EngineException;
import org.losslab.engine.seg.Activations;
import org.losslab.engine.seg.Labels;
import org.losslab.engine.seg.SegMode;
import org.losslab.engine.seg.SegmentationData;

/**
 * The channels the distance and topology entries look at, and their hard masks: MONAI's convention of
 * leaving the background out of a multiclass scene unless {@code classes} says otherwise, smp's
 * {@code sigmoid(z) >= threshold} for binary and multilabel predictions and argmax for multiclass.
 */
public final class MaskChannels {
    private MaskChannels() {
    }

    /**
     * The selected channels: {@code classes} when given (checked against the scene), else 1..C-1 for a
     * multiclass scene and every channel otherwise.
     */
    public static int[] selected(SegmentationData data, int[] classes, String owner) {
        int channels = data.channels();
        if (classes != null) {
            if (classes.length == 0) {
                throw new EngineException(owner + ".classes: the list is empty");
            }
            for (int c : classes) {
                if (c < 0 || c >= channels) {
                    throw new EngineException(owner + ".classes: channel " + c + " is outside 0.." + (channels - 1));
                }
            }
            return classes.clone();
        }
        int first = data.mode() == SegMode.MULTICLASS ? 1 : 0;
        int[] all = new int[channels - first];
        for (int c = first; c < channels; c++) {
            all[c - first] = c;
        }
        return all;
    }

    /** The thresholded prediction of one channel (argmax one-hot in multiclass; the first maximum wins). */
    public static boolean[] predicted(SegmentationData data, int channel, double threshold) {
        int n = data.pixels();
        double[] z = data.prediction();
        boolean[] mask = new boolean[n];
        if (data.mode().sigmoid()) {
            for (int i = 0; i < n; i++) {
                mask[i] = Activations.sigmoid(z[channel * n + i]) >= threshold;
            }
            return mask;
        }
        for (int i = 0; i < n; i++) {
            int best = 0;
            for (int c = 1; c < data.channels(); c++) {
                if (z[c * n + i] > z[best * n + i]) {
                    best = c;
                }
            }
            mask[i] = best == channel;
        }
        return mask;
    }

    /** The target of one channel as a mask (labels checked: no ignored pixels here). */
    public static boolean[] truth(Labels labels, int channel, int pixels) {
        boolean[] mask = new boolean[pixels];
        for (int i = 0; i < pixels; i++) {
            mask[i] = labels.truth(channel * pixels + i) == 1;
        }
        return mask;
    }

    public static boolean isEmpty(boolean[] mask) {
        for (boolean b : mask) {
            if (b) {
                return false;
            }
        }
        return true;
    }

    public static boolean isFull(boolean[] mask) {
        for (boolean b : mask) {
            if (!b) {
                return false;
            }
        }
        return true;
    }

    /**
     * The mask's edge: its pixels that its erosion by the 3 x 3 cross removes, the outside of the image
     * counting as background (so foreground on the image border is edge).
     */
    public static boolean[] edges(boolean[] mask, int height, int width) {
        return EdgeVoxels.of(new int[] {height, width}).mask(mask);
    }
}
