package org.losslab.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.losslab.scene.Json;
import org.losslab.scene.LossEntry;
import org.losslab.scene.Scene;
import org.losslab.scene.SceneEvaluator;
import org.losslab.scene.SceneFiles;

/**
 * Every reference case of ../shared/gold and ../shared/gold/v2 (copied to test resources), computed by smp, torchvision and
 * the SSD recipe in float64 with autograd: values and gradients must match within CONTRACTS.md's
 * tolerances.
 */
class GoldCasesTest {
    static Path goldDirectory() throws URISyntaxException {
        return Path.of(GoldCasesTest.class.getResource("/gold/README.md").toURI()).getParent();
    }

    static List<Path> sceneFiles() throws IOException, URISyntaxException {
        return sceneFiles(goldDirectory());
    }

    /** The second set: distance, topology, new box losses and the dense and distributions blocks. */
    static List<Path> secondSetFiles() throws IOException, URISyntaxException {
        return sceneFiles(goldDirectory().resolve("v2"));
    }

    private static List<Path> sceneFiles(Path directory) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(p -> p.toString().endsWith(".json") && !p.toString().endsWith(".expected.json"))
                    .sorted().toList();
        }
    }

    @Test
    void theReferenceCasesAreAllThere() throws Exception {
        List<Path> files = sceneFiles();
        assertTrue(files.size() >= 165, "expected the 165 reference scenes, found " + files.size());
    }

    @Test
    void theSecondSetIsAllThere() throws Exception {
        assertTrue(secondSetFiles().size() >= 49, "expected the 49 v2 reference scenes, found " + secondSetFiles().size());
    }

    @TestFactory
    Stream<DynamicTest> everyReferenceCaseMatches() throws Exception {
        return sceneFiles().stream().map(file -> DynamicTest.dynamicTest(file.getFileName().toString(), () -> check(file)));
    }

    @TestFactory
    Stream<DynamicTest> everySecondSetCaseMatches() throws Exception {
        return secondSetFiles().stream().map(file -> DynamicTest.dynamicTest("v2/" + file.getFileName(), () -> check(file)));
    }

    private static void check(Path file) throws IOException {
        Scene scene = SceneFiles.read(file);
        JsonNode expected = Json.MAPPER.readTree(file.resolveSibling(
                file.getFileName().toString().replace(".json", ".expected.json")).toFile()).get("results");
        assertEquals(scene.losses().size(), expected.size(), "number of results");
        List<String> problems = new ArrayList<>();
        for (int k = 0; k < scene.losses().size(); k++) {
            LossEntry entry = scene.losses().get(k);
            JsonNode want = expected.get(k);
            String label = file.getFileName() + " #" + k + " " + entry.name() + " " + entry.given();
            Evaluation got;
            try {
                got = SceneEvaluator.evaluate(scene, entry, true);
            } catch (RuntimeException e) {
                problems.add(label + ": threw " + e);
                continue;
            }
            compareValue(label, got, want.get("value"), problems);
            JsonNode gradients = want.get("gradient");
            if (gradients != null) {
                Iterator<Map.Entry<String, JsonNode>> it = gradients.fields();
                while (it.hasNext()) {
                    Map.Entry<String, JsonNode> g = it.next();
                    double[] actual = got.gradient().get(g.getKey());
                    if (actual == null) {
                        problems.add(label + ": no gradient for " + g.getKey());
                        continue;
                    }
                    compareGradient(label + " d/d" + g.getKey(), actual, g.getValue(), problems);
                }
            }
        }
        if (!problems.isEmpty()) {
            fail(String.join("\n", problems));
        }
    }

    private static void compareValue(String label, Evaluation got, JsonNode want, List<String> problems) {
        if (want.isArray()) {
            double[] values = got.values();
            if (got.isScalar() || values.length != want.size()) {
                problems.add(label + ": expected " + want.size() + " values, got " + values.length);
                return;
            }
            for (int i = 0; i < values.length; i++) {
                double b = want.get(i).doubleValue();
                if (!(Math.abs(values[i] - b) <= 1e-9 + 1e-6 * Math.abs(b))) {
                    problems.add(label + ": value[" + i + "] " + values[i] + " != " + b);
                }
            }
            return;
        }
        double b = want.doubleValue();
        double a = got.value();
        if (!got.isScalar() || !(Math.abs(a - b) <= 1e-9 + 1e-6 * Math.abs(b))) {
            problems.add(label + ": value " + a + " != " + b);
        }
    }

    private static void compareGradient(String label, double[] actual, JsonNode want, List<String> problems) {
        if (actual.length != want.size()) {
            problems.add(label + ": length " + actual.length + " != " + want.size());
            return;
        }
        double max = 0;
        for (JsonNode v : want) {
            max = Math.max(max, Math.abs(v.doubleValue()));
        }
        double tolerance = 1e-9 + 1e-6 * max;
        int bad = 0;
        StringBuilder first = new StringBuilder();
        for (int i = 0; i < actual.length; i++) {
            double b = want.get(i).doubleValue();
            if (!(Math.abs(actual[i] - b) <= tolerance)) {
                if (bad++ < 3) {
                    first.append(" [").append(i).append("] ").append(actual[i]).append(" != ").append(b);
                }
            }
        }
        if (bad > 0) {
            problems.add(label + ": " + bad + " gradient entries off:" + first);
        }
    }
}
