package org.losslab.scene;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.losslab.engine.EngineException;
import org.losslab.engine.seg.SegmentationData;
import org.losslab.engine.train.TrainingPreset;

/** The map and train namespaces of lesson values, against counts made here pixel by pixel. */
class ClaimNamespacesTest {
    static StepScene state(String stepJson) throws Exception {
        Lesson l = Lessons.parse("mine", Json.MAPPER.readTree("{\"title\": \"t\", \"question\": \"q\", \"answer\": \"a\", \"steps\": ["
                + stepJson + "]}"));
        return StepScene.of(l).get(0);
    }

    @Test
    void aMapStatisticReadsTheHeatmapOverTheAskedRegion() throws Exception {
        StepScene cells = state("{\"text\": \"x\", \"preset\": \"touching-cells\"}");
        SegmentationData data = Presets.get("touching-cells").create(StepScene.SIZE);
        long objects = 0;
        for (int t : data.target()) {
            objects += t > 0 ? 1 : 0;
        }
        long background = data.pixels() - objects;
        // U-Net's class term (Ronneberger et al.): n / (classes present x pixels of the class); far from any cell the
        // border term is below 1e-4 of w0, so the background's smallest weight is its class term
        assertEquals((double) data.pixels() / (2 * background), Claims.value("map:unet-weights.background_min", cells), 1e-3);
        assertEquals((double) data.pixels() / (2 * objects), Claims.value("map:unet-weights.object_mean", cells), 1e-9);
        assertTrue(Claims.value("map:unet-weights.max", cells) > 8, "the gaps, one or two pixels wide, weigh close to w0 = 10");
        assertThrows(EngineException.class, () -> Claims.check("map:unet-weights.median", false));
        assertThrows(EngineException.class, () -> Claims.check("map:no-such-map.max", false));
    }

    @Test
    void aTrainingValueReplaysThePresetsRun() throws Exception {
        StepScene empty = state("{\"text\": \"x\", \"training\": \"empty-target\"}");
        double[] start = TrainingPreset.EMPTY_TARGET.example().scene().prediction();
        int positives = 0;
        for (double z : start) {
            positives += z > 0 ? 1 : 0;
        }
        assertEquals(positives, Claims.value("train:dice.positives@0", empty), 0.0);
        // smp's Dice has no gradient when the target is empty: its run never moves, so it never solves the scene
        assertEquals(positives, Claims.value("train:dice.positives@300", empty), 0.0);
        assertEquals(TrainValues.HORIZON + 1, Claims.value("train:dice.solved", empty), 0.0);
        assertTrue(Claims.value("train:bce.solved", empty) < 100);
        assertTrue(assertThrows(EngineException.class, () -> Claims.value("train:lovasz.solved", empty)).getMessage()
                .contains("not lovasz"));
        assertTrue(assertThrows(EngineException.class, () -> Claims.value("train:dice.solved", state("{\"text\": \"x\"}")))
                .getMessage().contains("no step up to this one sets a training preset"));
    }
}
