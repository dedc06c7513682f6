package org.losslab.engine.distance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.losslab.engine.EngineException;
import org.losslab.engine.LossRegistry;
import org.losslab.engine.LossSpec;
import org.losslab.engine.Params;
import org.losslab.engine.seg.SegMode;
import org.losslab.engine.seg.SegmentationData;

/**
 * clDice's soft skeleton keeps every erosion step (60 bytes a pixel a step): on 4096 x 4096 with the
 * default 3 iterations that is about 5 GB, and 1000 iterations on 256 x 256 about 3.7 GB. Both are
 * refused with the reason before anything is allocated, where they used to run out of memory.
 */
class ClDiceCostTest {

    @SuppressWarnings("unchecked")
    private static LossSpec<SegmentationData> spec(String name) {
        return (LossSpec<SegmentationData>) LossRegistry.get(name);
    }

    private static SegmentationData square(int side) {
        int[] target = new int[side * side];
        for (int y = side / 4; y < 3 * side / 4; y++) {
            for (int x = side / 4; x < 3 * side / 4; x++) {
                target[y * side + x] = 1;
            }
        }
        return new SegmentationData(SegMode.BINARY, 1, side, side, new double[side * side], target);
    }

    @Test
    void aHugeSceneIsRefusedWithTheReasonInsteadOfRunningOutOfMemory() {
        SegmentationData scene = square(4096);
        for (String name : new String[] {"cldice", "dice_cldice"}) {
            LossSpec<SegmentationData> spec = spec(name);
            String reason = spec.tooCostly(scene, spec.defaults()).orElseThrow();
            assertTrue(reason.startsWith(name + " is too costly for a 1 x 4096 x 4096 scene"), reason);
            assertTrue(reason.contains("soft skeleton") && reason.contains("GB"), reason);
            EngineException e = assertThrows(EngineException.class, () -> spec.evaluate(scene, spec.defaults(), true));
            assertEquals(reason, e.getMessage());
        }
    }

    @Test
    void tooManyIterationsForTheSceneAreRefusedNamingHowManyFit() {
        SegmentationData scene = square(256);
        LossSpec<SegmentationData> cldice = spec("cldice");
        Params most = cldice.bind(Map.of("iterations", 1000));
        EngineException e = assertThrows(EngineException.class, () -> cldice.evaluate(scene, most, false));
        // 60 (i + 2) + 40 bytes a pixel within 1 GiB over 65536 pixels: i <= (16384 - 40) / 60 - 2 = 270
        assertTrue(e.getMessage().contains("at most 270 iterations fit this scene"), e.getMessage());
        assertFalse(cldice.tooCostly(scene, cldice.defaults()).isPresent(), "the defaults on 256 x 256 run");
        assertTrue(Double.isFinite(cldice.evaluate(scene, cldice.defaults(), true).value()));
    }
}
