package org.losslab.app.train;

import javafx.geometry.Insets;
import javafx.scene.canvas.Canvas;
import javafx.scene.control.Label;
import javafx.scene.image.PixelWriter;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import org.losslab.engine.seg.Activations;
import org.losslab.engine.seg.SegmentationData;

/**
 * One contestant's prediction: the probability of every pixel (a grey ramp, black 0 to white 1) with the
 * ground truth outlined in orange on the background pixels around it (so that even a one-pixel object
 * shows its own probability), and the loss's name and value.
 */
final class MaskPanel extends VBox {
    private static final int SIDE = 380;
    private final Label title = new Label();
    private final Canvas canvas = new Canvas(SIDE, SIDE * 3 / 4.0);
    private double[] shown;
    private SegmentationData shownScene;

    MaskPanel(int index) {
        super(2);
        setPadding(new Insets(4));
        setId("train-panel-" + index);
        title.setId("train-panel-title-" + index);
        getChildren().addAll(title, canvas);
    }

    /** Draws the probabilities of {@code logits} on the scene's grid with the target's contour. */
    void show(String caption, SegmentationData scene, double[] logits) {
        shown = logits.clone();
        shownScene = scene;
        title.setText(caption);
        int h = scene.height();
        int w = scene.width();
        WritableImage image = new WritableImage(w, h);
        PixelWriter writer = image.getPixelWriter();
        int[] target = scene.target();
        int contour = 0xFFFF8C00;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int i = y * w + x;
                boolean edge = target[i] != 1 && (x > 0 && target[i - 1] == 1 || x < w - 1 && target[i + 1] == 1
                        || y > 0 && target[i - w] == 1 || y < h - 1 && target[i + w] == 1);
                if (edge) {
                    writer.setArgb(x, y, contour);
                    continue;
                }
                int g = (int) Math.round(255 * Activations.sigmoid(logits[i]));
                writer.setArgb(x, y, 0xFF000000 | g << 16 | g << 8 | g);
            }
        }
        double scale = Math.min(canvas.getWidth() / w, canvas.getHeight() / h);
        var g = canvas.getGraphicsContext2D();
        g.setFill(Color.web("#1e1e1e"));
        g.fillRect(0, 0, canvas.getWidth(), canvas.getHeight());
        g.setImageSmoothing(false);
        g.drawImage(image, 0, 0, w * scale, h * scale);
    }

    /**
     * As wide as the grid leaves a panel (down to 160 pixels): beside a docked lesson the four panels shrink rather
     * than push the curves off the window.
     */
    void fitWidth(double width) {
        double w = Math.max(160, Math.min(SIDE, Math.floor(width - 8)));
        if (w == canvas.getWidth()) {
            return;
        }
        canvas.setWidth(w);
        canvas.setHeight(w * 3 / 4.0);
        if (shownScene != null) {
            show(title.getText(), shownScene, shown);
        }
    }

    /** The logits drawn last. */
    double[] shownLogits() {
        return shown == null ? null : shown.clone();
    }

    String caption() {
        return title.getText();
    }
}
