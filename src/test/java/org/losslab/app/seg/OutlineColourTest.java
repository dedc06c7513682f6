package org.losslab.app.seg;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.losslab.app.render.ColorMaps;

/**
 * The prediction's outline in binary scenes cannot be mistaken for a colour of any map it is drawn over: its CIELAB
 * distance (CIE76, sRGB D65, computed here from the definitions) to every colour of viridis, cividis, the diverging
 * map and the band map is large (about 2.3 is a just noticeable difference; 40 is colours of another name).
 */
class OutlineColourTest {
    private static double[] lab(int argb) {
        double[] rgb = {(argb >> 16 & 255) / 255.0, (argb >> 8 & 255) / 255.0, (argb & 255) / 255.0};
        for (int k = 0; k < 3; k++) {
            rgb[k] = rgb[k] > 0.04045 ? Math.pow((rgb[k] + 0.055) / 1.055, 2.4) : rgb[k] / 12.92;
        }
        double x = (0.4124 * rgb[0] + 0.3576 * rgb[1] + 0.1805 * rgb[2]) / 0.95047;
        double y = 0.2126 * rgb[0] + 0.7152 * rgb[1] + 0.0722 * rgb[2];
        double z = (0.0193 * rgb[0] + 0.1192 * rgb[1] + 0.9505 * rgb[2]) / 1.08883;
        double fx = f(x);
        double fy = f(y);
        double fz = f(z);
        return new double[] {116 * fy - 16, 500 * (fx - fy), 200 * (fy - fz)};
    }

    private static double f(double t) {
        return t > 0.008856 ? Math.cbrt(t) : 7.787 * t + 16 / 116.0;
    }

    @Test
    void theOutlineIsNoColourOfAnyMap() {
        double[] outline = lab(Overlays.BINARY_PREDICTION_COLOUR);
        // the error map draws no outline (it is the prediction itself), every other map lies under one
        for (int[] table : new int[][] {ColorMaps.VIRIDIS, ColorMaps.CIVIDIS, ColorMaps.DIVERGING, ColorMaps.BANDS}) {
            for (int colour : table) {
                double[] c = lab(colour);
                double distance = Math.sqrt(Math.pow(c[0] - outline[0], 2) + Math.pow(c[1] - outline[1], 2)
                        + Math.pow(c[2] - outline[2], 2));
                assertTrue(distance > 40, String.format("outline %06X is %.1f from map colour %06X",
                        Overlays.BINARY_PREDICTION_COLOUR & 0xFFFFFF, distance, colour & 0xFFFFFF));
            }
        }
    }
}
