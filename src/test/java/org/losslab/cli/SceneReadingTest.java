package org.losslab.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.losslab.engine.Domains;
import org.losslab.engine.seg.SegmentationData;
import org.losslab.scene.NpyWriter;
import org.losslab.scene.SceneFiles;

/** All-zero logits look like probabilities: scene says which reading it took, and --reading forces one. */
class SceneReadingTest {

    private static double[] prediction(Path scene) {
        return SceneFiles.read(scene).block(Domains.SEGMENTATION).map(SegmentationData::prediction).orElseThrow();
    }

    @Test
    void theReadingIsToldAndCanBeForced(@TempDir Path dir) throws Exception {
        Path npy = dir.resolve("zeros.npy");
        NpyWriter.write(npy, new int[] {1, 2, 2}, new double[4]);
        Path auto = dir.resolve("auto.json");
        CommandRunner run = CommandRunner.run("scene", "--prediction", npy.toString(), "--out", auto.toString());
        assertEquals(0, run.status, run.err);
        assertTrue(run.out.contains("as probabilities") && run.out.contains("--reading logits"), run.out);
        assertTrue(prediction(auto)[0] < -10, "probability 0 as a very negative logit: " + prediction(auto)[0]);
        Path logits = dir.resolve("logits.json");
        CommandRunner forced = CommandRunner.run("scene", "--prediction", npy.toString(), "--reading", "logits", "--out",
                logits.toString());
        assertEquals(0, forced.status, forced.err);
        assertTrue(forced.out.contains("read the prediction as logits"), forced.out);
        assertArrayEquals(new double[4], prediction(logits), 0.0);
        Path twos = dir.resolve("twos.npy");
        NpyWriter.write(twos, new int[] {1, 2, 2}, new double[] {2, 2, 2, 2});
        CommandRunner wrong = CommandRunner.run("scene", "--prediction", twos.toString(), "--reading", "probabilities", "--out",
                dir.resolve("x.json").toString());
        assertEquals(1, wrong.status, wrong.out + wrong.err);
        assertTrue(wrong.err.contains("outside [0, 1]"), wrong.err);
        assertEquals(2, CommandRunner.run("scene", "--prediction", npy.toString(), "--reading", "odds", "--out",
                dir.resolve("y.json").toString()).status);
    }
}
