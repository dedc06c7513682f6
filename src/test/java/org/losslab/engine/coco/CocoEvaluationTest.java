package org.losslab.engine.coco;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.losslab.scene.CocoJson;

/**
 * COCOeval's numbers on the contract's samples (gold/v3/coco-bbox, coco-segm) and on the datasets
 * bench/coco/make_cases.py generated and recorded with the official pycocotools (coco/cases/NAME-bbox|segm):
 * the 12 stats and every category's AP, AP50, AP75 within 1e-12, and, where recorded, summarize()'s lines.
 */
class CocoEvaluationTest {
    private static final double TOLERANCE = 1e-12;

    static List<Path> cases() throws IOException, URISyntaxException {
        List<Path> folders = new ArrayList<>();
        Path gold = Path.of(CocoEvaluationTest.class.getResource("/gold/v3/coco-bbox/gt.json").toURI()).getParent().getParent();
        folders.add(gold.resolve("coco-bbox"));
        folders.add(gold.resolve("coco-segm"));
        Path generated = Path.of(CocoEvaluationTest.class.getResource("/coco/cases").toURI());
        try (Stream<Path> list = Files.list(generated)) {
            list.filter(Files::isDirectory).sorted().forEach(folders::add);
        }
        return folders;
    }

    static IouType typeOf(Path folder) {
        return folder.getFileName().toString().endsWith("segm") ? IouType.SEGM : IouType.BBOX;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void equalsPycocotools(Path folder) throws IOException {
        IouType type = typeOf(folder);
        CocoDataset data = CocoJson.read(folder.resolve("gt.json"), folder.resolve("dt.json"), type);
        CocoSummary summary = new CocoSummary(CocoEvaluation.run(data, type, 2));
        JsonNode expected = new ObjectMapper().readTree(folder.resolve("expected.json").toFile());
        double[] stats = summary.stats();
        for (int i = 0; i < 12; i++) {
            assertEquals(expected.get("stats").get(i).asDouble(), stats[i], TOLERANCE, "stats[" + i + "]");
        }
        JsonNode categories = expected.get("per_category");
        long[] ids = summary.categoryIds();
        assertEquals(categories.size(), ids.length, "categories");
        for (int k = 0; k < ids.length; k++) {
            JsonNode c = categories.get(k);
            assertEquals(c.get("category_id").asLong(), ids[k]);
            same(c.get("ap"), summary.categoryAp(k, Double.NaN), "ap of " + ids[k]);
            same(c.get("ap50"), summary.categoryAp(k, .5), "ap50 of " + ids[k]);
            same(c.get("ap75"), summary.categoryAp(k, .75), "ap75 of " + ids[k]);
        }
        if (expected.has("lines")) {
            List<String> lines = new ArrayList<>();
            expected.get("lines").forEach(l -> lines.add(l.asText()));
            assertEquals(lines, summary.lines());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void oneThreadGivesTheSameBits(Path folder) throws IOException {
        IouType type = typeOf(folder);
        CocoDataset data = CocoJson.read(folder.resolve("gt.json"), folder.resolve("dt.json"), type);
        double[] one = new CocoSummary(CocoEvaluation.run(data, type, 1)).stats();
        double[] three = new CocoSummary(CocoEvaluation.run(data, type, 3)).stats();
        assertTrue(java.util.Arrays.equals(one, three));
    }

    private static void same(JsonNode expected, double actual, String what) {
        if (expected.isNull()) {
            assertTrue(Double.isNaN(actual), what + ": expected null, got " + actual);
        } else {
            assertEquals(expected.asDouble(), actual, TOLERANCE, what);
        }
    }
}
