package org.losslab.app.render;

import java.util.Arrays;
import java.util.function.IntUnaryOperator;

/**
 * The segmentation canvas as one image, composed from its layers so that the window draws a single
 * opaque texture. With the heatmap shown, the ground truth and the prediction are contours only (solid
 * and dashed), never fills: every pixel off a contour has exactly the heatmap's colour, the colour
 * its colour bar gives for its value. With the heatmap hidden, the prediction is a fill whose strength
 * is its confidence, under the ground truth's contour.
 */
public final class CanvasComposite {
    /** The canvas behind everything. */
    public static final int BACKDROP = 0xFF1B1B1B;

    /**
     * How to compose.
     *
     * @param heatmapShown      the heatmap under the contours (else the prediction's fill)
     * @param heatmapOpacity    over the backdrop (or the background image, when {@code seeThrough})
     * @param targetOpacity     of the ground truth's contour
     * @param predictionOpacity of the prediction's contour (heatmap shown) or fill (heatmap hidden)
     * @param seeThrough        a background image lies below: leave the backdrop transparent
     */
    public record Settings(boolean heatmapShown, double heatmapOpacity, double targetOpacity, double predictionOpacity,
                           boolean seeThrough) {
        public static Settings standard() {
            return new Settings(true, 1, 1, 1, false);
        }
    }

    private CanvasComposite() {
    }

    /**
     * Composes one ARGB image of n pixels. Layers are ARGB arrays of n pixels (0 = nothing there):
     * the heatmap (opaque colours), the ground-truth contour, the prediction's fill (alpha = its
     * confidence) and its contour.
     */
    public static int[] compose(int n, int[] heat, int[] targetContour, int[] predictionFill, int[] predictionContour,
                                Settings s) {
        return compose(new int[n], heat, targetContour, predictionFill, predictionContour, s);
    }

    /** As above, into {@code out} (its length is the number of pixels). */
    public static int[] compose(int[] out, int[] heat, int[] targetContour, int[] predictionFill, int[] predictionContour,
                                Settings s) {
        Layers layers = new Layers(heat, targetContour, predictionFill, predictionContour, s);
        for (int i = 0; i < out.length; i++) {
            out[i] = layers.pixel(i);
        }
        return out;
    }

    /**
     * The layers of one image and how to compose them, pixel by pixel: a large image is composed only where the screen
     * shows it (a composed copy of a 4096 x 4096 image was 64 MB more, for the 1.2 million pixels a window shows).
     */
    public record Layers(int[] heat, int[] targetContour, int[] predictionFill, int[] predictionContour, Settings s) {
        /** The composed colour of image pixel i. */
        public int pixel(int i) {
            int backdrop = s.seeThrough() ? 0 : BACKDROP;
            int c;
            if (s.heatmapShown() && heat != null) {
                c = s.seeThrough() ? withAlpha(heat[i], s.heatmapOpacity())
                        : s.heatmapOpacity() >= 1 ? heat[i] : ColorMaps.over(heat[i], backdrop, s.heatmapOpacity());
                if (predictionContour != null && predictionContour[i] != 0) {
                    c = over(predictionContour[i], c, s.predictionOpacity());
                }
            } else {
                c = backdrop;
                if (predictionFill != null && predictionFill[i] != 0) {
                    c = over(predictionFill[i], c, s.predictionOpacity() * (predictionFill[i] >>> 24) / 255.0);
                }
            }
            if (targetContour != null && targetContour[i] != 0) {
                c = over(targetContour[i], c, s.targetOpacity() * (targetContour[i] >>> 24) / 255.0);
            }
            return c;
        }
    }

    /** Blends top over bottom with an opacity; an invisible top leaves bottom exactly as it was. */
    private static int over(int top, int bottom, double alpha) {
        if (alpha <= 0) {
            return bottom;
        }
        if (alpha >= 1) {
            return 0xFF000000 | top;
        }
        if (bottom >>> 24 == 0) {
            return withAlpha(top, alpha);
        }
        return ColorMaps.over(top, bottom, alpha);
    }

    private static int withAlpha(int colour, double alpha) {
        return (int) Math.round(255 * Math.max(0, Math.min(1, alpha))) << 24 | colour & 0x00FFFFFF;
    }

    /**
     * The composed image resampled to the screen: each screen pixel takes the image pixel under its centre (nearest
     * neighbour, so image pixels stay sharp squares, {@code sy / sx} the pixel aspect), {@code outside} where none
     * is; hatched pixels get a black and a white line every 6 screen pixels, visible over any colour.
     * {@code imagePixel} gives the composed colour of an image pixel (from a composed array, or {@link Layers#pixel}).
     */
    public static void toScreen(int[] screen, int sw, int sh, IntUnaryOperator imagePixel, int imageWidth, int imageHeight,
            double tx, double ty, double sx, double sy, int outside, boolean[] hatch) {
        int[] column = new int[sw];
        for (int x = 0; x < sw; x++) {
            double ix = Math.floor((x + 0.5 - tx) / sx);
            column[x] = ix >= 0 && ix < imageWidth ? (int) ix : -1;
        }
        for (int y = 0; y < sh; y++) {
            double iy = Math.floor((y + 0.5 - ty) / sy);
            int row = y * sw;
            if (iy < 0 || iy >= imageHeight) {
                Arrays.fill(screen, row, row + sw, outside);
                continue;
            }
            int source = (int) iy * imageWidth;
            for (int x = 0; x < sw; x++) {
                int ix = column[x];
                screen[row + x] = ix < 0 ? outside : imagePixel.applyAsInt(source + ix);
                if (hatch != null && ix >= 0 && hatch[source + ix]) {
                    int phase = (x + y) % 6;
                    if (phase == 0) {
                        screen[row + x] = 0xFF000000;
                    } else if (phase == 1) {
                        screen[row + x] = 0xFFFFFFFF;
                    }
                }
            }
        }
    }
}
