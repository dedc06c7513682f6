package org.losslab.engine.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.losslab.engine.seg.Activations;
import org.losslab.engine.seg.SegmentationData;
import org.losslab.scene.Presets;

/** The F-beta plot: Tversky at alpha = 1/(1+b^2), beta = b^2/(1+b^2) is 1 - F-beta of the soft counts. */
class FbetaPlotTest {
    @Test
    void tverskyAtTheMatchingWeightsIsOneMinusSoftFbetaAndTheHardCurveIsTheMetric() {
        SegmentationData scene = Presets.get("under-segmentation").create(64);
        PlotData data = TeachingSweeps.compute(TeachingPlot.FBETA, scene, null, List.of(), RegistryDefaults.segmentation());
        SweepResult r = data.panels().get(0);
        double[] betas = r.x();
        double[] tversky = r.column("tversky(alpha = 1/(1+b^2), beta = b^2/(1+b^2))");
        double[] hard = r.column("1 - fbeta_score (thresholded)");
        // soft counts worked out here, from the probabilities
        double[] p = Activations.probabilities(scene, true);
        double tp = 0;
        double fp = 0;
        double fn = 0;
        for (int i = 0; i < scene.pixels(); i++) {
            double t = scene.target()[i];
            tp += p[i] * t;
            fp += p[i] * (1 - t);
            fn += (1 - p[i]) * t;
        }
        double hardTp = 0;
        double hardFp = 0;
        double hardFn = 0;
        for (int i = 0; i < scene.pixels(); i++) {
            boolean predicted = p[i] > 0.5;
            boolean truth = scene.target()[i] == 1;
            hardTp += predicted && truth ? 1 : 0;
            hardFp += predicted && !truth ? 1 : 0;
            hardFn += !predicted && truth ? 1 : 0;
        }
        for (int k = 0; k < betas.length; k += 10) {
            double b2 = betas[k] * betas[k];
            double softLoss = 1 - (1 + b2) * tp / ((1 + b2) * tp + b2 * fn + fp);
            assertEquals(softLoss, tversky[k], 1e-9, "beta " + betas[k]);
            double hardLoss = 1 - (1 + b2) * hardTp / ((1 + b2) * hardTp + b2 * hardFn + hardFp);
            assertEquals(hardLoss, hard[k], 1e-12, "beta " + betas[k]);
        }
        assertTrue(data.notes().get(0).startsWith("identity on this scene"), data.notes().toString());
        assertTrue(data.notes().stream().anyMatch(n -> n.contains("one curve under the other")), data.notes().toString());
        assertEquals(1.0, data.operatingX(), 0.0);
        // under-segmentation misses pixels: weighing recall more (larger beta) makes the loss larger
        assertTrue(tversky[betas.length - 1] > tversky[0]);
    }
}
