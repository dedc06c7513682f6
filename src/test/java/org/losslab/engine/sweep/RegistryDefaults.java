package org.losslab.engine.sweep;

import java.util.HashMap;
import java.util.Map;
import org.losslab.engine.Domains;
import org.losslab.engine.LossRegistry;
import org.losslab.engine.LossSpec;
import org.losslab.engine.Params;
import org.losslab.engine.seg.SegmentationData;

/** Every segmentation entry's default parameters, by name, as a fresh window starts with them. */
final class RegistryDefaults {
    private RegistryDefaults() {
    }

    static Map<String, Params> segmentation() {
        Map<String, Params> params = new HashMap<>();
        for (LossSpec<SegmentationData> spec : LossRegistry.of(Domains.SEGMENTATION)) {
            params.put(spec.name(), spec.defaults());
        }
        return params;
    }
}
