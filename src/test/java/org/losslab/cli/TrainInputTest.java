package org.losslab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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

/** {@code train}'s findings of the fourth round: each used to fail, pass silently or advise wrongly. */
class TrainInputTest {
    @TempDir
    Path dir;

    /** 4 x 4 binary, the last row labelled 255 (ignored), the object in the middle. */
    private Path sceneWithIgnoredRow(double logit) throws Exception {
        int[] target = new int[16];
        double[] z = new double[16];
        for (int i = 0; i < 16; i++) {
            target[i] = i >= 12 ? 255 : (i == 5 || i == 6 ? 1 : 0);
            z[i] = logit;
        }
        Path file = dir.resolve("scene.json");
        SceneFiles.write(new Scene(Map.of(Domains.SEGMENTATION, new SegmentationData(SegMode.BINARY, 1, 4, 4, z, target)),
                List.of(), Map.of()), file);
        return file;
    }

    @Test
    void aSceneWithLabel255TrainsUnderIgnoreIndex255() throws Exception {
        Path scene = sceneWithIgnoredRow(0.25);
        CommandRunner run = CommandRunner.run("train", scene.toString(), "--loss", "bce:ignore_index=255", "--steps", "3",
                "--every", "1", "--optimizer", "sgd", "--lr", "0.5", "--out", dir.resolve("curves.csv").toString());
        assertEquals(0, run.status, run.err);
        // the first loss is smp's masked BCE at z = 0.25: the 4 ignored pixels count 0, the mean is over all 16
        // (SoftBCEWithLogitsLoss multiplies by the mask, then averages): (2 softplus(-0.25) + 10 softplus(0.25)) / 16
        double expected = (2 * Math.log1p(Math.exp(-0.25)) + 10 * Math.log1p(Math.exp(0.25))) / 16;
        String first = run.out.lines().filter(l -> l.startsWith("bce:ignore_index=255 step 0 loss ")).findFirst().orElseThrow();
        assertEquals(expected, Double.parseDouble(first.substring(first.lastIndexOf(' ') + 1)), 1e-12);
        // and the step metrics ignore the row: at z = 0.25 every kept pixel is predicted foreground, precision 2 / 12
        String header = java.nio.file.Files.readAllLines(dir.resolve("curves.csv")).get(0);
        String row = java.nio.file.Files.readAllLines(dir.resolve("curves.csv")).get(1);
        List<String> names = List.of(header.split(","));
        assertEquals(2.0 / 12, Double.parseDouble(row.split(",")[names.indexOf("bce:ignore_index=255:precision")]), 1e-12);
    }

    @Test
    void aDuplicatedParameterIsRefused() throws Exception {
        Path scene = sceneWithIgnoredRow(0.25);
        CommandRunner run = CommandRunner.run("train", scene.toString(), "--loss", "dice:smooth=1,smooth=2");
        assertEquals(2, run.status, run.out + run.err);
        assertTrue(run.err.contains("smooth") && run.err.contains("twice"), run.err);
        assertEquals(1, run.err.strip().lines().count(), run.err);
    }

    @Test
    void badOptionsAreUsageErrors() throws Exception {
        Path scene = sceneWithIgnoredRow(0.25);
        String[][] bad = {{"--optimizer", "rmsprop"}, {"--model", "unet"}, {"--lr", "-1"}, {"--lr", "NaN"}, {"--loss", "nosuch"},
            {"--loss", "dice:smooth"}, {"--steps", "ten"}};
        for (String[] option : bad) {
            String[] args = option[0].equals("--loss") ? new String[] {"train", scene.toString(), option[0], option[1]}
                    : new String[] {"train", scene.toString(), "--loss", "dice", option[0], option[1]};
            CommandRunner run = CommandRunner.run(args);
            assertEquals(2, run.status, String.join(" ", option) + ": " + run.out + run.err);
        }
    }

    @Test
    void aNonFiniteStartSaysItsCauseNotTheLearningRate() throws Exception {
        // MCC with eps 0 on probabilities 0 everywhere and an empty target: 0 / 0 before any update
        CommandRunner run = CommandRunner.run("train", sceneWithZeroProbabilities().toString(), "--loss",
                "mcc:from_logits=false,eps=0", "--steps", "2");
        assertEquals(1, run.status, run.out + run.err);
        assertEquals(1, run.err.strip().lines().count(), run.err);
        assertFalse(run.err.contains("learning rate"), run.err);
        assertTrue(run.err.contains("at the start, before any update"), run.err);
    }

    /** Probabilities 0 everywhere, target empty. */
    private Path sceneWithZeroProbabilities() throws Exception {
        Path file = dir.resolve("zero.json");
        SceneFiles.write(new Scene(Map.of(Domains.SEGMENTATION, new SegmentationData(SegMode.BINARY, 1, 2, 2, new double[4],
                new int[4])), List.of(), Map.of()), file);
        return file;
    }
}
