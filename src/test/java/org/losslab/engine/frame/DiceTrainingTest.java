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

    /**
     * Both kernels, the vector one with its own inline exp (within 1 ulp of Math.exp, {@code VectorExpTest}): over 30
     * steps the float32 step stays within 4e-8 of the float64 loss and 4.6e-7 (relative) of its logits, on both
     * kernels alike, so the bounds are a tenth of what float32 drift would have to grow to (they were 1e-5 and 1e-4).
     */
    @Test
    void thirtyFusedStepsMatchTheRegistrysSteps() {
        followsTheRegistry(FrameKernel.best());
        followsTheRegistry(new ScalarFrameKernel());
    }

    @SuppressWarnings("unchecked")
    private static void followsTheRegistry(FrameKernel kernel) {
        StandardScene s = new StandardScene(96);
        DiceTraining fused = new DiceTraining(s.target, s.logits, 0.05, 2, kernel);
        SegmentationData scene = new SegmentationData(SegMode.BINARY, 1, 96, 96, s.logits.clone(), s.target.clone());
        LossSpec<SegmentationData> dice = (LossSpec<SegmentationData>) LossRegistry.get("dice");
        Trainer trainer = new Trainer(scene, new LogitsModel(scene.prediction()), Optimizer.of("adam", 0.05), dice,
                dice.defaults());
        String name = kernel.getClass().getSimpleName();
        for (int k = 0; k < 30; k++) {
            double fusedLoss = fused.step();
            double registryLoss = trainer.step();
            assertEquals(registryLoss, fusedLoss, 5e-7, name + ": loss before step " + (k + 1));
        }
        double[] a = fused.logits();
        double[] b = trainer.logits();
        for (int i = 0; i < a.length; i++) {
            assertEquals(b[i], a[i], 5e-6 * Math.max(1, Math.abs(b[i])), name + ": logit " + i);
        }
    }

    /**
     * The one-pass step (update, then the next step's slopes and sums in the same pass) gives, bit for bit, what
     * the two-pass step before it gave (probabilities and sums, then the update): the CRC-32 of 30 losses and the
     * final float logits, recorded with that step's scalar kernel, on a square scene and on a 97 x 61 one with
     * ignored pixels, whose chunks do not divide into SIMD lanes. (The vector kernel takes its sigmoid in float with
     * its own exp, the scalar one in double, so the vector kernel is held to the registry's step above instead.)
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
