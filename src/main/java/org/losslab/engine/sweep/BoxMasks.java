package org.losslab.engine.sweep;

import java.util.Locale;
import org.losslab.engine.EngineException;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.losslab.engine.LossRegistry;
import org.losslab.engine.LossSpec;
import org.losslab.engine.Params;
import org.losslab.engine.box.Box;
import org.losslab.engine.seg.SegMode;
import org.losslab.engine.seg.SegmentationData;

/**
 * A box pair read as two masks, to compare segmentation losses with the box losses: a pixel belongs to a box
 * when its centre lies inside it (pixel (x, y) covers [x, x+1) x [y, y+1)), on a grid from (0, 0) that holds
 * both boxes. The predicted mask becomes saturated logits, so the soft mask losses are the losses of the hard
 * masks. For axis-aligned boxes on whole pixels the Jaccard loss of the masks is exactly 1 - IoU; once the
 * boxes are apart every overlap loss of the masks is 1 whatever the distance.
 */
public final class BoxMasks {
    /** The mask losses set beside the box losses, with the parameters that differ from the registry's defaults. */
    private static final Map<String, Map<String, Object>> MASK_LOSSES = maskLosses();
    /** sigmoid(50) is 1 in double precision; sigmoid(-50) about 2e-22: a hard mask for every soft loss. */
    private static final double SATURATED = 50;

    /** The largest mask drawn (4096 x 4096): beyond it a view says why instead of allocating gigabytes. */
    public static final long MAX_PIXELS = 4096L * 4096;

    private BoxMasks() {
    }

    private static Map<String, Map<String, Object>> maskLosses() {
        Map<String, Map<String, Object>> out = new LinkedHashMap<>();
        out.put("dice", Map.of());
        out.put("jaccard", Map.of());
        // Tversky at its defaults is Dice; this pair of weights shows the recall-leaning variant
        out.put("tversky", Map.of("alpha", 0.3, "beta", 0.7));
        return out;
    }

    /** The binary scene of the pair {@code index}: the target box as the label, the predicted box as logits. */
    public static SegmentationData rasterise(double[] predicted, double[] target, int index) {
        int o = 4 * index;
        double right = Math.ceil(Math.max(1, Math.max(predicted[o + 2], target[o + 2])));
        double bottom = Math.ceil(Math.max(1, Math.max(predicted[o + 3], target[o + 3])));
        if (right * bottom > MAX_PIXELS) {
            // a box dragged far out would ask for gigabytes: refuse with a reason instead of running out of memory
            throw new EngineException(String.format(Locale.ROOT,
                    "the boxes reach %.0f x %.0f pixels: too large to draw as masks (at most %d pixels)", right, bottom, MAX_PIXELS));
        }
        int width = (int) right;
        int height = (int) bottom;
        double[] logits = new double[width * height];
        int[] labels = new int[width * height];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int i = y * width + x;
                logits[i] = covers(predicted, o, x, y) ? SATURATED : -SATURATED;
                labels[i] = covers(target, o, x, y) ? 1 : 0;
            }
        }
        return new SegmentationData(SegMode.BINARY, 1, height, width, logits, labels);
    }

    private static boolean covers(double[] boxes, int o, int x, int y) {
        double cx = x + 0.5;
        double cy = y + 0.5;
        return cx >= boxes[o] && cx < boxes[o + 2] && cy >= boxes[o + 1] && cy < boxes[o + 3];
    }

    /** Labels ("dice", "tversky(alpha=0.3, beta=0.7)", ...) with each mask loss's value on the rasterised pair. */
    public static Map<String, Double> maskLosses(SegmentationData masks) {
        Map<String, Double> out = new LinkedHashMap<>();
        for (Map.Entry<String, Map<String, Object>> e : MASK_LOSSES.entrySet()) {
            @SuppressWarnings("unchecked")
            LossSpec<SegmentationData> spec = (LossSpec<SegmentationData>) LossRegistry.get(e.getKey());
            Params params = spec.defaults();
            StringBuilder label = new StringBuilder(spec.name());
            for (Map.Entry<String, Object> p : new TreeMap<>(e.getValue()).entrySet()) {
                params = params.with(spec.name(), spec.params(), p.getKey(), p.getValue());
                label.append(label.indexOf("(") < 0 ? "(" : ", ").append(p.getKey()).append('=').append(p.getValue());
            }
            if (label.indexOf("(") >= 0) {
                label.append(')');
            }
            out.put(label.toString(), spec.evaluate(masks, params, false).value());
        }
        return out;
    }

    /** 1 - IoU of the continuous boxes, the number the Jaccard loss of the masks approximates on the pixel grid. */
    public static double iouLoss(double[] predicted, double[] target, int index) {
        return 1 - Box.iou(predicted, 4 * index, target, 4 * index);
    }

    /** The names of the mask losses compared (for documentation and tests). */
    public static List<String> maskLossNames() {
        return List.copyOf(MASK_LOSSES.keySet());
    }
}
