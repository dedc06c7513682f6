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

    private static double percentileOfMagnitude(double[] values, int offset, int n, double q) {
        int stride = Math.max(1, n / 8192);
        int count = (n + stride - 1) / stride;
        double[] sample = new double[count];
        for (int k = 0; k < count; k++) {
            sample[k] = Math.abs(values[offset + k * stride]);
        }
        Arrays.sort(sample);
        return sample[Math.min(count - 1, (int) Math.floor(q * (count - 1)))];
    }

    /** A flat map's range is its one value, which its colour bar then states. */
    private static MapImage flatOr(MapImage image, double[] values, int offset) {
        return image.flat() ? new MapImage(image.kind(), image.width(), image.height(), image.argb(), values[offset],
                values[offset], true) : image;
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
        int n = width * height;
        boolean flat = true;
        for (int i = 1; i < n && flat; i++) {
            flat = values[offset + i] == values[offset];
        }
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            min = Math.min(min, values[offset + i]);
            max = Math.max(max, values[offset + i]);
        }
        return colour(kind, width, height, values, offset, argb, locked).withData(min, max);
    }

    private static MapImage colour(MapKind kind, int width, int height, double[] values, int offset, int[] argb,
                                   double[] locked) {
        int n = width * height;
        boolean flat = true;
        for (int i = 1; i < n && flat; i++) {
            flat = values[offset + i] == values[offset];
        }
        if (locked != null && kind.scale() != MapKind.Scale.CATEGORIES) {
            int[] table = ColorMaps.table(kind);
            for (int i = 0; i < n; i++) {
                argb[i] = ColorMaps.lookup(table, values[offset + i], locked[0], locked[1]);
            }
            return new MapImage(kind, width, height, argb, locked[0], locked[1], flat);
        }
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            lo = Math.min(lo, values[offset + i]);
            hi = Math.max(hi, values[offset + i]);
        }
        if (kind.scale() != MapKind.Scale.CATEGORIES) {
            // a few extreme pixels would wash the rest out: the colours span up to the 99.5th percentile
            // of the magnitudes, larger values saturate (the colour bar says so with its ends)
            double robust = percentileOfMagnitude(values, offset, n, 0.995);
            if (robust > 0) {
                hi = Math.min(hi, robust);
                lo = Math.max(lo, -robust);
            }
        }
        switch (kind.scale()) {
            case SIGNED: {
                double m = Math.max(Math.max(Math.abs(lo), Math.abs(hi)), 1e-300);
                for (int i = 0; i < n; i++) {
                    argb[i] = ColorMaps.lookup(ColorMaps.DIVERGING, values[offset + i], -m, m);
                }
                return flatOr(new MapImage(kind, width, height, argb, -m, m, flat), values, offset);
            }
            case CATEGORIES: {
                int[] palette = ColorMaps.table(kind);
                for (int i = 0; i < n; i++) {
                    argb[i] = palette[(int) values[offset + i]];
                }
                return new MapImage(kind, width, height, argb, 0, palette.length - 1, flat);
            }
            default: {
                int[] table = ColorMaps.table(kind);
                double low = Math.min(0, lo);
                double high = hi > low ? hi : low + 1;
                for (int i = 0; i < n; i++) {
                    argb[i] = ColorMaps.lookup(table, values[offset + i], low, high);
                }
                return flatOr(new MapImage(kind, width, height, argb, low, high, flat), values, offset);
            }
        }
    }
}
