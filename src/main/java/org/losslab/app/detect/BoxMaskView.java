package org.losslab.app.detect;

import java.util.Locale;
import java.util.Map;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import org.losslab.engine.Domains;
import org.losslab.engine.EngineException;
import org.losslab.engine.LossRegistry;
import org.losslab.engine.LossSpec;
import org.losslab.engine.LossSpec.Role;
import org.losslab.engine.box.BoxPairs;
import org.losslab.engine.seg.SegmentationData;
import org.losslab.engine.sweep.BoxMasks;

/**
 * The selected pair rasterised as two masks (the region around both boxes, one square per pixel) beside the
 * segmentation losses of those masks and the box losses of the boxes: the Jaccard loss of the masks is 1 - IoU,
 * and once the boxes are apart the mask losses stay at 1 while GIoU and DIoU keep measuring the distance.
 */
final class BoxMaskView extends VBox {
    static final Color BOTH = Color.web("#f2c14e");
    static final Color TARGET_ONLY = Color.web("#3fae5a");
    static final Color PREDICTION_ONLY = Color.web("#d9534f");
    static final Color NEITHER = Color.web("#20242a");
    private static final double SIDE = 150;
    private final Canvas canvas = new Canvas(SIDE, SIDE);
    private final Label numbers = new Label();

    BoxMaskView() {
        super(4);
        setId("box-masks");
        canvas.setId("box-masks-canvas");
        numbers.setId("box-masks-numbers");
        numbers.setWrapText(true);
        numbers.setMaxWidth(460);
        Label legend = new Label("Selected pair as masks: green target only, red prediction only, yellow both");
        getChildren().addAll(legend, new HBox(8, canvas, numbers));
    }

    /** A pair's masks and their numbers, computed off the JavaFX thread (masks null: {@code text} says why). */
    record Prepared(BoxPairs pair, SegmentationData masks, String text) {
    }

    /** Rasterises the pair and computes its mask and box losses (any thread); null pair: nothing selected. */
    static Prepared prepare(BoxPairs pair) {
        if (pair == null) {
            return new Prepared(null, null, "No pair to show: draw a ground-truth box and a prediction.");
        }
        try {
            SegmentationData masks = BoxMasks.rasterise(pair.predicted(), pair.target(), 0);
            return new Prepared(pair, masks, text(pair, BoxMasks.maskLosses(masks)));
        } catch (EngineException e) {
            return new Prepared(pair, null, "No masks: " + e.getMessage());
        }
    }

    /** Draws a prepared pair (JavaFX thread). */
    void show(Prepared prepared) {
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.setFill(Color.TRANSPARENT);
        g.clearRect(0, 0, SIDE, SIDE);
        numbers.setText(prepared.text());
        SegmentationData masks = prepared.masks();
        if (masks == null) {
            return;
        }
        BoxPairs pair = prepared.pair();
        int[] region = region(pair, masks.width(), masks.height());
        double cell = SIDE / Math.max(region[2] - region[0], region[3] - region[1]);
        for (int y = region[1]; y < region[3]; y++) {
            for (int x = region[0]; x < region[2]; x++) {
                int i = y * masks.width() + x;
                boolean p = masks.prediction()[i] > 0;
                boolean t = masks.target()[i] == 1;
                g.setFill(p && t ? BOTH : t ? TARGET_ONLY : p ? PREDICTION_ONLY : NEITHER);
                g.fillRect((x - region[0]) * cell, (y - region[1]) * cell, Math.ceil(cell), Math.ceil(cell));
            }
        }
    }

    /** {x0, y0, x1, y1}: the pixels around both boxes with a margin of a tenth, inside the grid. */
    private static int[] region(BoxPairs pair, int width, int height) {
        double[] p = pair.predicted();
        double[] t = pair.target();
        double x0 = Math.min(p[0], t[0]);
        double y0 = Math.min(p[1], t[1]);
        double x1 = Math.max(p[2], t[2]);
        double y1 = Math.max(p[3], t[3]);
        double margin = Math.max(2, 0.1 * Math.max(x1 - x0, y1 - y0));
        return new int[] {
            (int) Math.max(0, Math.floor(x0 - margin)), (int) Math.max(0, Math.floor(y0 - margin)),
            (int) Math.min(width, Math.ceil(x1 + margin)), (int) Math.min(height, Math.ceil(y1 + margin))};
    }

    private static String text(BoxPairs pair, Map<String, Double> maskLosses) {
        StringBuilder out = new StringBuilder("Mask losses: ");
        maskLosses.forEach((name, value) -> out.append(String.format(Locale.ROOT, "%s %.4f   ", name, value)));
        out.append(String.format(Locale.ROOT, "%n1 - IoU of the boxes %.4f (the Jaccard loss of the masks, up to the pixel grid)",
                BoxMasks.iouLoss(pair.predicted(), pair.target(), 0)));
        out.append("\nBox losses: ");
        for (LossSpec<BoxPairs> spec : LossRegistry.withRole(Role.SEES_APART_BOXES, Domains.BOXES)) {
            out.append(String.format(Locale.ROOT, "%s %.4f   ", spec.name(), spec.evaluate(pair, spec.defaults(), false).value()));
        }
        boolean apart = maskLosses.values().stream().allMatch(v -> Math.abs(v - 1) < 1e-9);
        out.append(apart ? "\nApart: every mask loss is 1 at any distance (no gradient to bring the box back); "
                + "the box losses above still grow with the distance."
                : "\nOverlapping: the mask losses and IoU agree; move the box off its target to see them go blind.");
        return out.toString();
    }

    Label numbers() {
        return numbers;
    }

    Canvas canvas() {
        return canvas;
    }
}
