package org.losslab.engine.frame;

/**
 * Boundary bands on bit-packed masks (64 pixels a word): the erosion by a (2d + 1) square, which is
 * what d steps of a 3x3 erosion are, is an AND over a sliding window along rows and then along
 * columns, each done by doubling windows (a window of length L is the AND of two overlapping windows
 * of the largest power of two not above L). Pixels outside the image are background, so they enter as
 * zero bits. A few word operations per 64 pixels: the band costs about nothing next to the losses.
 */
final class BitBands {
    private final int height;
    private final int width;
    private final int depth;
    private final int words;
    private final long[] mask;
    private final long[] horizontal;
    private final long[] band;
    private final long[] windows;
    private final long[] scratchA;
    private final long[] scratchB;

    BitBands(int height, int width, int depth) {
        this.height = height;
        this.width = width;
        this.depth = depth;
        this.words = (width + 63) >>> 6;
        mask = new long[height * words];
        horizontal = new long[height * words];
        band = new long[height * words];
        windows = new long[height * words];
        scratchA = new long[words];
        scratchB = new long[words];
    }

    /** Packs rows [y0, y1) of a boolean mask. */
    void pack(boolean[] source, int y0, int y1) {
        for (int y = y0; y < y1; y++) {
            int base = y * width;
            int out = y * words;
            for (int k = 0; k < words; k++) {
                long bits = 0;
                int x0 = k << 6;
                int end = Math.min(64, width - x0);
                for (int b = 0; b < end; b++) {
                    if (source[base + x0 + b]) {
                        bits |= 1L << b;
                    }
                }
                mask[out + k] = bits;
            }
        }
    }

    /** Recomputes the band everywhere. */
    void computeAll() {
        horizontal(0, height);
        vertical(0, height);
    }

    /** Recomputes the band after rows [y0, y1) of the mask changed: the band moves only within d rows. */
    void update(int y0, int y1) {
        horizontal(y0, y1);
        vertical(Math.max(0, y0 - depth), Math.min(height, y1 + depth));
    }

    /** Horizontal erosion of rows [y0, y1): AND over [x - d, x + d]. */
    private void horizontal(int y0, int y1) {
        int length = 2 * depth + 1;
        for (int y = y0; y < y1; y++) {
            int o = y * words;
            System.arraycopy(mask, o, scratchA, 0, words);
            int span = 1;
            while (2 * span <= length) {
                shift(scratchA, span, scratchB);
                for (int k = 0; k < words; k++) {
                    scratchA[k] &= scratchB[k];
                }
                span *= 2;
            }
            // scratchA[x] = AND over [x, x + span - 1]; combine two windows to cover [x, x + length - 1]
            shift(scratchA, length - span, scratchB);
            for (int k = 0; k < words; k++) {
                scratchA[k] &= scratchB[k];
            }
            // centre the window: E[x] = window starting at x - d
            shift(scratchA, -depth, scratchB);
            System.arraycopy(scratchB, 0, horizontal, o, words);
        }
    }

    /**
     * Vertical erosion (AND over rows y - d .. y + d) for rows [y0, y1), then band = mask AND NOT
     * eroded. Windows double along the rows as along a row: log(d) passes, whatever the band width.
     */
    private void vertical(int y0, int y1) {
        int length = 2 * depth + 1;
        // rows the result needs: [y0 - d, y1 + d), windows starting there
        int r0 = Math.max(0, y0 - depth);
        int r1 = Math.min(height, y1 + depth);
        for (int r = r0; r < r1; r++) {
            System.arraycopy(horizontal, r * words, windows, r * words, words);
        }
        int span = 1;
        while (2 * span <= length) {
            for (int r = r0; r < r1; r++) {
                int o = r * words;
                int other = r + span;
                for (int k = 0; k < words; k++) {
                    windows[o + k] &= other < r1 ? windows[other * words + k] : 0;
                }
            }
            span *= 2;
        }
        // windows[r] = AND over rows r .. r + span - 1 (rows past the image are background)
        int second = length - span;
        for (int y = y0; y < y1; y++) {
            int start = y - depth;
            int o = y * words;
            for (int k = 0; k < words; k++) {
                long a = start >= 0 ? windows[start * words + k] : 0;
                long b = start + second >= 0 && start + second < height ? windows[(start + second) * words + k] : 0;
                band[o + k] = mask[o + k] & ~(a & b);
            }
        }
    }

    /** out[x] = row[x + k] (0 where x + k leaves the row). */
    private void shift(long[] row, int k, long[] out) {
        int n = words;
        if (k >= 0) {
            int q = k >>> 6;
            int r = k & 63;
            for (int i = 0; i < n; i++) {
                long lo = i + q < n ? row[i + q] : 0;
                long hi = i + q + 1 < n ? row[i + q + 1] : 0;
                out[i] = r == 0 ? lo : (lo >>> r) | (hi << (64 - r));
            }
        } else {
            int m = -k;
            int q = m >>> 6;
            int r = m & 63;
            for (int i = 0; i < n; i++) {
                long lo = i - q >= 0 ? row[i - q] : 0;
                long below = i - q - 1 >= 0 ? row[i - q - 1] : 0;
                out[i] = r == 0 ? lo : (lo << r) | (below >>> (64 - r));
            }
        }
    }

    long[] bands() {
        return band;
    }

    /** The band as one boolean per pixel. */
    boolean[] unpack() {
        boolean[] out = new boolean[height * width];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                out[y * width + x] = (band[y * words + (x >>> 6)] >>> (x & 63) & 1L) != 0;
            }
        }
        return out;
    }

    /** {|A and B|, |A or B|} of two bands of the same size. */
    static long[] counts(BitBands a, BitBands b) {
        long inter = 0;
        long union = 0;
        for (int k = 0; k < a.band.length; k++) {
            inter += Long.bitCount(a.band[k] & b.band[k]);
            union += Long.bitCount(a.band[k] | b.band[k]);
        }
        return new long[] {inter, union};
    }
}
