package org.losslab.engine.coco;

/**
 * An annotation's polygon parts as one mask, as pycocotools' {@code annToRLE} makes it: each part rasterised by
 * {@code rleFrPoly} (or, when the first part has exactly 4 numbers, every part read as a box [x, y, w, h] by
 * {@code rleFrBbox}, which is what {@code frPyObjects} does), then the parts' union by {@code rleMerge}.
 * One instance per thread: it keeps its scratch.
 */
public final class PolygonMasks {
    private final PolygonRaster raster = new PolygonRaster();
    private final IntList parts = new IntList(256);
    private final IntList merged = new IntList(256);
    private int[] partOffset = new int[8];
    private int[] partLength = new int[8];

    /**
     * Appends the mask of {@code count} parts, part i being {@code coords[from[i], from[i] + length[i])}, to
     * {@code out} and returns its number of runs. A polygon part of 2k or 2k + 1 numbers has k points.
     */
    public int mask(double[] coords, int[] from, int[] length, int count, boolean boxes, int h, int w, IntList out) {
        return mask(coords, from, length, 0, count, boxes, h, w, out);
    }

    /** As {@link #mask(double[], int[], int[], int, boolean, int, int, IntList)}, the parts being first, first + 1, ... */
    public int mask(double[] coords, int[] from, int[] length, int first, int count, boolean boxes, int h, int w,
            IntList out) {
        parts.clear();
        if (partOffset.length < count) {
            partOffset = new int[count * 2];
            partLength = new int[count * 2];
        }
        for (int i = 0; i < count; i++) {
            partOffset[i] = parts.size();
            int at = from[first + i];
            partLength[i] = boxes
                    ? raster.box(coords[at], coords[at + 1], coords[at + 2], coords[at + 3], h, w, parts)
                    : raster.polygon(coords, at, length[first + i] / 2, h, w, parts);
        }
        if (count == 1) {
            out.addAll(parts.array(), partOffset[0], partLength[0]);
            return partLength[0];
        }
        // rleMerge folds the parts left to right: (((p0 | p1) | p2) ...)
        merged.clear();
        merged.addAll(parts.array(), partOffset[0], partLength[0]);
        int currentLength = partLength[0];
        for (int i = 1; i < count; i++) {
            int start = merged.size();
            int n = Rle.union(merged.array(), start - currentLength, currentLength,
                    parts.array(), partOffset[i], partLength[i], merged);
            // keep only the newest union at the end of the scratch
            System.arraycopy(merged.array(), start, merged.array(), 0, n);
            merged.truncate(n);
            currentLength = n;
        }
        out.addAll(merged.array(), 0, currentLength);
        return currentLength;
    }
}
