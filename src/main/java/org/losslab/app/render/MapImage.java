package org.losslab.app.render;

import java.util.Arrays;
import org.losslab.engine.maps.MapKind;

/**
 * A map turned into ARGB pixels for one plane, with the numeric range its colour bar shows: [0, max]
 * (or [min, max]) for magnitudes, [-m, m] for signed values, codes for categories.
 */
public record MapImage(MapKind kind, int width, int height, int[] argb, double low, double high, boolean flat,
                       double dataLow, double dataHigh) {

    public MapImage(MapKind kind, int width, int height, int[] argb, double low, double high) {
        this(kind, width, height, argb, low, high, false);
    }

    /** A map whose values all lie within its colour range. */
    public MapImage(MapKind kind, int width, int height, int[] argb, double low, double high, boolean flat) {
        this(kind, width, height, argb, low, high, flat, low, high);
    }

    /** The same colours with other pixels (the canvas's copy), the same ranges. */
    public MapImage withPixels(int[] pixels) {
        return new MapImage(kind, width, height, pixels, low, high, flat, dataLow, dataHigh);
    }

    /** Whether some values lie below the colour range (they take its lowest colour). */
    public boolean clippedLow() {
        return kind.scale() != MapKind.Scale.CATEGORIES && dataLow < low - 1e-12 * Math.max(1, Math.abs(low));
    }

    /** Whether some values lie above the colour range (they take its highest colour). */
    public boolean clippedHigh() {
        return kind.scale() != MapKind.Scale.CATEGORIES && dataHigh > high + 1e-12 * Math.max(1, Math.abs(high));
    }

    /** The image with the values' true extremes, which the colour bar reports when they lie beyond its range. */
    private MapImage withData(double min, double max) {
        return new MapImage(kind, width, height, argb, low, high, flat, min, max);
    }

    /** The values of one plane of a map, read one pixel at a time (doubles or floats, with or without an offset). */
    @FunctionalInterface
    private interface Plane {
        double at(int i);
    }

    private static double percentileOfMagnitude(Plane values, int n, double q) {
        int stride = Math.max(1, n / 8192);
        int count = (n + stride - 1) / stride;
        double[] sample = new double[count];
        for (int k = 0; k < count; k++) {
            sample[k] = Math.abs(values.at(k * stride));
        }
        Arrays.sort(sample);
        return sample[Math.min(count - 1, (int) Math.floor(q * (count - 1)))];
    }

    /** A flat map's range is its one value, which its colour bar then states. */
    private static MapImage flatOr(MapImage image, Plane values) {
        return image.flat() ? new MapImage(image.kind(), image.width(), image.height(), image.argb(), values.at(0),
                values.at(0), true) : image;
    }

    public static MapImage of(MapKind kind, int width, int height, double[] values, int offset) {
        return of(kind, width, height, values, offset, new int[width * height]);
    }

    /** As above, colouring into {@code argb} (width x height pixels), which the image then holds. */
    public static MapImage of(MapKind kind, int width, int height, double[] values, int offset, int[] argb) {
        return of(kind, width, height, values, offset, argb, null);
    }

    /**
     * As above; with {@code locked} = {low, high} the colours span that range (the user locked the
     * colour bar to compare states) instead of one fitted to these values. A map whose values are all
     * equal is {@code flat}: its colour bar says so instead of inventing a range.
     */
    public static MapImage of(MapKind kind, int width, int height, double[] values, int offset, int[] argb,
                              double[] locked) {
        return of(kind, width, height, i -> values[offset + i], argb, locked);
    }

    /**
     * As above for a plane of floats (the workspace's frames keep their maps' values in single precision: the
     * colours and the read-out come from the same numbers, and a 4096 x 4096 plane takes 64 MB, not 128).
     */
    public static MapImage of(MapKind kind, int width, int height, float[] values, int[] argb, double[] locked) {
        return of(kind, width, height, i -> values[i], argb, locked);
    }

    private static MapImage of(MapKind kind, int width, int height, Plane values, int[] argb, double[] locked) {
        int n = width * height;
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            double v = values.at(i);
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        return colour(kind, width, height, values, argb, locked, min, max).withData(min, max);
    }

    private static MapImage colour(MapKind kind, int width, int height, Plane values, int[] argb, double[] locked,
                                   double min, double max) {
        int n = width * height;
        boolean flat = true;
        double first = values.at(0);
        for (int i = 1; i < n && flat; i++) {
            flat = values.at(i) == first;
        }
        if (locked != null && kind.scale() != MapKind.Scale.CATEGORIES) {
            int[] table = ColorMaps.table(kind);
            for (int i = 0; i < n; i++) {
                argb[i] = ColorMaps.lookup(table, values.at(i), locked[0], locked[1]);
            }
            return new MapImage(kind, width, height, argb, locked[0], locked[1], flat);
        }
        double lo = min;
        double hi = max;
        if (kind.scale() != MapKind.Scale.CATEGORIES) {
            // a few extreme pixels would wash the rest out: the colours span up to the 99.5th percentile
            // of the magnitudes, larger values saturate (the colour bar says so with its ends)
            double robust = percentileOfMagnitude(values, n, 0.995);
            if (robust > 0) {
                hi = Math.min(hi, robust);
                lo = Math.max(lo, -robust);
            }
        }
        switch (kind.scale()) {
            case SIGNED: {
                double m = Math.max(Math.max(Math.abs(lo), Math.abs(hi)), 1e-300);
                for (int i = 0; i < n; i++) {
                    argb[i] = ColorMaps.lookup(ColorMaps.DIVERGING, values.at(i), -m, m);
                }
                return flatOr(new MapImage(kind, width, height, argb, -m, m, flat), values);
            }
            case CATEGORIES: {
                int[] palette = ColorMaps.table(kind);
                for (int i = 0; i < n; i++) {
                    argb[i] = palette[(int) values.at(i)];
                }
                return new MapImage(kind, width, height, argb, 0, palette.length - 1, flat);
            }
            default: {
                int[] table = ColorMaps.table(kind);
                double low = Math.min(0, lo);
                double high = hi > low ? hi : low + 1;
                for (int i = 0; i < n; i++) {
                    argb[i] = ColorMaps.lookup(table, values.at(i), low, high);
                }
                return flatOr(new MapImage(kind, width, height, argb, low, high, flat), values);
            }
        }
    }
}
