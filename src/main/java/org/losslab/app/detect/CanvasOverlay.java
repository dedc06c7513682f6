package org.losslab.app.detect;

import javafx.scene.canvas.GraphicsContext;

/** What the box canvas draws besides the document's boxes: under them (an image), over them, and a legend line. */
interface CanvasOverlay {
    /** Draws nothing. */
    CanvasOverlay NONE = new CanvasOverlay() {
        @Override
        public void under(GraphicsContext g, double s) {
        }

        @Override
        public void over(GraphicsContext g, double s) {
        }
    };

    /** Draws under the boxes, {@code s} canvas pixels to a field pixel. */
    void under(GraphicsContext g, double s);

    /** Draws over the boxes. */
    void over(GraphicsContext g, double s);
}
