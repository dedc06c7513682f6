package org.losslab.app.seg;

import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;

/**
 * The patient directions at the middle of the canvas's four edges ("A" above, "P" below, "R" on the left, "L" on the
 * right of an axial slice), as ITK-SNAP and radiology viewers letter them; hidden while the shown slice has no
 * orientation (a 2-D scene, or a volume whose header gives none).
 */
final class OrientationEdges {
    private static final String[] NAMES = {"top", "bottom", "left", "right"};
    private final PaintCanvas canvas;
    private final Label[] edges = new Label[4];

    OrientationEdges(PaintCanvas canvas) {
        this.canvas = canvas;
        for (int e = 0; e < 4; e++) {
            Label label = new Label();
            label.setId("volume-edge-" + NAMES[e]);
            label.setStyle("-fx-text-fill: #FFD60A; -fx-font-weight: bold; -fx-font-size: 15px;"
                    + " -fx-effect: dropshadow(gaussian, black, 3, 0.8, 0, 0);");
            label.setMouseTransparent(true);
            label.setVisible(false);
            label.widthProperty().addListener(o -> place());
            label.heightProperty().addListener(o -> place());
            Tooltip.install(label, new Tooltip("The patient's direction at this edge, from the header's affine"));
            edges[e] = label;
        }
        canvas.getChildren().addAll(edges);
        canvas.widthProperty().addListener(o -> place());
        canvas.heightProperty().addListener(o -> place());
    }

    /** Shows the four directions (top, bottom, left, right), or none for null. */
    void show(String[] directions) {
        for (int e = 0; e < 4; e++) {
            edges[e].setText(directions == null ? "" : directions[e]);
            edges[e].setVisible(directions != null);
        }
        place();
    }

    /** The letter at an edge (0 top, 1 bottom, 2 left, 3 right); empty while hidden. */
    String text(int edge) {
        return edges[edge].isVisible() ? edges[edge].getText() : "";
    }

    private void place() {
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        double margin = 4;
        edges[0].relocate((w - edges[0].getWidth()) / 2, margin);
        edges[1].relocate((w - edges[1].getWidth()) / 2, h - edges[1].getHeight() - margin);
        edges[2].relocate(margin, (h - edges[2].getHeight()) / 2);
        edges[3].relocate(w - edges[3].getWidth() - margin, (h - edges[3].getHeight()) / 2);
    }
}
