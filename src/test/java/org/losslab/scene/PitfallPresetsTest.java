package org.losslab.scene;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.losslab.engine.EngineException;
import org.losslab.engine.LossRegistry;
import org.losslab.engine.LossSpec;
import org.losslab.engine.seg.SegmentationData;

/** The distance and topology presets teach what their one-line lessons say, on the numbers. */
class PitfallPresetsTest {

    @SuppressWarnings("unchecked")
    private static double eval(String preset, String loss, Map<String, ?> params) {
        SegmentationData d = Presets.get(preset).create(256);
        LossSpec<SegmentationData> spec = (LossSpec<SegmentationData>) LossRegistry.get(loss);
        return spec.evaluate(d, spec.bind(params), false).value();
    }

    @Test
    void aStraySpeckMovesHdButNotHd95OrDice() {
        assertTrue(eval("stray-blob", "hausdorff_distance", Map.of()) > 100);
        assertEquals(0.0, eval("stray-blob", "hausdorff_distance", Map.of("percentile", 95.0)), 1e-9);
        assertTrue(eval("stray-blob", "f1_score", Map.of()) > 0.999);
    }

    @Test
    void anEmptyPredictionHasNoDistanceAndNoSurfaceDice() {
        assertThrows(EngineException.class, () -> eval("empty-prediction", "hausdorff_distance", Map.of()));
        assertEquals(0.0, eval("empty-prediction", "surface_dice", Map.of()), 0.0);
    }

    @Test
    void aGapCostsDiceAndClDiceAboutTheSame() {
        double f1 = eval("broken-vessel", "f1_score", Map.of());
        double cl = eval("broken-vessel", "cldice_score", Map.of());
        assertTrue(f1 < 1 && f1 > 0.98, "f1 " + f1);
        assertTrue(cl < 1 && cl > 0.98, "clDice " + cl);
    }

    @Test
    void aJitteryBoundaryIsWithinTwoPixels() {
        assertEquals(1.0, eval("jittery-boundary", "surface_dice", Map.of("tolerance", 2.0)), 0.0);
        assertTrue(eval("jittery-boundary", "f1_score", Map.of()) < 1);
    }

    @Test
    void theBoundaryLossOfAPerfectPredictionIsNegative() {
        assertTrue(eval("perfect", "boundary", Map.of()) < 0);
        assertEquals(1.0, eval("perfect", "f1_score", Map.of()), 0.0);
    }

    @Test
    void globalDiceHidesTheMissedSmallObjects() {
        assertTrue(eval("many-small-objects", "f1_score", Map.of()) > 0.95);
        assertTrue(eval("many-small-objects", "hausdorff_distance", Map.of()) > 50);
    }
}
