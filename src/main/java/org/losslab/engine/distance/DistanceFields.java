package org.losslab.engine.distance;


/** The distance maps the distance-based losses weight pixels with, from exact Euclidean transforms. */
public final class DistanceFields {
    private DistanceFields() {
    }

    /**
     * MONAI's Hausdorff-loss field: at a foreground pixel the distance to the nearest background pixel,
     * at a background pixel the distance to the nearest foreground pixel; all zero for a mask that is
     * all foreground or all background.
     */
    public static double[] unsigned(boolean[] mask, int height, int width) {
        double[] field = new double[mask.length];
        if (MaskChannels.isEmpty(mask) || MaskChannels.isFull(mask)) {
            return field;
        }
        double[] toForeground = DistanceCache.distance(mask, height, width);
        double[] toBackground = DistanceCache.distance(complement(mask), height, width);
        for (int i = 0; i < mask.length; i++) {
            field[i] = mask[i] ? toBackground[i] : toForeground[i];
        }
        return field;
    }

    /**
     * Kervadec's signed map (boundary loss, {@code one_hot2dist}): outside the mask the distance to the
     * nearest mask pixel, inside minus (the distance to the nearest outside pixel - 1), so that the
     * mask's own boundary pixels are 0; all zero for an empty mask. A full mask has no outside: the caller
     * must refuse it.
     */
    public static double[] signed(boolean[] mask, int height, int width) {
        double[] field = new double[mask.length];
        if (MaskChannels.isEmpty(mask)) {
            return field;
        }
        double[] toMask = DistanceCache.distance(mask, height, width);
        double[] toOutside = DistanceCache.distance(complement(mask), height, width);
        for (int i = 0; i < mask.length; i++) {
            field[i] = mask[i] ? -(toOutside[i] - 1) : toMask[i];
        }
        return field;
    }

    static boolean[] complement(boolean[] mask) {
        boolean[] out = new boolean[mask.length];
        for (int i = 0; i < mask.length; i++) {
            out[i] = !mask[i];
        }
        return out;
    }
}
