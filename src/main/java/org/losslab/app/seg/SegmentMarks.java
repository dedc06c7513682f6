package org.losslab.app.seg;

import java.util.ArrayList;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableDoubleValue;
import javafx.scene.Group;
import javafx.scene.Node;
import javafx.scene.paint.Color;
import javafx.scene.shape.Circle;
import javafx.scene.shape.Line;
import javafx.scene.transform.Scale;

/**
 * Segments between pixel centres drawn over a canvas's image, in its coordinates (they follow zoom and pan), e.g.
 * where the Hausdorff distance is realised. With pixels taller than wide (a slice of an anisotropic volume) the
 * canvas stretches its image vertically; the lines are placed in a frame that undoes the stretch, so they keep an
 * even width on screen.
 */
final class SegmentMarks extends Group {
    private final ObservableDoubleValue zoom;
    private final Scale unstretch = new Scale(1, 1);
    private double aspect = 1;

    SegmentMarks(ObservableDoubleValue zoom) {
        this.zoom = zoom;
        setMouseTransparent(true);
        getTransforms().add(unstretch);
    }

    /** The height of an image pixel on screen over its width. */
    void aspect(double pixelAspect) {
        List<int[]> shown = segments();
        aspect = pixelAspect;
        unstretch.setY(1 / pixelAspect);
        Color colour = getChildren().isEmpty() ? Color.RED : (Color) ((Line) getChildren().get(0)).getStroke();
        show(shown, colour, getAccessibleText());
    }

    /** Draws segments {y1, x1, y2, x2}, each with a dot at its first end (an empty list clears them). */
    void show(List<int[]> segments, Color colour, String tooltip) {
        getChildren().clear();
        for (int[] s : segments) {
            Line line = new Line(s[1] + 0.5, (s[0] + 0.5) * aspect, s[3] + 0.5, (s[2] + 0.5) * aspect);
            line.setStroke(colour);
            line.strokeWidthProperty().bind(Bindings.divide(2.0, zoom));
            Circle dot = new Circle(s[1] + 0.5, (s[0] + 0.5) * aspect, 1.5);
            dot.radiusProperty().bind(Bindings.divide(4.0, zoom));
            dot.setFill(colour);
            getChildren().addAll(line, dot);
        }
        setAccessibleText(tooltip);
    }

    /** The segments drawn, as {y1, x1, y2, x2}. */
    List<int[]> segments() {
        List<int[]> out = new ArrayList<>();
        for (Node n : getChildren()) {
            if (n instanceof Line l) {
                out.add(new int[] {(int) Math.floor(l.getStartY() / aspect), (int) Math.floor(l.getStartX()),
                    (int) Math.floor(l.getEndY() / aspect), (int) Math.floor(l.getEndX())});
            }
        }
        return out;
    }
}
