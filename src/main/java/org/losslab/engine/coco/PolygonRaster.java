package org.losslab.engine.coco;

import java.util.Arrays;

/**
 * Polygons and boxes to masks exactly as maskApi's {@code rleFrPoly} / {@code rleFrBbox}: the outline is walked on a
 * grid five times finer, the points where it crosses a pixel column's centre are kept, and the mask's runs are read
 * off those crossings. Reusable scratch: one instance per thread, not shared.
 */
public final class PolygonRaster {
    /** maskApi's upsampling of the outline. */
    private static final double SCALE = 5;
    /** Crossings of one column sorted by insertion; more go to the library's sort. */
    private static final int SHORT_COLUMN = 24;

    private int[] u = new int[64];
    private int[] v = new int[64];
    private int[] xs = new int[64];
    private int[] ys = new int[64];
    private long[] starts = new long[64];
    private int[] columnStarts = new int[64];
    private int[] sortedRows = new int[64];
    private final double[] rectangle = new double[8];

    /**
     * Appends the runs of the polygon {@code xy[offset .. offset + 2k)} (x0, y0, x1, y1, ...) on an h x w image and
     * returns their number.
     */
    public int polygon(double[] xy, int offset, int k, int h, int w, IntList out) {
        growVertices(k + 1);
        int[] x = xs;
        int[] y = ys;
        for (int j = 0; j < k; j++) {
            x[j] = (int) (SCALE * xy[offset + 2 * j] + .5);
            y[j] = (int) (SCALE * xy[offset + 2 * j + 1] + .5);
        }
        x[k] = x[0];
        y[k] = y[0];
        long points = 0;
        for (int j = 0; j < k; j++) {
            points += Math.max(Math.abs((long) x[j] - x[j + 1]), Math.abs((long) y[j] - y[j + 1])) + 1;
        }
        if (points > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("a polygon edge longer than 400 million pixels");
        }
        growOutline((int) points);
        int m = walkOutline(x, y, k, u, v);
        growVertices(m); // the vertices are done with: their arrays now hold the crossings
        int crossings = columnCrossings(u, v, m, h, w, xs, ys);
        return runsFromCrossings(xs, ys, crossings, h, w, out);
    }

    /** A box [x, y, w, h] as maskApi's {@code rleFrBbox} draws it: the polygon of its four corners. */
    public int box(double bx, double by, double bw, double bh, int h, int w, IntList out) {
        double xe = bx + bw;
        double ye = by + bh;
        rectangle[0] = bx;
        rectangle[1] = by;
        rectangle[2] = bx;
        rectangle[3] = ye;
        rectangle[4] = xe;
        rectangle[5] = ye;
        rectangle[6] = xe;
        rectangle[7] = by;
        return polygon(rectangle, 0, 4, h, w, out);
    }

    /** Every grid point along the closed outline, each edge walked along its longer axis; returns how many. */
    private static int walkOutline(int[] x, int[] y, int k, int[] uu, int[] vv) {
        int m = 0;
        for (int j = 0; j < k; j++) {
            int xs = x[j];
            int xe = x[j + 1];
            int ys = y[j];
            int ye = y[j + 1];
            int dx = Math.abs(xe - xs);
            int dy = Math.abs(ys - ye);
            boolean flip = (dx >= dy && xs > xe) || (dx < dy && ys > ye);
            if (flip) {
                int t = xs;
                xs = xe;
                xe = t;
                t = ys;
                ys = ye;
                ye = t;
            }
            // 0 / 0 for a repeated point: NaN, whose point is never read below (its column equals its neighbours')
            double s = dx >= dy ? (double) (ye - ys) / dx : (double) (xe - xs) / dy;
            if (dx >= dy) {
                for (int d = 0; d <= dx; d++) {
                    int t = flip ? dx - d : d;
                    uu[m] = t + xs;
                    vv[m] = (int) (ys + s * t + .5);
                    m++;
                }
            } else {
                for (int d = 0; d <= dy; d++) {
                    int t = flip ? dy - d : d;
                    vv[m] = t + ys;
                    uu[m] = (int) (xs + s * t + .5);
                    m++;
                }
            }
        }
        return m;
    }

    /**
     * The points where the outline crosses a pixel column's centre, into x/y (pixel column, first row inside).
     * maskApi computes xd = (u + .5) / 5 - .5, keeps it when it is a whole number in [0, w - 1], and takes
     * y = ceil((v + .5) / 5 - .5) clamped to [0, h]. In exact arithmetic these are (u - 2) / 5 and (v - 2) / 5; in
     * doubles, a multiple of 5 plus 2 gives the whole number exactly (k + .5 is representable) and any other u or
     * v lies at least 0.1 from a whole number, far beyond the rounding of numbers below 2^31: so integer division
     * decides every point as the doubles do, without floor and ceil (library calls in C1-compiled code).
     */
    private static int columnCrossings(int[] uu, int[] vv, int k, int h, int w, int[] x, int[] y) {
        int m = 0;
        for (int j = 1; j < k; j++) {
            int uj = uu[j];
            int previous = uu[j - 1];
            if (uj == previous) {
                continue;
            }
            long shifted = (long) (uj < previous ? uj : uj - 1) - 2;
            if (shifted < 0 || shifted % 5 != 0) {
                continue; // not a column centre, or left of the image
            }
            long column = shifted / 5;
            if (column > w - 1) {
                continue;
            }
            long yShifted = (long) Math.min(vv[j], vv[j - 1]) - 2;
            long row = yShifted <= 0 ? 0 : (yShifted + 4) / 5; // the ceiling of a positive quotient
            x[m] = (int) column;
            y[m] = (int) Math.min(row, h);
            m++;
        }
        return m;
    }

    /** Sorted crossing positions become run lengths; a crossing pair at one place cancels (maskApi's last loop). */
    private int runsFromCrossings(int[] x, int[] y, int m, int h, int w, IntList out) {
        long[] a = ensureStarts(m + 1);
        for (int j = 0; j < m; j++) {
            a[j] = ((long) x[j] * h + y[j]) & 0xffffffffL;
        }
        a[m] = ((long) h * w) & 0xffffffffL;
        int k = m + 1;
        if ((long) h * w <= 0xffffffffL) {
            sortByColumn(x, y, m, h, a); // no position wraps: column then row is the positions' order
        } else {
            Arrays.sort(a, 0, k);
        }
        long p = 0;
        for (int j = 0; j < k; j++) {
            long t = a[j];
            a[j] -= p;
            p = t;
        }
        int start = out.size();
        int j = 0;
        out.add((int) a[j++]);
        while (j < k) {
            if (a[j] > 0) {
                out.add((int) a[j++]);
            } else {
                j++;
                if (j < k) {
                    int last = out.size() - 1;
                    out.set(last, (int) (out.get(last) + a[j++]));
                }
            }
        }
        return out.size() - start;
    }

    /**
     * The crossings' positions x * h + y in ascending order into {@code a[0, m)}: a counting sort by column (an
     * outline crosses each column a few times) and an insertion sort of each column's rows, O(m + columns)
     * instead of a general sort; the same numbers as sorting the positions when none exceeds 2^32.
     */
    private void sortByColumn(int[] x, int[] y, int m, int h, long[] a) {
        if (m == 0) {
            return;
        }
        int low = Integer.MAX_VALUE;
        int high = Integer.MIN_VALUE;
        for (int j = 0; j < m; j++) {
            low = Math.min(low, x[j]);
            high = Math.max(high, x[j]);
        }
        int span = high - low + 1;
        if (span > 4 * m) {
            Arrays.sort(a, 0, m); // a few crossings scattered over many columns
            return;
        }
        int[] first = ensureColumns(span + 1);
        Arrays.fill(first, 0, span + 1, 0);
        for (int j = 0; j < m; j++) {
            first[x[j] - low + 1]++;
        }
        for (int c = 0; c < span; c++) {
            first[c + 1] += first[c];
        }
        int[] rows = ensureRows(m);
        for (int j = 0; j < m; j++) {
            rows[first[x[j] - low]++] = y[j];
        }
        // first[c] is now where column c + 1 starts
        int from = 0;
        for (int c = 0; c < span; c++) {
            int to = first[c];
            long base = (long) (low + c) * h;
            if (to - from > SHORT_COLUMN) {
                Arrays.sort(rows, from, to);
            } else {
                for (int i = from + 1; i < to; i++) {
                    int r = rows[i];
                    int at = i;
                    while (at > from && rows[at - 1] > r) {
                        rows[at] = rows[at - 1];
                        at--;
                    }
                    rows[at] = r;
                }
            }
            for (int i = from; i < to; i++) {
                a[i] = base + rows[i];
            }
            from = to;
        }
    }

    private int[] ensureColumns(int n) {
        if (columnStarts.length < n) {
            columnStarts = new int[Math.max(n, columnStarts.length * 2)];
        }
        return columnStarts;
    }

    private int[] ensureRows(int n) {
        if (sortedRows.length < n) {
            sortedRows = new int[Math.max(n, sortedRows.length * 2)];
        }
        return sortedRows;
    }

    private void growVertices(int n) {
        if (xs.length < n) {
            xs = new int[Math.max(n, xs.length * 2)];
            ys = new int[xs.length];
        }
    }

    private void growOutline(int n) {
        if (u.length < n) {
            u = new int[Math.max(n, u.length * 2)];
            v = new int[u.length];
        }
    }

    private long[] ensureStarts(int n) {
        if (starts.length < n) {
            starts = new long[Math.max(n, starts.length * 2)];
        }
        return starts;
    }
}
