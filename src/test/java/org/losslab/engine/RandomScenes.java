package org.losslab.engine;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.losslab.engine.seg.SegMode;
import org.losslab.engine.seg.SegmentationData;

/** Random scenes and random legal parameters for property tests, drawn from the registry's specs. */
public final class RandomScenes {
    static final int IGNORE = org.losslab.engine.seg.SegParams.IGNORED_LABEL;

    private RandomScenes() {
    }

    /**
     * A small segmentation scene: 1..5 x 1..5 pixels, logits mostly moderate with some of +-1000 when
     * {@code extremes}, targets with some ignored pixels when {@code ignored}, and an empty target now
     * and then.
     */
    public static SegmentationData segmentation(Random r, SegMode mode, boolean extremes, boolean ignored) {
        int c = mode == SegMode.BINARY ? 1 : mode == SegMode.MULTICLASS ? 2 + r.nextInt(3) : 1 + r.nextInt(3);
        int h = 1 + r.nextInt(5);
        int w = 1 + r.nextInt(5);
        int n = h * w;
        double[] x = new double[c * n];
        for (int i = 0; i < x.length; i++) {
            x[i] = extremes && r.nextInt(6) == 0 ? (r.nextBoolean() ? 1000 : -1000) : 3 * r.nextGaussian();
        }
        int[] t = new int[mode == SegMode.MULTILABEL ? c * n : n];
        boolean empty = r.nextInt(5) == 0;
        for (int i = 0; i < t.length; i++) {
            if (ignored && r.nextInt(5) == 0) {
                t[i] = IGNORE;
            } else if (mode == SegMode.MULTICLASS) {
                t[i] = empty ? 0 : r.nextInt(c);
            } else {
                t[i] = empty ? 0 : r.nextInt(2);
            }
        }
        return new SegmentationData(mode, c, h, w, x, t);
    }

    /** Random raw parameters for a loss, within each spec's type and range; some left at their default. */
    public static Map<String, Object> params(Random r, LossSpec<?> spec, SegmentationData data, boolean ignored) {
        Map<String, Object> raw = new LinkedHashMap<>();
        for (ParamSpec p : spec.params()) {
            if (r.nextInt(3) == 0) {
                continue;
            }
            Object value = value(r, p, data);
            if (value != NO_VALUE) {
                raw.put(p.name(), value);
            }
        }
        if (ignored && hasParam(spec, "ignore_index")) {
            raw.put("ignore_index", (long) IGNORE);
        }
        return raw;
    }

    private static final Object NO_VALUE = new Object();

    private static boolean hasParam(LossSpec<?> spec, String name) {
        return spec.params().stream().anyMatch(p -> p.name().equals(name));
    }

    private static Object value(Random r, ParamSpec p, SegmentationData data) {
        switch (p.name()) {
            case "eps":
            case "ignore_index":
            case "from_logits":
            case "reduction":
            case "zero_division":
                return NO_VALUE;
            case "classes": {
                if (data.mode() == SegMode.BINARY) {
                    return NO_VALUE;
                }
                List<Object> classes = new ArrayList<>();
                for (int c = 0; c < data.channels(); c++) {
                    if (r.nextBoolean() || classes.isEmpty() && c == data.channels() - 1) {
                        classes.add((long) c);
                    }
                }
                return classes;
            }
            case "class_weights": {
                List<Object> weights = new ArrayList<>();
                for (int c = 0; c < data.channels(); c++) {
                    weights.add(0.2 + 3 * r.nextDouble());
                }
                return weights;
            }
            case "gamma":
                return new double[] {0.0, 1.0, 2.0, 3.5}[r.nextInt(4)];
            case "reduced_threshold":
                return r.nextBoolean() ? null : 0.5;
            case "smooth_factor":
                return r.nextBoolean() && p.nullable() ? null : 0.1;
            default:
                break;
        }
        switch (p.type()) {
            case BOOLEAN:
                return r.nextBoolean();
            case NUMBER:
                if (p.nullable() && r.nextInt(3) == 0) {
                    return null;
                }
                return p.max() <= 1 ? p.min() + (p.max() - p.min()) * (0.1 + 0.8 * r.nextDouble())
                        : Math.min(p.max(), p.min() + 2 * r.nextDouble()); // within the range a parameter allows
            case CHOICE:
                return p.choices().get(r.nextInt(p.choices().size()));
            default:
                return NO_VALUE;
        }
    }
}
