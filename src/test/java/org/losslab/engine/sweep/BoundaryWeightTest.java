package org.losslab.engine.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.losslab.engine.LossRegistry;
import org.losslab.engine.LossSpec;
import org.losslab.engine.Params;
import org.losslab.engine.maps.MapKind;
import org.losslab.engine.maps.MapSettings;
import org.losslab.engine.maps.PixelMaps;
import org.losslab.engine.seg.SegmentationData;
import org.losslab.scene.Presets;

/** The boundary-weight plot and the NSD margin map say what their captions say. */
class BoundaryWeightTest {
    @Test
    void onAPerfectPredictionTheWeightedSumFallsBelowZeroTowardsTheBoundaryLoss() {
        SegmentationData perfect = Presets.get("perfect").create(64);
        SweepResult r = TeachingSweeps.compute(TeachingPlot.BOUNDARY_WEIGHT, perfect, null, List.of(), RegistryDefaults.segmentation()).panels().get(0);
        double[] sum = r.column("(1 - alpha) dice + alpha boundary");
        assertEquals(r.column("dice")[0], sum[0], 1e-12);
        assertEquals(r.column("boundary")[0], sum[sum.length - 1], 1e-12);
        assertTrue(sum[sum.length - 1] < 0, "the boundary loss of a perfect prediction is negative");
    }

    @Test
    void theNsdMarginIsWithinTheToleranceExactlyWhereNsdCountsIt() {
        SegmentationData jittery = Presets.get("jittery-boundary").create(128);
        Map<String, Params> params = RegistryDefaults.segmentation();
        LossSpec<SegmentationData> nsd = (LossSpec<SegmentationData>) (LossSpec<?>) LossRegistry.get("surface_dice");
        for (double tolerance : new double[] {0.5, 2.0}) {
            Params p = params.get("surface_dice").with("surface_dice", nsd.params(), "tolerance", tolerance);
            params.put("surface_dice", p);
            double[] plane = PixelMaps.compute(MapKind.NSD_MARGIN, jittery, MapSettings.defaults(), params).plane(0);
            int within = 0;
            int edges = 0;
            double[] edgeDistance = PixelMaps.compute(MapKind.EDGE_DISTANCE, jittery, MapSettings.defaults(), params).plane(0);
            for (int i = 0; i < plane.length; i++) {
                if (plane[i] != 0 || edgeDistance[i] != 0) {
                    edges++;
                    within += plane[i] <= 0 ? 1 : 0;
                }
            }
            double value = nsd.evaluate(jittery, p, false).value();
            assertTrue(edges > 0);
            assertEquals(value == 1.0, within == edges, "tolerance " + tolerance + ": NSD " + value);
        }
    }
}
