package org.losslab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.losslab.scene.Json;
import org.losslab.scene.NpyWriter;

/** {@code scene}'s list of losses: a mask with 255 (ignored) keeps them, an entry that does not apply is refused. */
class SceneLossesTest {
    @TempDir
    Path dir;

    /** 6 x 6 logits; the mask: an object of label 1, a border of 255 (ignored), background 0. */
    private Path[] inputs() throws Exception {
        double[] z = new double[36];
        BufferedImage mask = new BufferedImage(6, 6, BufferedImage.TYPE_BYTE_GRAY);
        for (int y = 0; y < 6; y++) {
            for (int x = 0; x < 6; x++) {
                boolean object = x >= 2 && x <= 3 && y >= 2 && y <= 3;
                boolean border = y == 0;
                z[y * 6 + x] = object ? 1.5 : -0.5 + 0.1 * x;
                mask.getRaster().setSample(x, y, 0, border ? 255 : object ? 1 : 0);
            }
        }
        Path npy = dir.resolve("p.npy");
        NpyWriter.write(npy, new int[] {1, 6, 6}, z);
        Path png = dir.resolve("m.png");
        ImageIO.write(mask, "png", png.toFile());
        return new Path[] {npy, png};
    }

    @Test
    void aMaskWithIgnoredPixelsKeepsTheLossesUnderIgnoreIndex() throws Exception {
        Path[] in = inputs();
        Path out = dir.resolve("scene.json");
        CommandRunner run = CommandRunner.run("scene", "--prediction", in[0].toString(), "--target", in[1].toString(),
                "--out", out.toString());
        assertEquals(0, run.status, run.err);
        List<String> names = new ArrayList<>();
        for (JsonNode loss : Json.MAPPER.readTree(out.toFile()).get("losses")) {
            names.add(loss.get("name").asText());
        }
        assertTrue(names.containsAll(List.of("dice", "jaccard", "bce", "focal", "tversky", "iou_score", "f1_score")), names.toString());
        CommandRunner eval = CommandRunner.run("eval", out.toString());
        assertEquals(0, eval.status, eval.out + eval.err);
    }

    @Test
    void aLossThatDoesNotApplyIsRefusedWithEvalsReason() throws Exception {
        Path[] in = inputs();
        Path out = dir.resolve("ce.json");
        CommandRunner run = CommandRunner.run("scene", "--prediction", in[0].toString(), "--losses", "ce", "--out", out.toString());
        assertEquals(1, run.status, run.out + run.err);
        assertTrue(run.err.contains("ce needs a multiclass scene"), run.err);
        assertTrue(!out.toFile().exists());
    }
}
