package org.losslab.app.render;

import org.losslab.engine.maps.MapKind;

/**
 * Colour maps as ARGB lookup tables: viridis for magnitudes (perceptually uniform, colour-blind safe),
 * a blue-white-orange diverging map for signed values (centred on zero, symmetric range; blue and
 * orange stay apart for every common colour-vision deficiency, unlike red and green), and fixed colours
 * for categories and classes.
 */
public final class ColorMaps {
    public static final int SIZE = 256;
    /** Viridis, from its published anchor colours, interpolated. */
    private static final int[][] VIRIDIS_ANCHORS = {
        {68, 1, 84}, {72, 35, 116}, {64, 67, 135}, {52, 94, 141}, {41, 120, 142}, {32, 144, 140},
        {34, 167, 132}, {68, 190, 112}, {121, 209, 81}, {189, 222, 38}, {253, 231, 37}};
    private static final int[][] DIVERGING_ANCHORS = {
        {5, 48, 97}, {33, 102, 172}, {67, 147, 195}, {146, 197, 222}, {209, 229, 240}, {247, 247, 247},
        {254, 224, 182}, {253, 184, 99}, {224, 130, 20}, {179, 88, 6}, {127, 59, 8}};
    /** Cividis (Nuñez et al. 2018): like viridis, and also nearly the same for readers with any colour-vision deficiency. */
    private static final int[][] CIVIDIS_ANCHORS = {
        {0, 34, 78}, {18, 53, 112}, {59, 73, 108}, {87, 92, 109}, {112, 113, 115}, {137, 134, 120},
        {164, 156, 118}, {191, 179, 111}, {219, 203, 98}, {244, 227, 79}, {255, 234, 70}};
    public static final int[] VIRIDIS = table(VIRIDIS_ANCHORS);
    public static final int[] CIVIDIS = table(CIVIDIS_ANCHORS);

    /** The palettes a magnitude map can be drawn with (signed maps keep the blue-orange scale). */
    public enum Palette {
        VIRIDIS, CIVIDIS
    }

    private static volatile Palette magnitudes = Palette.VIRIDIS;

    /** Chooses the palette of magnitude maps, for the canvas and its colour bars alike. */
    public static void setMagnitudePalette(Palette palette) {
        magnitudes = palette;
    }

    public static Palette magnitudePalette() {
        return magnitudes;
    }
    public static final int[] DIVERGING = table(DIVERGING_ANCHORS);
    /** Class colours (background transparent-ish grey first), as in labelling tools. */
    public static final int[] CLASSES = {0xFF000000, 0xFFE6194B, 0xFF3CB44B, 0xFF4363D8, 0xFFFFE119, 0xFFF58231,
        0xFF911EB4, 0xFF46F0F0};
    /** Error map: TN, TP, FP, FN, ignored. */
    public static final int[] ERRORS = {0xFF202020, 0xFF2E9E44, 0xFFE8452C, 0xFF3B7DDD, 0xFF808080};
    /** Band map: none, target band, prediction band, both. */
    public static final int[] BANDS = {0xFF101010, 0xFF3B7DDD, 0xFFE8A33C, 0xFFFFFFFF};

    private ColorMaps() {
    }

    private static int[] table(int[][] anchors) {
        int[] out = new int[SIZE];
        for (int i = 0; i < SIZE; i++) {
            double t = i / (SIZE - 1.0) * (anchors.length - 1);
            int k = Math.min(anchors.length - 2, (int) t);
            double f = t - k;
            int r = (int) Math.round(anchors[k][0] + f * (anchors[k + 1][0] - anchors[k][0]));
            int g = (int) Math.round(anchors[k][1] + f * (anchors[k + 1][1] - anchors[k][1]));
            int b = (int) Math.round(anchors[k][2] + f * (anchors[k + 1][2] - anchors[k][2]));
            out[i] = 0xFF000000 | r << 16 | g << 8 | b;
        }
        return out;
    }

    /** The table a map's numbers are coloured with: by its scale (categories have their own palettes). */
    public static int[] table(MapKind kind) {
        return switch (kind.scale()) {
            case SIGNED -> DIVERGING;
            case MAGNITUDE -> magnitudes == Palette.CIVIDIS ? CIVIDIS : VIRIDIS;
            // the error map has its own colours; the band and skeleton maps share "none, target, prediction, both"
            case CATEGORIES -> kind == MapKind.ERRORS ? ERRORS : BANDS;
        };
    }

    /** The colour of v on a table spanning [lo, hi]. */
    public static int lookup(int[] table, double v, double lo, double hi) {
        double t = hi > lo ? (v - lo) / (hi - lo) : 0.5;
        int k = (int) Math.round(Math.max(0, Math.min(1, t)) * (SIZE - 1));
        return table[k];
    }

    /** Blends a colour over another with an opacity in [0, 1]. */
    public static int over(int top, int bottom, double alpha) {
        int r = (int) (((top >> 16) & 255) * alpha + ((bottom >> 16) & 255) * (1 - alpha));
        int g = (int) (((top >> 8) & 255) * alpha + ((bottom >> 8) & 255) * (1 - alpha));
        int b = (int) ((top & 255) * alpha + (bottom & 255) * (1 - alpha));
        return 0xFF000000 | r << 16 | g << 8 | b;
    }
}
