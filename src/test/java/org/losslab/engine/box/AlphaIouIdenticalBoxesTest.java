package org.losslab.engine.box;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.losslab.engine.Evaluation;
import org.losslab.engine.LossRegistry;
import org.losslab.engine.LossSpec;
import org.losslab.engine.Params;

/**
 * alpha_iou, variant diou, alpha 0.5, on identical boxes (1, 2, 4, 6): PyTorch 1.13 (float64, the authors'
 * bbox_alpha_iou) gives the value -2.0833335057091062e-10 and a NaN gradient, (rho^2)^0.5 having an infinite
 * slope at rho = 0. LossLab refused the value; it reports it, and the gradient as undefined with the reason.
 */
class AlphaIouIdenticalBoxesTest {
    private static final double TORCH_VALUE = -2.0833335057091062e-10;

    @SuppressWarnings("unchecked")
    @Test
    void theValueIsPyTorchsAndTheGradientIsUndefinedWithItsReason() {
        LossSpec<BoxPairs> spec = (LossSpec<BoxPairs>) LossRegistry.get("alpha_iou");
        Params params = spec.bind(Map.of("variant", "diou", "alpha", 0.5));
        BoxPairs pairs = new BoxPairs(new double[] {1, 2, 4, 6}, new double[] {1, 2, 4, 6});
        assertEquals(TORCH_VALUE, spec.evaluate(pairs, params, false).value(), 1e-24);
        Evaluation e = spec.evaluate(pairs, params, true);
        assertEquals(TORCH_VALUE, e.value(), 1e-24);
        String reason = e.gradientUndefined().orElseThrow();
        assertTrue(reason.contains("alpha") && reason.contains("identical") || reason.contains("coincide"), reason);
    }
}
