package org.losslab.engine.frame;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.losslab.engine.LossRegistry;
import org.losslab.engine.Params;
import org.losslab.engine.maps.MapSettings;
import org.losslab.engine.seg.SegMode;
import org.losslab.engine.seg.SegmentationData;

/** The live panel's values: multiclass scenes through the registry, binary ones from the frame when it matches. */
class LiveValuesTest {
    private static Map<String, Params> defaults() {
        Map<String, Params> params = new HashMap<>();
        LossRegistry.all().forEach(spec -> params.put(spec.name(), spec.defaults()));
        return params;
    }

    /**
     * A 3-class, 2 x 3 scene. Expected values recorded with PyTorch 1.13 (float64): F.cross_entropy; smp's
     * multiclass Dice, Jaccard and Tversky written out on softmax and one-hot (per class, mean over classes); smp's
     * multiclass focal loss as one mean sigmoid focal term (gamma 2, alpha none) per class, one-vs-rest; the
     * registry's focal takes their mean over the classes (its documented reduction; smp 0.3 sums them: 0.8720271088687992).
     */
    @Test
    void aMulticlassSceneHasLiveValuesFromTheRegistryEntriesThatApply() {
        double[] logits = {0.5, -1.0, 2.0, 0.1, 1.5, -0.3, 1.2, 0.3, -0.7, 2.2, -1.1, 0.4, -0.4, 1.8, 0.9, -1.3, 0.2, 1.0};
        SegmentationData scene = new SegmentationData(SegMode.MULTICLASS, 3, 2, 3, logits, new int[] {0, 1, 2, 1, 0, 2});
        Map<String, Params> params = defaults();
        params.put("tversky", LossRegistry.get("tversky").bind(Map.of("alpha", 0.3, "beta", 0.7)));

        assertFalse(LiveValues.frameMatches(scene, params), "the live frame is binary only");
        Map<String, Double> live = LiveValues.fromRegistry(scene, params);

        // bce and boundary_iou need a binary scene: left out, not NaN
        assertEquals(List.of("dice", "jaccard", "tversky", "focal", "ce"), List.copyOf(live.keySet()));
        assertEquals(0.9092620201472287, live.get("ce"), 1e-12);
        assertEquals(0.5236335562069905, live.get("dice"), 1e-9);
        assertEquals(0.6858229150922047, live.get("jaccard"), 1e-9);
        assertEquals(0.5233379522315881, live.get("tversky"), 1e-9);
        assertEquals(0.8720271088687992 / 3, live.get("focal"), 1e-9);
    }

    @Test
    void aBinarySceneGetsTheSameValuesFromTheFrameAsFromTheRegistry() {
        SegmentationData scene = withoutIgnored(LiveFrameTest.scene(11, 24, 30));
        Map<String, Params> params = defaults();
        params.put("focal", LossRegistry.get("focal").bind(Map.of("gamma", 1.5)));
        assertTrue(LiveValues.frameMatches(scene, params));
        LiveFrame frame = new LiveFrame(scene.height(), scene.width(), scene.target(), scene.prediction(),
                LiveValues.frameSettings(MapSettings.fromParams(params)));
        frame.computeAll();
        Map<String, Double> fromFrame = LiveValues.of(frame);
        Map<String, Double> fromRegistry = LiveValues.fromRegistry(scene, params);
        assertEquals(fromRegistry.keySet(), fromFrame.keySet());
        fromRegistry.forEach((name, expected) -> LiveFrameTest.assertClose(expected, fromFrame.get(name), name));
    }

    /** The scene with its ignored pixels (255) made background: the registry's defaults have no ignore_index. */
    private static SegmentationData withoutIgnored(SegmentationData scene) {
        int[] target = scene.target().clone();
        for (int i = 0; i < target.length; i++) {
            target[i] = target[i] == 255 ? 0 : target[i];
        }
        return new SegmentationData(SegMode.BINARY, 1, scene.height(), scene.width(), scene.prediction(), target);
    }

    @Test
    void parametersTheFrameDoesNotKnowSendTheValuesThroughTheRegistry() {
        SegmentationData scene = LiveFrameTest.scene(3, 8, 8);
        Map<String, Params> params = defaults();
        params.put("dice", LossRegistry.get("dice").bind(Map.of("smooth", 1.0)));
        assertFalse(LiveValues.frameMatches(scene, params));
        params = defaults();
        params.put("boundary_iou", LossRegistry.get("boundary_iou").bind(Map.of("threshold", 0.7)));
        assertFalse(LiveValues.frameMatches(scene, params), "the frame's bands are at threshold 0.5");
    }
}
