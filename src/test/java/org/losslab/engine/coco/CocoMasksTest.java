package org.losslab.engine.coco;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.losslab.scene.CocoJson;

/**
 * Masks as maskApi makes them: every object of the segm datasets (polygons of one or more parts, list and string
 * RLEs) read and rasterised here gives the same runs (compared as COCO's compressed string), area and toBbox as
 * the official pycocotools recorded after COCOeval's preparation (coco/masks/NAME.json, bench/coco/make_cases.py),
 * and each (image, category)'s IoU matrix equals COCOeval's digit for digit.
 */
class CocoMasksTest {
    static List<Path> records() throws IOException, URISyntaxException {
        Path folder = Path.of(CocoMasksTest.class.getResource("/coco/masks").toURI());
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(f -> f.toString().endsWith(".json")).sorted().toList();
        }
    }

    private static Path dataset(Path record) throws URISyntaxException {
        String name = record.getFileName().toString().replace(".json", "");
        String resource = name.startsWith("coco-") ? "/gold/v3/" + name : "/coco/cases/" + name;
        return Path.of(CocoMasksTest.class.getResource(resource + "/gt.json").toURI()).getParent();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("records")
    void masksAreasBoxesAndIousEqualMaskApis(Path recordFile) throws Exception {
        Path folder = dataset(recordFile);
        JsonNode record = new ObjectMapper().readTree(recordFile.toFile());
        CocoDataset data = CocoJson.read(folder.resolve("gt.json"), folder.resolve("dt.json"), IouType.SEGM);
        CocoInstances gts = data.groundTruth();
        CocoInstances dts = data.detections();
        java.util.Map<Long, Integer> gtRows = new java.util.HashMap<>();
        for (int i = 0; i < gts.size(); i++) {
            gtRows.put(gts.id(i), i);
        }
        int checked = 0;
        for (JsonNode object : record.get("gt")) {
            checkMask(gts, gtRows.get(object.get("id").asLong()), object);
            checked++;
        }
        for (JsonNode object : record.get("dt")) {
            checkMask(dts, object.get("id").asInt() - 1, object);
            checked++;
        }
        assertTrue(checked > 30, "objects checked: " + checked);
        double[] gtBoxes = CocoMatching.maskBoxes(gts, 2);
        double[] dtBoxes = CocoMatching.maskBoxes(dts, 2);
        int pairs = 0;
        for (JsonNode cell : record.get("ious")) {
            JsonNode dtIds = cell.get("dt_ids");
            JsonNode gtIds = cell.get("gt_ids");
            for (int d = 0; d < dtIds.size(); d++) {
                for (int g = 0; g < gtIds.size(); g++) {
                    double expected = cell.get("iou").get(d).get(g).asDouble();
                    double actual = CocoMatching.maskIou(dts, dtIds.get(d).asInt() - 1, dtBoxes,
                            gts, gtRows.get(gtIds.get(g).asLong()), gtBoxes);
                    assertEquals(expected, actual, 0.0, "IoU of result " + dtIds.get(d) + " and " + gtIds.get(g));
                    pairs++;
                }
            }
        }
        assertTrue(pairs > 20, "pairs checked: " + pairs);
    }

    private static void checkMask(CocoInstances rows, int row, JsonNode object) {
        String what = "object " + object.get("id");
        assertEquals(object.get("size").get(0).asInt(), rows.maskHeight(row), what);
        assertEquals(object.get("size").get(1).asInt(), rows.maskWidth(row), what);
        int[] runs = rows.runs().array();
        assertEquals(object.get("counts").asText(),
                Rle.toCompressedString(runs, rows.maskOffset(row), rows.maskLength(row)), what);
        assertEquals(object.get("area").asLong(), Rle.area(runs, rows.maskOffset(row), rows.maskLength(row)), what);
        double[] box = new double[4];
        Rle.toBbox(runs, rows.maskOffset(row), rows.maskLength(row), rows.maskHeight(row), rows.maskWidth(row), box, 0);
        for (int i = 0; i < 4; i++) {
            assertEquals(object.get("bbox").get(i).asDouble(), box[i], 0.0, what + " bbox[" + i + "]");
        }
    }

    /** A 3 x 3 mask worked by hand: column-major runs, area, box, and the string round trip. */
    @Test
    void aSmallMaskByHand() {
        // columns (x) of height 3: x=0 -> 0 1 1, x=1 -> 1 0 0, x=2 -> 0 0 0
        byte[] mask = {0, 1, 1, 1, 0, 0, 0, 0, 0};
        IntList runs = new IntList(4);
        int m = Rle.encode(mask, 3, 3, runs);
        assertArrayEquals(new int[] {1, 3, 5}, java.util.Arrays.copyOf(runs.array(), m));
        assertEquals(3, Rle.area(runs.array(), 0, m));
        double[] box = new double[4];
        Rle.toBbox(runs.array(), 0, m, 3, 3, box, 0);
        // the run crosses from column 0 to column 1, so maskApi's box spans the full height
        assertArrayEquals(new double[] {0, 0, 2, 3}, box);
        byte[] back = new byte[9];
        Rle.decode(runs.array(), 0, m, back);
        assertArrayEquals(mask, back);
        String text = Rle.toCompressedString(runs.array(), 0, m);
        IntList parsed = new IntList(4);
        char[] chars = text.toCharArray();
        assertEquals(m, Rle.fromString(chars, 0, chars.length, parsed));
        assertArrayEquals(java.util.Arrays.copyOf(runs.array(), m), java.util.Arrays.copyOf(parsed.array(), m));
    }

    /** Long runs and differences that go negative survive the string's 5-bit groups and sign bit. */
    @Test
    void compressedStringsRoundTripLargeAndShrinkingCounts() {
        int[] counts = {0, 5, 1_000_000, 3, 2, 70_000, 1, 1, 123_456_789};
        String text = Rle.toCompressedString(counts, 0, counts.length);
        IntList parsed = new IntList(4);
        assertEquals(counts.length, Rle.fromString(text.toCharArray(), 0, text.length(), parsed));
        assertArrayEquals(counts, java.util.Arrays.copyOf(parsed.array(), counts.length));
        assertEquals(-1, Rle.fromString("ab{".toCharArray(), 0, 3, new IntList(4)), "a character outside the alphabet");
        assertEquals(-1, Rle.fromString("0P".toCharArray(), 1, 1, new IntList(4)), "a number cut off");
    }
}
