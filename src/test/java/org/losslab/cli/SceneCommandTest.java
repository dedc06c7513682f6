package org.losslab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.losslab.scene.NpyWriter;
import org.losslab.scene.Scene;
import org.losslab.scene.SceneFiles;

/** {@code scene}: a prediction becomes a scene that lists the losses defined on it, and eval succeeds. */
class SceneCommandTest {
    @TempDir
    Path dir;

    @Test
    void withoutATargetTheDistancesAreLeftOutAndEvalSucceeds() throws Exception {
        Path npy = dir.resolve("p.npy");
        NpyWriter.write(npy, new int[] {1, 4, 5}, new double[] {-2, 1, 3, -1, 0, 2, -3, 1, 1, 0, -1, 2, 2, -2, 0, 1, 1, 1, -4, 3});
        Path made = dir.resolve("made.json");
        CommandRunner run = CommandRunner.run("scene", "--prediction", npy.toString(), "--out", made.toString());
        assertEquals(0, run.status, run.err);
        Scene scene = SceneFiles.read(made);
        var names = scene.losses().stream().map(e -> e.name()).toList();
        assertTrue(names.contains("dice") && names.contains("surface_dice"), names.toString());
        assertFalse(names.contains("hausdorff_distance"), "an empty target has no boundary: " + names);
        assertFalse(names.contains("cldice_score"), names.toString());
        assertEquals(0, CommandRunner.run("eval", made.toString()).status);
    }

    @Test
    void anOutputThatIsOneOfTheInputsIsRefusedAndTheInputKept() throws Exception {
        Path npy = dir.resolve("p.npy");
        NpyWriter.write(npy, new int[] {1, 2, 2}, new double[] {-2, 1, 3, -1});
        byte[] before = java.nio.file.Files.readAllBytes(npy);
        CommandRunner run = CommandRunner.run("scene", "--prediction", npy.toString(), "--out", npy.toString());
        assertEquals(2, run.status, run.err);
        assertTrue(run.err.contains("one of the inputs"), run.err);
        org.junit.jupiter.api.Assertions.assertArrayEquals(before, java.nio.file.Files.readAllBytes(npy));
        Path viaDots = dir.resolve("sub").resolve("..").resolve("p.npy");
        assertEquals(2, CommandRunner.run("scene", "--prediction", npy.toString(), "--out", viaDots.toString()).status);
    }
}
