package org.losslab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.losslab.scene.Json;

/**
 * {@code train} follows PyTorch: 16 runs (bce, dice, focal, tversky; logits and pixel models; SGD and Adam;
 * 50 steps) recorded with the reference script in float64 (test resources train/), every printed loss
 * within 1e-9 relative.
 */
class TrainCommandTest {
    @TempDir
    Path dir;

    static Path resource(String name) throws Exception {
        return Path.of(TrainCommandTest.class.getResource("/train/" + name).toURI());
    }

    static Stream<JsonNode> runs() throws Exception {
        JsonNode root = Json.MAPPER.readTree(resource("torch-float64.json").toFile());
        return StreamSupport.stream(root.get("runs").spliterator(), false);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("runs")
    void everyPrintedLossEqualsPyTorchs(JsonNode run) throws Exception {
        String loss = run.get("loss").asText();
        CommandRunner out = CommandRunner.run("train", resource("scene.json").toString(), "--loss", loss,
                "--model", run.get("model").asText(), "--optimizer", run.get("optimizer").asText(),
                "--lr", run.get("lr").asText(), "--steps", run.get("steps").asText(), "--every", run.get("every").asText());
        assertEquals(0, out.status, out.err);
        Iterator<Map.Entry<String, JsonNode>> printed = run.get("printed").fields();
        int checked = 0;
        while (printed.hasNext()) {
            Map.Entry<String, JsonNode> e = printed.next();
            double mine = value(out.out, loss + " step " + e.getKey() + " loss ");
            double torch = e.getValue().asDouble();
            assertEquals(torch, mine, 1e-9 * Math.abs(torch), loss + " step " + e.getKey());
            checked++;
        }
        double torchFinal = run.get("final").asDouble();
        assertEquals(torchFinal, value(out.out, loss + " final loss "), 1e-9 * Math.abs(torchFinal), loss + " final");
        assertEquals(5, checked);
    }

    private static double value(String output, String prefix) {
        for (String line : output.split("\n")) {
            if (line.startsWith(prefix)) {
                return Double.parseDouble(line.substring(prefix.length()).trim());
            }
        }
        throw new AssertionError("no line starting with '" + prefix + "' in\n" + output);
    }

    @Test
    void theCsvHoldsTheLossAndMetricsOfEveryStep() throws Exception {
        Path csv = dir.resolve("curves.csv");
        CommandRunner out = CommandRunner.run("train", resource("scene.json").toString(), "--loss", "dice", "--loss", "bce",
                "--steps", "20", "--every", "5", "--out", csv.toString());
        assertEquals(0, out.status, out.err);
        List<String> rows = Files.readAllLines(csv);
        assertEquals("step,dice:loss,dice:f1_score,dice:iou_score,dice:precision,dice:recall,bce:loss,bce:f1_score,"
                + "bce:iou_score,bce:precision,bce:recall", rows.get(0));
        assertEquals(22, rows.size());
        double printed = value(out.out, "dice step 5 loss ");
        assertEquals(printed, Double.parseDouble(rows.get(6).split(",")[1]), 0.0);
        double dice20 = Double.parseDouble(rows.get(21).split(",")[1]);
        double f1At20 = Double.parseDouble(rows.get(21).split(",")[2]);
        assertTrue(dice20 < Double.parseDouble(rows.get(1).split(",")[1]), "training lowers the loss");
        assertTrue(f1At20 >= 0 && f1At20 <= 1);
    }

    @Test
    void mistakesAreClearErrors() throws Exception {
        Path scene = resource("scene.json");
        Path noImage = dir.resolve("no-image.json");
        JsonNode root = Json.MAPPER.readTree(scene.toFile());
        ((com.fasterxml.jackson.databind.node.ObjectNode) root).remove("image");
        Files.writeString(noImage, root.toString());
        CommandRunner pixel = CommandRunner.run("train", noImage.toString(), "--loss", "dice", "--model", "pixel");
        assertEquals(1, pixel.status);
        assertTrue(pixel.err.contains("image block"), pixel.err);
        CommandRunner metric = CommandRunner.run("train", scene.toString(), "--loss", "iou_score");
        assertEquals(1, metric.status);
        assertTrue(metric.err.contains("metric"), metric.err);
        CommandRunner rate = CommandRunner.run("train", scene.toString(), "--loss", "dice", "--lr", "-1");
        assertEquals(2, rate.status, "a bad option is a usage error (issue 24)");
        assertTrue(rate.err.contains("learning rate"), rate.err);
        assertEquals(2, CommandRunner.run("train", scene.toString(), "--loss", "dice", "--every", "0").status);
        CommandRunner ce = CommandRunner.run("train", scene.toString(), "--loss", "ce");
        assertEquals(1, ce.status);
        assertTrue(ce.err.contains("multiclass"), ce.err);
    }
}
