package org.losslab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.losslab.engine.Domains;
import org.losslab.engine.LossRegistry;
import org.losslab.engine.LossSpec;
import org.losslab.engine.RandomScenes;
import org.losslab.engine.maps.LossMaps;
import org.losslab.engine.seg.SegMode;
import org.losslab.engine.seg.SegmentationData;
import org.losslab.scene.Json;
import org.losslab.scene.LossEntry;
import org.losslab.scene.NpyReader;
import org.losslab.scene.Scene;
import org.losslab.scene.SceneFiles;

/** {@code map} writes exactly what {@code eval --grad} prints, for every differentiable entry with random parameters. */
class MapCommandTest {
    @TempDir
    Path dir;

    static Stream<Arguments> cases() {
        List<String> names = LossRegistry.of(Domains.SEGMENTATION).stream().filter(LossSpec::differentiable)
                .map(LossSpec::name).toList();
        return IntStream.range(0, 3 * names.size()).mapToObj(i -> Arguments.of(names.get(i % names.size()), 500L + i));
    }

    @ParameterizedTest(name = "{0}, seed {1}")
    @MethodSource("cases")
    @SuppressWarnings("unchecked")
    void theGradientMapIsEvalsGradient(String name, long seed) throws Exception {
        LossSpec<SegmentationData> spec = (LossSpec<SegmentationData>) LossRegistry.get(name);
        Random r = new Random(seed);
        SegmentationData data = null;
        Map<String, Object> raw = null;
        // a scene the loss applies to and is defined on (a distance map needs a boundary, top-k a kept pixel)
        for (int attempt = 0; raw == null; attempt++) {
            data = RandomScenes.segmentation(r, SegMode.values()[(int) ((seed + attempt) % 3)], false, false);
            Map<String, Object> candidate = RandomScenes.params(r, spec, data, false);
            if (spec.appliesTo(data) && definedOn(spec, data, candidate)) {
                raw = candidate;
            }
        }
        ObjectNode given = (ObjectNode) Json.MAPPER.valueToTree(raw);
        Path scene = dir.resolve("scene.json");
        SceneFiles.write(new Scene(Map.of(Domains.SEGMENTATION, data), List.of(new LossEntry(name, raw, given)), Map.of()), scene);
        Path npy = dir.resolve("map.npy");
        CommandRunner run = CommandRunner.run("map", scene.toString(), "--kind", "gradient", "--out", npy.toString());
        assertEquals(0, run.status, run.err);
        CommandRunner eval = CommandRunner.run("eval", "--grad", scene.toString());
        JsonNode gradient = Json.MAPPER.readTree(eval.out).get("scenes").get(0).get("results").get(0).get("gradient").get("prediction");
        NpyReader.Array map = NpyReader.read(npy);
        assertEquals(data.height(), map.shape()[1]);
        assertEquals(data.width(), map.shape()[2]);
        assertEquals(gradient.size(), map.values().length);
        for (int i = 0; i < gradient.size(); i++) {
            assertEquals(gradient.get(i).doubleValue(), map.values()[i], 0.0, name + " " + raw + " element " + i);
        }
        if (LossMaps.hasValues(spec)) {
            CommandRunner values = CommandRunner.run("map", scene.toString(), "--kind", "value", "--out", npy.toString());
            assertEquals(0, values.status, values.err);
            double sum = 0;
            for (double v : NpyReader.read(npy).values()) {
                sum += v;
            }
            double total = spec.evaluate(data, spec.bind(raw).with(name, spec.params(), "reduction", "sum"), false).value();
            assertEquals(total, sum, 1e-9 * Math.max(1, Math.abs(total)), "the value map sums to the loss under sum");
        } else {
            CommandRunner values = CommandRunner.run("map", scene.toString(), "--kind", "value", "--out", npy.toString());
            assertEquals(1, values.status);
            assertTrue(values.err.contains("no value map"), values.err);
        }
    }

    private static boolean definedOn(LossSpec<SegmentationData> spec, SegmentationData data, Map<String, Object> raw) {
        try {
            spec.evaluate(data, spec.bind(raw), false);
            return true;
        } catch (org.losslab.engine.EngineException e) {
            return false;
        }
    }
}
