package org.losslab.engine.frame;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import org.losslab.engine.Domains;
import org.losslab.engine.LossRegistry;
import org.losslab.engine.LossSpec;
import org.losslab.engine.LossSpec.Role;
import org.losslab.engine.Params;
import org.losslab.engine.maps.MapSettings;
import org.losslab.engine.seg.SegMode;
import org.losslab.engine.seg.SegmentationData;

/**
 * The live panel's values: the registry entries with the role {@link Role#LIVE} that apply to the scene, with
 * the user's parameters. A binary scene whose parameters the incremental {@link LiveFrame} knows gets them from
 * the frame (updated per brush stroke); any other scene (multiclass, multilabel, parameters the frame does not
 * know) gets them from the registry's entries themselves.
 */
public final class LiveValues {
    /** What the live frame computes, by the registry's name of the entry it equals. */
    private static final Map<String, ToDoubleFunction<LiveFrame>> FRAME_VALUES = Map.of(
            "dice", LiveFrame::diceValue, "jaccard", LiveFrame::jaccardValue, "tversky", LiveFrame::tverskyValue,
            "bce", LiveFrame::bceValue, "focal", LiveFrame::focalValue, "boundary_iou", LiveFrame::boundaryIou);
    /** The parameters the live frame takes from the user (every other one must be smp's default). */
    private static final Map<String, String[]> FRAME_PARAMETERS = Map.of(
            "tversky", new String[] {"alpha", "beta"}, "focal", new String[] {"gamma"},
            "boundary_iou", new String[] {"dilation_ratio"});

    private LiveValues() {
    }

    /**
     * Whether the live frame computes exactly the registry's values and maps for this scene and these parameters:
     * a binary scene, the focal gamma and the Tversky alpha and beta as the user likes, smp's defaults for everything
     * else (Dice and Jaccard smoothing, log loss, eps, BCE weights).
     */
    public static boolean frameMatches(SegmentationData scene, Map<String, Params> params) {
        if (scene.mode() != SegMode.BINARY) {
            return false;
        }
        for (String name : FRAME_VALUES.keySet()) {
            if (!defaultsExcept(params.get(name), name, FRAME_PARAMETERS.getOrDefault(name, new String[0]))) {
                return false;
            }
        }
        return true;
    }

    /** The live frame's settings for the maps' settings (which follow the user's parameters). */
    public static FrameSettings frameSettings(MapSettings settings) {
        return new FrameSettings(settings.focalGamma(), settings.tverskyAlpha(), settings.tverskyBeta(),
                settings.dilationRatio());
    }

    /** The live values from a live frame (call only when {@link #frameMatches} holds), in the registry's order. */
    public static Map<String, Double> of(LiveFrame frame) {
        Map<String, Double> out = new LinkedHashMap<>();
        for (LossSpec<SegmentationData> spec : LossRegistry.withRole(Role.LIVE, Domains.SEGMENTATION)) {
            ToDoubleFunction<LiveFrame> value = FRAME_VALUES.get(spec.name());
            if (value != null) {
                out.put(spec.name(), value.applyAsDouble(frame));
            }
        }
        return out;
    }

    /**
     * The live values computed by the registry's entries that apply to the scene, with the user's parameters (the
     * entry's defaults where none are given); an entry the scene is too large for, or that fails on it, is left out
     * (the table below the panel says why).
     */
    public static Map<String, Double> fromRegistry(SegmentationData scene, Map<String, Params> params) {
        Map<String, Double> out = new LinkedHashMap<>();
        for (LossSpec<SegmentationData> spec : LossRegistry.withRole(Role.LIVE, Domains.SEGMENTATION)) {
            if (!spec.appliesTo(scene)) {
                continue;
            }
            Params p = params.getOrDefault(spec.name(), spec.defaults());
            if (spec.tooCostly(scene, p).isPresent()) {
                continue;
            }
            try {
                out.put(spec.name(), spec.evaluate(scene, p, false).value());
            } catch (RuntimeException failed) {
                // the table evaluates the same entry and shows its reason
            }
        }
        return out;
    }

    private static boolean defaultsExcept(Params given, String loss, String... free) {
        if (given == null) {
            return true;
        }
        Map<String, Object> values = new HashMap<>(given.asMap());
        Map<String, Object> defaults = new HashMap<>(LossRegistry.get(loss).defaults().asMap());
        for (String name : free) {
            values.remove(name);
            defaults.remove(name);
        }
        return values.equals(defaults);
    }
}
