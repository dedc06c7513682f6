package org.losslab.engine.coco;

/**
 * COCO's run-length encoding of a binary mask, with the semantics of maskApi.c (cocoapi): the mask is read in
 * column-major order (pixel (x, y) at x * h + y), runs alternate background, foreground, background... starting
 * with background (a first count of 0 when the mask starts with foreground). Counts are unsigned 32-bit in
 * maskApi; here they are ints that the readers have checked to be non-negative and to sum to h * w.
 * An RLE is a slice {@code counts[offset, offset + m)}; nothing here allocates.
 */
public final class Rle {
    /** First character of COCO's compressed alphabet: 6 bits a character, '0' (48) to 'o' (111). */
    private static final int ALPHABET_START = 48;

    private Rle() {
    }

    /**
     * Appends the counts of a compressed COCO string (maskApi {@code rleFrString}: 5 data bits a character, a
     * continuation bit 0x20, the sign in bit 0x10 of the last character, counts after the third stored as
     * differences to the count two before) and returns how many; -1 when the text is not such a string.
     */
    public static int fromString(char[] s, int offset, int length, IntList out) {
        int start = out.size();
        out.ensureRoom(length); // a count takes at least one character
        int[] counts = out.array();
        int size = start;
        int p = offset;
        int n = offset + length;
        while (p < n) {
            long x = 0;
            int k = 0;
            boolean more = true;
            while (more) {
                if (p >= n) {
                    return -1; // the last number is cut off
                }
                int c = s[p] - ALPHABET_START;
                if (c < 0 || c > 63) {
                    return -1;
                }
                // int shifts as C's (5 * k >= 32 is masked like x86 does), sign-extended into the long
                x |= (long) ((c & 0x1f) << 5 * k);
                more = (c & 0x20) != 0;
                p++;
                k++;
                if (!more && (c & 0x10) != 0) {
                    x |= (long) (-1 << 5 * k);
                }
            }
            if (size - start > 2) {
                x += counts[size - 2] & 0xffffffffL;
            }
            counts[size++] = (int) x; // maskApi stores (uint) x
        }
        out.setSize(size);
        return size - start;
    }

    /** The compressed COCO string of the counts (maskApi {@code rleToString}). */
    public static String toCompressedString(int[] counts, int offset, int m) {
        StringBuilder s = new StringBuilder(m * 2);
        for (int i = 0; i < m; i++) {
            long x = counts[offset + i] & 0xffffffffL;
            if (i > 2) {
                x -= counts[offset + i - 2] & 0xffffffffL;
            }
            boolean more = true;
            while (more) {
                int c = (int) (x & 0x1f);
                x >>= 5;
                more = (c & 0x10) != 0 ? x != -1 : x != 0;
                if (more) {
                    c |= 0x20;
                }
                s.append((char) (c + ALPHABET_START));
            }
        }
        return s.toString();
    }

    /** Whether the counts are non-negative and cover exactly h * w pixels (anything else hangs maskApi). */
    public static boolean coversImage(int[] counts, int offset, int m, int h, int w) {
        long total = 0;
        for (int j = 0; j < m; j++) {
            if (counts[offset + j] < 0) {
                return false;
            }
            total += counts[offset + j];
        }
        return total == (long) h * w && (m > 0 || total == 0);
    }

    /** Foreground pixels: the sum of the odd runs (maskApi {@code rleArea}). */
    public static long area(int[] counts, int offset, int m) {
        long a = 0;
        for (int j = 1; j < m; j += 2) {
            a += counts[offset + j];
        }
        return a;
    }

    /**
     * The mask's box [x, y, w, h] into {@code box[at..at+4)} as maskApi's {@code rleToBbox} gives it: from the runs'
     * first and last pixels, and the full height when a run crosses a column. Unsigned arithmetic as in C.
     */
    public static void toBbox(int[] counts, int offset, int m, int h, int w, double[] box, int at) {
        if (h > 0 && (long) h * w <= Integer.MAX_VALUE && toBboxWithoutWrap(counts, offset, m, h, w, box, at)) {
            return;
        }
        long mask = 0xffffffffL;
        int even = (m / 2) * 2;
        if (even == 0) {
            box[at] = box[at + 1] = box[at + 2] = box[at + 3] = 0;
            return;
        }
        long hh = h & mask;
        long xs = w & mask;
        long ys = hh;
        long xe = 0;
        long ye = 0;
        long cc = 0;
        long xp = 0;
        for (int j = 0; j < even; j++) {
            cc = (cc + (counts[offset + j] & mask)) & mask;
            long t = (cc - j % 2) & mask;
            long y = t % hh;
            long x = (t - y) / hh;
            if (j % 2 == 0) {
                xp = x;
            } else if (xp < x) {
                ys = 0;
                ye = hh - 1;
            }
            xs = Math.min(xs, x);
            xe = Math.max(xe, x);
            ys = Math.min(ys, y);
            ye = Math.max(ye, y);
        }
        box[at] = xs;
        box[at + 2] = ((xe - xs + 1) & mask);
        box[at + 1] = ys;
        box[at + 3] = ((ye - ys + 1) & mask);
    }

    /**
     * {@link #toBbox} for the usual mask, whose run ends stay below 2^31 and never wrap: the run end's column and
     * row followed as the runs add up (a division only for a run longer than two columns) instead of two 64-bit
     * divisions a run. Returns false, writing nothing, when a count or a position would wrap as unsigned C does
     * (a negative count, a first foreground pixel at -1): {@link #toBbox}'s general loop then decides.
     */
    private static boolean toBboxWithoutWrap(int[] counts, int offset, int m, int h, int w, double[] box, int at) {
        int even = (m / 2) * 2;
        if (even == 0) {
            box[at] = box[at + 1] = box[at + 2] = box[at + 3] = 0;
            return true;
        }
        long xs = w;
        long ys = h;
        long xe = 0;
        long ye = 0;
        long xp = 0;
        long cc = 0;
        long column = 0; // cc = column * h + row
        long row = 0;
        for (int j = 0; j < even; j++) {
            int c = counts[offset + j];
            cc += c;
            if (c < 0 || cc > Integer.MAX_VALUE) {
                return false;
            }
            row += c;
            if (row >= h) {
                if (row < 2L * h) {
                    row -= h;
                    column++;
                } else {
                    long q = row / h;
                    column += q;
                    row -= q * h;
                }
            }
            long x = column;
            long y = row;
            if (j % 2 == 1) { // the run's last pixel, cc - 1
                if (cc == 0) {
                    return false;
                }
                if (y == 0) {
                    x--;
                    y = h - 1;
                } else {
                    y--;
                }
                if (xp < x) {
                    ys = 0;
                    ye = h - 1;
                }
            } else {
                xp = x;
            }
            xs = Math.min(xs, x);
            xe = Math.max(xe, x);
            ys = Math.min(ys, y);
            ye = Math.max(ye, y);
        }
        box[at] = xs;
        box[at + 2] = xe - xs + 1;
        box[at + 1] = ys;
        box[at + 3] = ye - ys + 1;
        return true;
    }

    /**
     * The union of two masks of one size (maskApi {@code rleMerge} with intersect = 0, one step of its loop), appended
     * to {@code out}; returns the number of counts written. The runs come out exactly as maskApi writes them.
     */
    public static int union(int[] a, int aOffset, int aLength, int[] b, int bOffset, int bLength, IntList out) {
        int start = out.size();
        long ca = a[aOffset] & 0xffffffffL;
        long cb = b[bOffset] & 0xffffffffL;
        boolean v = false;
        boolean va = false;
        boolean vb = false;
        int ia = 1;
        int ib = 1;
        long cc = 0;
        long ct = 1;
        while (ct > 0) {
            long c = Math.min(ca, cb);
            cc += c;
            ct = 0;
            ca -= c;
            if (ca == 0 && ia < aLength) {
                ca = a[aOffset + ia++] & 0xffffffffL;
                va = !va;
            }
            ct += ca;
            cb -= c;
            if (cb == 0 && ib < bLength) {
                cb = b[bOffset + ib++] & 0xffffffffL;
                vb = !vb;
            }
            ct += cb;
            boolean previous = v;
            v = va || vb;
            if (v != previous || ct == 0) {
                out.add((int) cc);
                cc = 0;
            }
        }
        return out.size() - start;
    }

    /**
     * Intersection over union of a detection's and a ground truth's masks of one size, walking both run lists once
     * (maskApi {@code rleIou}'s inner loop); a crowd region divides by the detection's area instead of the union.
     */
    public static double iou(int[] d, int dOffset, int dLength, int[] g, int gOffset, int gLength, boolean crowd) {
        long ca = d[dOffset] & 0xffffffffL;
        long cb = g[gOffset] & 0xffffffffL;
        boolean va = false;
        boolean vb = false;
        int ia = 1;
        int ib = 1;
        long inter = 0;
        long union = 0;
        long ct = 1;
        while (ct > 0) {
            long c = Math.min(ca, cb);
            if (va || vb) {
                union += c;
                if (va && vb) {
                    inter += c;
                }
            }
            ct = 0;
            ca -= c;
            if (ca == 0 && ia < dLength) {
                ca = d[dOffset + ia++] & 0xffffffffL;
                va = !va;
            }
            ct += ca;
            cb -= c;
            if (cb == 0 && ib < gLength) {
                cb = g[gOffset + ib++] & 0xffffffffL;
                vb = !vb;
            }
            ct += cb;
        }
        if (inter == 0) {
            union = 1;
        } else if (crowd) {
            union = area(d, dOffset, dLength);
        }
        return (double) inter / (double) union;
    }

    /**
     * IoU of two boxes [x, y, w, h] (maskApi {@code bbIou}, its operations in its order); a crowd region divides
     * by the detection's area. 0 when they do not overlap.
     */
    public static double boxIou(double[] d, int di, double[] g, int gi, boolean crowd) {
        double w = Math.min(d[di + 2] + d[di], g[gi + 2] + g[gi]) - Math.max(d[di], g[gi]);
        if (w <= 0) {
            return 0;
        }
        double h = Math.min(d[di + 3] + d[di + 1], g[gi + 3] + g[gi + 1]) - Math.max(d[di + 1], g[gi + 1]);
        if (h <= 0) {
            return 0;
        }
        double da = d[di + 2] * d[di + 3];
        double ga = g[gi + 2] * g[gi + 3];
        double i = w * h;
        double u = crowd ? da : da + ga - i;
        return i / u;
    }

    /** The mask, column-major (x * h + y), 1 for foreground (maskApi {@code rleDecode}). */
    public static void decode(int[] counts, int offset, int m, byte[] mask) {
        int p = 0;
        byte v = 0;
        for (int j = 0; j < m; j++) {
            int run = counts[offset + j];
            for (int k = 0; k < run; k++) {
                mask[p++] = v;
            }
            v = (byte) (1 - v);
        }
    }

    /** Appends the runs of a column-major mask (maskApi {@code rleEncode}); returns the number of counts. */
    public static int encode(byte[] mask, int h, int w, IntList out) {
        int start = out.size();
        int area = h * w;
        byte p = 0;
        int c = 0;
        for (int j = 0; j < area; j++) {
            if (mask[j] != p) {
                out.add(c);
                c = 0;
                p = mask[j];
            }
            c++;
        }
        out.add(c);
        return out.size() - start;
    }
}
