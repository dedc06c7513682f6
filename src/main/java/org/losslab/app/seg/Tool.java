package org.losslab.app.seg;

import javafx.scene.input.KeyCode;

/** The painting tools, with the keys napari, QuPath and ilastik users know. */
public enum Tool {
    BRUSH("Brush", KeyCode.B), ERASER("Eraser", KeyCode.E), FILL("Fill", KeyCode.F),
    RECTANGLE("Rectangle", KeyCode.R), ELLIPSE("Ellipse", KeyCode.O);

    public final String title;
    public final KeyCode key;

    Tool(String title, KeyCode key) {
        this.title = title;
        this.key = key;
    }
}
