package org.losslab.app.seg;

import java.util.function.IntUnaryOperator;
import org.losslab.app.render.CanvasComposite;

/**
 * The canvas's layers (the frame's own arrays, not copies: the window holds the frame on screen until the next one
 * is) and their composition. An image up to {@link #COMPOSED_PIXELS} is composed once per change and then only copied
 * while the user pans and zooms; a larger one is composed for the screen's pixels on each redraw, not kept whole (a
 * composed 4096 x 4096 image was 64 MB more, for the 1.2 million pixels a window shows).
 */
final class CanvasLayers {
    /** The frame worker's: a larger frame's arrays are never handed out again, so composing from them on each redraw is safe. */
    static final int COMPOSED_PIXELS = FrameWorker.POOLED_PIXELS;

    private int[] heat;
    private int[] targetContour;
    private int[] predictionFill;
    private int[] predictionContour;
    private CanvasComposite.Layers layers;
    private int[] composed;

    /** New layers: the heatmap's colours, the ground truth's contour, the prediction's fill and its contour (ARGB). */
    void set(int[] heatColours, int[] target, int[] fill, int[] contour) {
        heat = heatColours;
        targetContour = target;
        predictionFill = fill;
        predictionContour = contour;
    }

    /** Forgets the layers (their frame's arrays go back to be reused). */
    void clear() {
        set(null, null, null, null);
        layers = null;
        composed = null;
    }

    boolean isEmpty() {
        return heat == null;
    }

    /** The number of image pixels. */
    int pixels() {
        return heat.length;
    }

    /** Composes again with these settings (an opacity changed, or the layers). */
    void compose(CanvasComposite.Settings settings) {
        if (heat == null) {
            return;
        }
        layers = new CanvasComposite.Layers(heat, targetContour, predictionFill, predictionContour, settings);
        if (heat.length > COMPOSED_PIXELS) {
            composed = null;
            return;
        }
        if (composed == null || composed.length != heat.length) {
            composed = new int[heat.length];
        }
        CanvasComposite.compose(composed, heat, targetContour, predictionFill, predictionContour, settings);
    }

    /** The composed colour of each image pixel, for the screen (null before the first composition). */
    IntUnaryOperator imagePixel() {
        int[] whole = composed;
        CanvasComposite.Layers each = layers;
        return whole != null ? i -> whole[i] : each == null ? null : each::pixel;
    }

    /** The whole composed image (composed now for a large one), for tests that compare it with the colour bar. */
    int[] composedPixels() {
        if (composed == null && layers != null) {
            return CanvasComposite.compose(heat.length, heat, targetContour, predictionFill, predictionContour, layers.s());
        }
        return composed;
    }

    /** Whether pixel i lies on a drawn outline (ground truth or prediction) or an ignored pixel's mark. */
    boolean onOutline(int i) {
        return targetContour != null && targetContour[i] != 0 || predictionContour != null && predictionContour[i] != 0;
    }
}
