package org.losslab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.losslab.engine.Domains;
import org.losslab.engine.seg.SegMode;
import org.losslab.engine.seg.SegmentationData;
import org.losslab.scene.Scene;
import org.losslab.scene.SceneFiles;

/**
 * cldice with its largest {@code iterations} on 256 x 256 wants about 3.7 GB: every command that evaluates
 * it says so in one line, with how many iterations fit (270 here), instead of running out of memory.
 */
class CostlyEntryCommandTest {

    @Test
    void cldiceWithTooManyIterationsIsOneClearLine(@TempDir Path dir) throws Exception {
        int side = 256;
        double[] z = new double[side * side];
        int[] target = new int[side * side];
        for (int i = 0; i < z.length; i++) {
            target[i] = (i % side) > side / 2 ? 1 : 0;
            z[i] = target[i] == 1 ? 1 : -1;
        }
        Path scene = dir.resolve("scene.json");
        SceneFiles.write(new Scene(Map.of(Domains.SEGMENTATION, new SegmentationData(SegMode.BINARY, 1, side, side, z, target)),
                List.of(), Map.of()), scene);
        String[][] commands = {
            {"map", scene.toString(), "--kind", "gradient", "--loss", "cldice:iterations=1000", "--out", dir.resolve("m.npy").toString()},
            {"train", scene.toString(), "--loss", "cldice:iterations=1000", "--steps", "1"},
        };
        for (String[] command : commands) {
            CommandRunner run = CommandRunner.run(command);
            assertEquals(1, run.status, command[0] + ": " + run.out + run.err);
            assertEquals(1, run.err.strip().lines().count(), run.err);
            assertTrue(run.err.contains("cldice is too costly for a 1 x 256 x 256 scene")
                    && run.err.contains("at most 270 iterations fit this scene"), run.err);
        }
    }
}
