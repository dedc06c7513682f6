package org.losslab.engine.train;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.losslab.engine.LossRegistry;
import org.losslab.engine.LossSpec;
import org.losslab.engine.Params;
import org.losslab.engine.seg.SegmentationData;

/** The hard metrics a training curve shows next to the loss: the registry's, at threshold 0.5. */
public final class StepMetrics {
    /** The registry entries shown, in order. */
    public static final List<String> NAMES = List.of("f1_score", "iou_score", "precision", "recall");
    /** The one a chart or a caption shows first. */
    public static final String HEADLINE = NAMES.get(0);

    private StepMetrics() {
    }

    public static Map<String, Double> of(SegmentationData data) {
        return of(data, null);
    }

    /** As above, leaving out the pixels labelled {@code ignoreIndex} (null: none), as the trained loss does. */
    @SuppressWarnings("unchecked")
    public static Map<String, Double> of(SegmentationData data, Long ignoreIndex) {
        Map<String, Double> out = new LinkedHashMap<>();
        for (String name : NAMES) {
            LossSpec<SegmentationData> spec = (LossSpec<SegmentationData>) LossRegistry.get(name);
            Params params = ignoreIndex == null ? spec.defaults() : spec.bind(Map.of("ignore_index", ignoreIndex));
            out.put(name, spec.evaluate(data, params, false).value());
        }
        return out;
    }
}
