package org.losslab.engine.distance;

import java.util.Arrays;

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
        if (MaskChannels.isEmpty(mask) || MaskChannels.isFull(mask)) {
            return new double[mask.length];
        }
        return unsigned(mask, DistanceCache.distance(mask, height, width), DistanceCache.distance(complement(mask), height, width));
    }

    /** The same field on a C-order grid of any shape (a volume's), distances in cells (unit spacing, as MONAI's). */
    public static double[] unsigned(boolean[] mask, int[] grid) {
        if (MaskChannels.isEmpty(mask) || MaskChannels.isFull(mask)) {
            return new double[mask.length];
        }
        return unsigned(mask, distance(mask, grid), distance(complement(mask), grid));
    }

    /** Kervadec's signed map on a C-order grid of any shape, distances in cells (his {@code one_hot2dist} without a resolution). */
    public static double[] signed(boolean[] mask, int[] grid) {
        if (MaskChannels.isEmpty(mask)) {
            return new double[mask.length];
        }
        return signed(mask, distance(mask, grid), distance(complement(mask), grid));
    }

    /** Distances in cells to the nearest seed on a grid of unit spacing. */
    private static double[] distance(boolean[] seed, int[] grid) {
        double[] unit = new double[grid.length];
        Arrays.fill(unit, 1);
        double[] d = EuclideanTransform.squared(seed, grid, unit);
        for (int i = 0; i < d.length; i++) {
            d[i] = Math.sqrt(d[i]);
        }
        return d;
    }

    private static double[] unsigned(boolean[] mask, double[] toForeground, double[] toBackground) {
        double[] field = new double[mask.length];
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
        if (MaskChannels.isEmpty(mask)) {
            return new double[mask.length];
        }
        return signed(mask, DistanceCache.distance(mask, height, width), DistanceCache.distance(complement(mask), height, width));
    }

    private static double[] signed(boolean[] mask, double[] toMask, double[] toOutside) {
        double[] field = new double[mask.length];
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
