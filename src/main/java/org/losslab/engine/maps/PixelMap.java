package org.losslab.engine.maps;

/**
 * One per-pixel map: C x H x W values (C = 1 for maps of the whole pixel), flat, row-major.
 *
 * @param kind     what the map shows
 * @param channels how many planes (one per class where the map is per class)
 * @param values   the numbers; for categorical maps (bands, errors) small codes
 */
public record PixelMap(MapKind kind, int channels, int height, int width, double[] values) {

    /** The plane of one channel, copied. */
    public double[] plane(int channel) {
        int n = height * width;
        double[] out = new double[n];
        System.arraycopy(values, channel * n, out, 0, n);
        return out;
    }

    /** The value at (channel, y, x). */
    public double at(int channel, int y, int x) {
        return values[(channel * height + y) * width + x];
    }

    /** The smallest and largest value over all planes. */
    public double[] range() {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double v : values) {
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        return new double[] {min, max};
    }
}
