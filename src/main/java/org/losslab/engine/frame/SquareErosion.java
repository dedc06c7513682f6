package org.losslab.engine.frame;

/**
 * Boundary bands by erosion with a (2d + 1) square, which is what d steps of a 3x3 erosion are: a
 * pixel of the mask is in the band when background (or the outside of the image) lies within
 * chessboard distance d. Done with running counts along rows, then along columns, so the cost per
 * pixel does not grow with d; it equals the distance-transform definition (tested).
 */
final class SquareErosion {
    private SquareErosion() {
    }

    /**
     * Writes the band of the pixels of rows [y0, y1), columns [x0, x1) into {@code band}; reads the mask
     * up to d pixels around. {@code rowHits} needs (y1 - y0 + 2d) x (x1 - x0) ints, {@code prefix}
     * width + 1 and {@code column} (x1 - x0).
     */
    static void band(boolean[] mask, int height, int width, int d, int y0, int y1, int x0, int x1,
                     int[] rowHits, int[] prefix, int[] column, boolean[] band) {
        int ry0 = Math.max(0, y0 - d);
        int ry1 = Math.min(height, y1 + d);
        int bw = x1 - x0;
        int cx0 = Math.max(0, x0 - d);
        int cx1 = Math.min(width, x1 + d);
        // per row: does the row segment [x - d, x + d] hold background (or leave the image)?
        for (int y = ry0; y < ry1; y++) {
            int base = y * width;
            prefix[cx0] = 0;
            for (int x = cx0; x < cx1; x++) {
                prefix[x + 1] = prefix[x] + (mask[base + x] ? 0 : 1);
            }
            int out = (y - ry0) * bw;
            for (int x = x0; x < x1; x++) {
                int lo = x - d;
                int hi = x + d + 1;
                boolean outside = lo < 0 || hi > width;
                rowHits[out + x - x0] = outside || prefix[hi] - prefix[lo] > 0 ? 1 : 0;
            }
        }
        // per column: running count of such rows within [y - d, y + d]
        java.util.Arrays.fill(column, 0, bw, 0);
        int windowTop = Math.max(0, y0 - d);
        for (int y = windowTop; y < Math.min(height, y0 + d); y++) {
            addRow(rowHits, (y - ry0) * bw, column, bw, 1);
        }
        for (int y = y0; y < y1; y++) {
            int enter = y + d;
            if (enter < height) {
                addRow(rowHits, (enter - ry0) * bw, column, bw, 1);
            }
            int leave = y - d - 1;
            if (leave >= windowTop) {
                addRow(rowHits, (leave - ry0) * bw, column, bw, -1);
            }
            boolean edge = y - d < 0 || y + d >= height;
            int base = y * width + x0;
            for (int k = 0; k < bw; k++) {
                band[base + k] = mask[base + k] && (edge || column[k] > 0);
            }
        }
    }

    private static void addRow(int[] rowHits, int offset, int[] column, int bw, int sign) {
        for (int k = 0; k < bw; k++) {
            column[k] += sign * rowHits[offset + k];
        }
    }
}
