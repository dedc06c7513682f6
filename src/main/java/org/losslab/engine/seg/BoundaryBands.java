package org.losslab.engine.seg;

/**
 * Boundary bands of binary masks (Cheng et al. 2021): the band is the mask minus its erosion by d 3x3
 * steps, with everything outside the image counted as background. d steps of a 3x3 erosion remove
 * exactly the pixels within chessboard distance d of the background, so one two-pass distance transform
 * gives the band for any width at the same cost.
 */
public final class BoundaryBands {
    private BoundaryBands() {
    }

    /** The erosion depth for a dilation ratio: round(ratio x diagonal) (ties to even, as Python), at least 1. */
    public static int depth(double dilationRatio, int height, int width) {
        double diagonal = Math.sqrt((double) height * height + (double) width * width);
        return Math.max(1, (int) Math.rint(dilationRatio * diagonal));
    }

    /**
     * Chessboard distance of each foreground pixel to the nearest background pixel or to the outside of
     * the image (a pixel on the border has distance 1); 0 on background.
     */
    public static int[] chessboardDistance(boolean[] mask, int height, int width) {
        int[] d = new int[height * width];
        int infinity = height + width;
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int i = y * width + x;
                if (!mask[i]) {
                    d[i] = 0;
                    continue;
                }
                int best = infinity;
                best = Math.min(best, at(d, y - 1, x - 1, height, width) + 1);
                best = Math.min(best, at(d, y - 1, x, height, width) + 1);
                best = Math.min(best, at(d, y - 1, x + 1, height, width) + 1);
                best = Math.min(best, at(d, y, x - 1, height, width) + 1);
                d[i] = best;
            }
        }
        for (int y = height - 1; y >= 0; y--) {
            for (int x = width - 1; x >= 0; x--) {
                int i = y * width + x;
                if (d[i] == 0) {
                    continue;
                }
                int best = d[i];
                best = Math.min(best, at(d, y + 1, x + 1, height, width) + 1);
                best = Math.min(best, at(d, y + 1, x, height, width) + 1);
                best = Math.min(best, at(d, y + 1, x - 1, height, width) + 1);
                best = Math.min(best, at(d, y, x + 1, height, width) + 1);
                d[i] = best;
            }
        }
        return d;
    }

    private static int at(int[] d, int y, int x, int height, int width) {
        // outside the image is background: distance 0
        return y < 0 || x < 0 || y >= height || x >= width ? 0 : d[y * width + x];
    }

    /** The band of a mask: foreground pixels within chessboard distance {@code depth} of the background. */
    public static boolean[] band(boolean[] mask, int height, int width, int depth) {
        int[] d = chessboardDistance(mask, height, width);
        boolean[] band = new boolean[mask.length];
        for (int i = 0; i < mask.length; i++) {
            band[i] = mask[i] && d[i] <= depth;
        }
        return band;
    }
}
