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
import org.losslab.engine.ssd.PairEncoding;

/**
 * The numbers of one predicted/target pair from the engine: the registry's box losses, IoU, and L1 /
 * smooth L1 of the SSD encoding ({@link PairEncoding}).
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
        PairEncoding.Losses ssd = PairEncoding.losses(pair);
        out.put("SSD l1", ssd.l1());
        out.put("SSD smooth_l1", ssd.smoothL1());
        return out;
    }
}
