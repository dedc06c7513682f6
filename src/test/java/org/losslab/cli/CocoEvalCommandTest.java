package org.losslab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code coco-eval}: summarize()'s lines, the --json document of CONTRACTS_V3 section 5, and audit's exit codes. */
class CocoEvalCommandTest {
    @TempDir
    Path dir;

    private static Path resource(String path) throws Exception {
        return Path.of(CocoEvalCommandTest.class.getResource(path).toURI());
    }

    @Test
    void printsPycocotoolsLinesAndWritesTheContractsJson() throws Exception {
        Path folder = resource("/coco/cases/r02-mixed-segm/gt.json").getParent();
        Path out = dir.resolve("out.json");
        CommandRunner run = CommandRunner.run("coco-eval", "--gt", folder.resolve("gt.json").toString(),
                "--dt", folder.resolve("dt.json").toString(), "--iou-type", "segm", "--json", out.toString());
        assertEquals(0, run.status, run.err);
        JsonNode expected = new ObjectMapper().readTree(folder.resolve("expected.json").toFile());
        List<String> lines = new ArrayList<>();
        expected.get("lines").forEach(l -> lines.add(l.asText()));
        assertEquals(String.join("\n", lines) + "\n", run.out.replace("\r\n", "\n"));
        JsonNode written = new ObjectMapper().readTree(out.toFile());
        assertEquals("segm", written.get("iou_type").asText());
        for (int i = 0; i < 12; i++) {
            assertEquals(expected.get("stats").get(i).asDouble(), written.get("stats").get(i).asDouble(), 1e-12);
        }
        assertEquals(expected.get("per_category").size(), written.get("per_category").size());
        for (int k = 0; k < written.get("per_category").size(); k++) {
            JsonNode e = expected.get("per_category").get(k);
            JsonNode w = written.get("per_category").get(k);
            assertEquals(e.get("category_id").asLong(), w.get("category_id").asLong());
            assertEquals(e.get("ap").isNull(), w.get("ap").isNull());
            assertEquals(e.get("ap").asDouble(), w.get("ap").asDouble(), 1e-12);
        }
    }

    @Test
    void badInputIsOneLineAndExitOneWithNothingWritten() throws Exception {
        Path gt = resource("/gold/v3/coco-bbox/gt.json");
        Path dt = Files.writeString(dir.resolve("dt.json"),
                "[{\"image_id\": 123456789, \"category_id\": 8, \"score\": 1, \"bbox\": [0, 0, 1, 1]}]");
        Path out = dir.resolve("out.json");
        CommandRunner run = CommandRunner.run("coco-eval", "--gt", gt.toString(), "--dt", dt.toString(),
                "--json", out.toString());
        assertEquals(1, run.status);
        assertEquals(1, run.err.strip().lines().count(), run.err);
        assertTrue(run.err.contains("result 0: image_id 123456789 is not an image of the ground truth"), run.err);
        assertFalse(Files.exists(out));
        CommandRunner missing = CommandRunner.run("coco-eval", "--gt", dir.resolve("none.json").toString(),
                "--dt", dt.toString());
        assertEquals(1, missing.status);
        assertTrue(missing.err.contains("none.json: no such file"), missing.err);
    }

    @Test
    void badUsageIsExitTwo() throws Exception {
        Path gt = resource("/gold/v3/coco-bbox/gt.json");
        assertEquals(2, CommandRunner.run("coco-eval", "--gt", gt.toString(), "--dt", gt.toString(),
                "--iou-type", "keypoints").status);
        assertEquals(2, CommandRunner.run("coco-eval", "--gt", gt.toString()).status);
    }

    /** The start-up path without picocli takes only well-formed option pairs; everything else goes to picocli. */
    @Test
    void thePlainParserTakesOnlyWhatItKnows() {
        CocoEvalCommand plain = CocoEvalCommand.plain(new String[] {"--gt", "g.json", "--dt", "d.json", "--threads", "2"});
        assertEquals(Path.of("g.json"), plain.groundTruth);
        assertEquals("bbox", plain.iouType);
        assertEquals(2, plain.threads);
        for (String[] other : new String[][] {{"--gt", "g.json"}, {"--help"}, {"--gt", "g", "--dt", "d", "--gt", "h"},
                {"--gt", "g", "--dt", "d", "--threads", "x"}, {"--gt", "g", "--dt", "--json"}, {"--gt=g", "--dt=d"}}) {
            assertEquals(null, CocoEvalCommand.plain(other), String.join(" ", other));
        }
    }
}
