package org.losslab.engine.frame;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;
import org.losslab.engine.LossRegistry;
import org.losslab.engine.LossSpec;
import org.losslab.engine.seg.SegMode;
import org.losslab.engine.seg.SegmentationData;
import org.losslab.engine.train.LogitsModel;
import org.losslab.engine.train.Optimizer;
import org.losslab.engine.train.Trainer;

/** The fused float32 Dice + Adam step follows the registry's float64 step (the train command's) to float precision. */
class DiceTrainingTest {

    @Test
    @SuppressWarnings("unchecked")
    void thirtyFusedStepsMatchTheRegistrysSteps() {
        StandardScene s = new StandardScene(96);
        DiceTraining fused = new DiceTraining(s.target, s.logits, 0.05, 2);
        SegmentationData scene = new SegmentationData(SegMode.BINARY, 1, 96, 96, s.logits.clone(), s.target.clone());
        LossSpec<SegmentationData> dice = (LossSpec<SegmentationData>) LossRegistry.get("dice");
        Trainer trainer = new Trainer(scene, new LogitsModel(scene.prediction()), Optimizer.of("adam", 0.05), dice,
                dice.defaults());
        for (int k = 0; k < 30; k++) {
            double fusedLoss = fused.step();
            double registryLoss = trainer.step();
            assertEquals(registryLoss, fusedLoss, 1e-5, "loss before step " + (k + 1));
        }
        double[] a = fused.logits();
        double[] b = trainer.logits();
        for (int i = 0; i < a.length; i++) {
            assertEquals(b[i], a[i], 1e-4 * Math.max(1, Math.abs(b[i])), "logit " + i);
        }
    }

    /**
     * The one-pass step (update, then the next step's slopes and sums in the same pass) gives, bit for bit, what
     * the two-pass step before it gave (probabilities and sums, then the update): the CRC-32 of 30 losses and the
     * final float logits, recorded with that step's scalar kernel, on a square scene and on a 97 x 61 one with
     * ignored pixels, whose chunks do not divide into SIMD lanes. (The vector kernel agreed too when both were
     * run without the JIT; with it, the vector EXP can differ by an ulp depending on when it gets compiled.)
     */
    @Test
    void theOnePassStepEqualsTheTwoPassStepBitForBit() {
        assertEquals(1214073340L, scalarRunChecksum(96 * 96, false));
        assertEquals(2622058589L, scalarRunChecksum(97 * 61, true));
    }

    private static long scalarRunChecksum(int n, boolean withIgnored) {
        StandardScene s = new StandardScene(n == 96 * 96 ? 96 : 97);
        int[] target = Arrays.copyOf(s.target, n);
        double[] logits = Arrays.copyOf(s.logits, n);
        if (withIgnored) {
            for (int i = 0; i < n; i += 37) {
                target[i] = LiveFrame.IGNORED;
            }
        }
        DiceTraining fused = new DiceTraining(target, logits, 0.05, 2, new ScalarFrameKernel());
        CRC32 crc = new CRC32();
        for (int k = 0; k < 30; k++) {
            crc.update(ByteBuffer.allocate(Long.BYTES).putLong(Double.doubleToLongBits(fused.step())).array());
        }
        for (double x : fused.logits()) {
            crc.update(ByteBuffer.allocate(Integer.BYTES).putInt(Float.floatToIntBits((float) x)).array());
        }
        return crc.getValue();
    }
}
