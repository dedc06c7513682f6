package org.losslab.scene;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.losslab.engine.coco.CocoDataset;
import org.losslab.engine.coco.IouType;

/** The COCO readers: pycocotools' loading rules, and one line naming the file and entry for each bad input. */
class CocoJsonTest {
    private static final String GT = """
            {"annotations": [
              {"id": 7, "image_id": 2, "category_id": 3, "area": 100, "iscrowd": 0, "bbox": [1, 2, 10, 10],
               "segmentation": [[1, 2, 11, 2, 11, 12, 1, 12]]},
              {"id": 8, "image_id": 9, "category_id": 3, "area": 5, "iscrowd": 0, "bbox": [0, 0, 1, 1],
               "segmentation": {"size": [20, 30], "counts": [3, 4, 593]}}],
             "images": [{"id": 9, "height": 20, "width": 30}, {"id": 2, "height": 20, "width": 30}],
             "categories": [{"id": 5}, {"id": 3}]}
            """;

    @TempDir
    Path dir;

    private Path file(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text);
    }

    private String failure(String results, IouType type) throws IOException {
        Path gt = file("gt.json", GT);
        Path dt = file("dt.json", results);
        SceneException e = assertThrows(SceneException.class, () -> CocoJson.read(gt, dt, type));
        assertTrue(!e.getMessage().contains("\n"), "one line: " + e.getMessage());
        return e.getMessage();
    }

    @Test
    void readsImagesAndCategoriesSortedAndMasksAfterTheImagesAreKnown() throws IOException {
        Path gt = file("gt.json", GT);
        Path dt = file("dt.json", "[{\"image_id\": 9, \"category_id\": 4, \"score\": 0.5, \"bbox\": [0, 0, 4, 2]}]");
        CocoDataset data = CocoJson.read(gt, dt, IouType.SEGM);
        assertEquals(2, data.imageIds()[0]);
        assertEquals(9, data.imageIds()[1]);
        assertEquals(3, data.categoryIds()[0]);
        assertEquals(0, data.groundTruth().image(0));
        assertEquals(-1, data.detections().category(0), "a category the ground truth does not list is not evaluated");
        assertEquals(8.0, data.detections().area(0), "a result with a box has the area w * h");
        assertTrue(data.detections().hasMask(0), "and, for segm, the box's rectangle as its mask");
        assertEquals(1, data.detections().id(0));
    }

    @Test
    void aResultOnAnImageTheGroundTruthLacksIsNamed() throws IOException {
        String message = failure("[{\"image_id\": 9, \"category_id\": 3, \"score\": 1, \"bbox\": [0, 0, 1, 1]},"
                + "{\"image_id\": 77, \"category_id\": 3, \"score\": 1, \"bbox\": [0, 0, 1, 1]}]", IouType.BBOX);
        assertTrue(message.endsWith("dt.json: result 1: image_id 77 is not an image of the ground truth"), message);
    }

    @Test
    void aMissingScoreIsNamed() throws IOException {
        String message = failure("[{\"image_id\": 9, \"category_id\": 3, \"bbox\": [0, 0, 1, 1]}]", IouType.BBOX);
        assertTrue(message.endsWith("dt.json: result 0: score: missing"), message);
    }

    @Test
    void malformedRlesAreNamed() throws IOException {
        String bad = failure("[{\"image_id\": 9, \"category_id\": 3, \"score\": 1,"
                + " \"segmentation\": {\"size\": [20, 30], \"counts\": \"a b\"}}]", IouType.SEGM);
        assertTrue(bad.contains("result 0: segmentation.counts: malformed RLE"), bad);
        String shortCounts = failure("[{\"image_id\": 9, \"category_id\": 3, \"score\": 1,"
                + " \"segmentation\": {\"size\": [20, 30], \"counts\": [3, 4]}}]", IouType.SEGM);
        assertTrue(shortCounts.contains("result 0: segmentation: malformed RLE: its counts do not add up to 20 x 30"),
                shortCounts);
    }

    @Test
    void malformedPolygonsAreNamed() throws IOException {
        String message = failure("[{\"image_id\": 9, \"category_id\": 3, \"score\": 1, \"bbox\": [0, 0, 1, 1],"
                + " \"segmentation\": [[1, 2, 3]]}]", IouType.SEGM);
        assertTrue(message.contains("result 0: segmentation[0]: malformed polygon: 3 numbers"), message);
        String empty = failure("[{\"image_id\": 9, \"category_id\": 3, \"score\": 1, \"bbox\": [0, 0, 1, 1],"
                + " \"segmentation\": []}]", IouType.SEGM);
        assertTrue(empty.contains("malformed polygon: an empty list"), empty);
    }

    @Test
    void brokenJsonSaysWhere() throws IOException {
        String message = failure("[{\"image_id\": 9,,}]", IouType.BBOX);
        assertTrue(message.contains("dt.json: not valid JSON at byte 17: expected a field name"), message);
    }

    @Test
    void aRepeatedAnnotationIdIsRefused() throws IOException {
        Path gt = file("gt2.json", GT.replace("\"id\": 8", "\"id\": 7"));
        Path dt = file("dt.json", "[]");
        SceneException e = assertThrows(SceneException.class, () -> CocoJson.read(gt, dt, IouType.BBOX));
        assertTrue(e.getMessage().contains("annotations (id 7): this id is given to two annotations"), e.getMessage());
    }
}
