package org.losslab.scene;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.losslab.engine.Domains;
import org.losslab.engine.LossRegistry;
import org.losslab.engine.LossSpec;
import org.losslab.engine.Params;
import org.losslab.engine.seg.SegmentationData;

/**
 * The state a lesson step sets up, as the lesson window has it after applying the steps up to this one in
 * order: every field is the last value a step gave it (null when no step did), the segmentation scene is
 * the last preset's at {@link #SIZE} pixels (the window's opening preset before any), and each entry's
 * parameters are its defaults with every step's {@code params} laid over them in order.
 *
 * @param index        the step, from 0
 * @param segmentation the segmentation scene
 * @param params       every segmentation entry's parameters, by entry name
 */
public record StepScene(int index, String workspace, String preset, SegmentationData segmentation, Map<String, Params> params,
                        String select, String map, String compare, String plot, String detectionTab, String race,
                        String raceGradients, String training, Lesson.AuditFolders audit) {

    /** The side of the canvas the lesson window loads a preset at. */
    public static final int SIZE = 256;

    /**
     * The state of every step of a lesson, in order. Parameters are bound here as the window binds them,
     * so an error names the step and the entry.
     */
    public static List<StepScene> of(Lesson lesson) {
        Map<String, SegmentationData> scenes = new HashMap<>();
        Map<String, Params> params = new LinkedHashMap<>();
        for (LossSpec<SegmentationData> spec : LossRegistry.of(Domains.SEGMENTATION)) {
            params.put(spec.name(), spec.defaults());
        }
        List<StepScene> out = new ArrayList<>();
        StepScene last = new StepScene(-1, null, Presets.standard().key(), null, Map.of(), null, null, null, null, null, null,
                null, null, null);
        for (int k = 0; k < lesson.steps().size(); k++) {
            Lesson.Step s = lesson.steps().get(k);
            for (Map.Entry<String, Map<String, Object>> e : s.params().entrySet()) {
                LossSpec<?> spec = LossRegistry.get(e.getKey());
                Map<String, Object> raw = new LinkedHashMap<>(params.get(e.getKey()).asMap());
                raw.putAll(e.getValue());
                params.put(e.getKey(), spec.bind(raw));
            }
            String preset = or(s.preset(), last.preset());
            SegmentationData scene = scenes.computeIfAbsent(preset, key -> Presets.get(key).create(SIZE));
            last = new StepScene(k, or(s.workspace(), last.workspace()), preset, scene, Map.copyOf(params),
                    or(s.select(), last.select()), or(s.map(), last.map()), or(s.compare(), last.compare()),
                    or(s.plot(), last.plot()), or(s.detectionTab(), last.detectionTab()), or(s.race(), last.race()),
                    or(s.raceGradients(), last.raceGradients()), or(s.training(), last.training()),
                    s.audit() != null ? s.audit() : last.audit());
            out.add(last);
        }
        return out;
    }

    private static String or(String given, String before) {
        return given != null ? given : before;
    }
}
