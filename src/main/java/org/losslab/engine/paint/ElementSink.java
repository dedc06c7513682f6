package org.losslab.engine.paint;

/** Told about every element before a paint operation changes it (undo recording). */
@FunctionalInterface
public interface ElementSink {
    /**
     * @param index the element's index in the array being changed
     * @param pixel the pixel it belongs to (y * W + x)
     */
    void beforeChange(int index, int pixel);

    ElementSink NONE = (index, pixel) -> { };
}
