package org.losslab.app.detect;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.losslab.engine.Domains;
import org.losslab.engine.LossRegistry;
import org.losslab.engine.LossSpec;
import org.losslab.engine.box.Box;
import org.losslab.engine.box.BoxPairs;
import org.losslab.engine.box.CoordinateLoss;
import org.losslab.engine.ssd.PriorMatching;

/**
 * The numbers of one predicted/target pair from the engine: the registry's box losses, IoU, and L1 /
 * smooth L1 of the SSD encoding against a prior (a square of the target's area at its centre).
 */
public final class PairValues {
    /** The overlap, then every box loss of the registry, then L1 and smooth L1 of the SSD encoding. */
    public static final List<String> COLUMNS = columns();

    private static List<String> columns() {
        List<String> out = new ArrayList<>(List.of("IoU"));
        LossRegistry.of(Domains.BOXES).forEach(spec -> out.add(spec.name()));
        out.addAll(List.of("SSD l1", "SSD smooth_l1"));
        return List.copyOf(out);
    }

    /** A column's header: the overlap is "IoU", a registry loss "NAME loss" (so IoU and the IoU loss do not read alike). */
    public static String header(String column) {
        return column.equals("IoU") || column.startsWith("SSD") ? column : column + " loss";
    }

    private PairValues() {
    }

    public static Map<String, Double> of(BoxPairs pair) {
        Map<String, Double> out = new LinkedHashMap<>();
        out.put("IoU", Box.iou(pair.predicted(), 0, pair.target(), 0));
        for (LossSpec<BoxPairs> spec : LossRegistry.of(Domains.BOXES)) {
            out.put(spec.name(), spec.evaluate(pair, spec.defaults(), false).value());
        }
        double[] encoded = encode(pair);
        double l1 = 0;
        double smooth = 0;
        for (int c = 0; c < 4; c++) {
            double d = encoded[c] - encoded[4 + c];
            l1 += CoordinateLoss.value(d, 0) / 4;
            smooth += CoordinateLoss.value(d, 1) / 4;
        }
        out.put("SSD l1", l1);
        out.put("SSD smooth_l1", smooth);
        return out;
    }

    /** {encoded prediction, encoded target} against the square prior at the target's centre. */
    static double[] encode(BoxPairs pair) {
        double[] t = Box.toCentreSize(pair.target());
        double side = Math.sqrt(Math.max(1e-9, t[2] * t[3]));
        double[] prior = {t[0], t[1], side, side};
        double[] variances = {0.1, 0.2};
        double[] p = PriorMatching.encode(Box.toCentreSize(pair.predicted()), prior, variances);
        double[] q = PriorMatching.encode(t, prior, variances);
        return new double[] {p[0], p[1], p[2], p[3], q[0], q[1], q[2], q[3]};
    }
}
