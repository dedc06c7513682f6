package org.losslab.engine.train;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.losslab.engine.LossRegistry;
import org.losslab.engine.LossSpec;
import org.losslab.engine.seg.SegmentationData;

/** The hard metrics a training curve shows next to the loss: the registry's, at threshold 0.5. */
public final class StepMetrics {
    /** The registry entries shown, in order. */
    public static final List<String> NAMES = List.of("f1_score", "iou_score", "precision", "recall");

    private StepMetrics() {
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Double> of(SegmentationData data) {
        Map<String, Double> out = new LinkedHashMap<>();
        for (String name : NAMES) {
            LossSpec<SegmentationData> spec = (LossSpec<SegmentationData>) LossRegistry.get(name);
            out.put(name, spec.evaluate(data, spec.defaults(), false).value());
        }
        return out;
    }
}
