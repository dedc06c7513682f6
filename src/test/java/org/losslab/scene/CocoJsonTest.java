package org.losslab.scene;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
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

    /** Each bad results file: its iou type, its text, and what the one-line message must hold. */
    @ParameterizedTest(name = "{2}")
    @CsvSource(delimiter = '|', textBlock = """
            BBOX | [{"image_id": 9, "category_id": 3, "score": 1, "bbox": [0, 0, 1, 1]}, {"image_id": 77, "category_id": 3, "score": 1, "bbox": [0, 0, 1, 1]}] | dt.json: result 1: image_id 77 is not an image of the ground truth
            BBOX | [{"image_id": 9, "category_id": 3, "bbox": [0, 0, 1, 1]}] | dt.json: result 0: score: missing
            SEGM | [{"image_id": 9, "category_id": 3, "score": 1, "segmentation": {"size": [20, 30], "counts": "a b"}}] | result 0: segmentation.counts: malformed RLE
            SEGM | [{"image_id": 9, "category_id": 3, "score": 1, "segmentation": {"size": [20, 30], "counts": [3, 4]}}] | result 0: segmentation: malformed RLE: its counts do not add up to 20 x 30
            SEGM | [{"image_id": 9, "category_id": 3, "score": 1, "bbox": [0, 0, 1, 1], "segmentation": [[1, 2, 3]]}] | result 0: segmentation[0]: malformed polygon: 3 numbers
            SEGM | [{"image_id": 9, "category_id": 3, "score": 1, "bbox": [0, 0, 1, 1], "segmentation": []}] | result 0: segmentation: malformed polygon: an empty list
            BBOX | [{"image_id": 9, "category_id": 3, "score": 1, "bbox": [0, 0, 1]}] | result 0: bbox: expected [x, y, width, height], got 3 numbers
            BBOX | [{"image_id": 9,,}] | dt.json: not valid JSON at byte 17: expected a field name
            """)
    void aBadResultIsOneLineNamingTheEntry(IouType type, String results, String expected) throws IOException {
        String message = failure(results, type);
        assertTrue(message.contains(expected), message);
    }

    @Test
    void aRepeatedAnnotationIdIsRefused() throws IOException {
        Path gt = file("gt2.json", GT.replace("\"id\": 8", "\"id\": 7"));
        Path dt = file("dt.json", "[]");
        SceneException e = assertThrows(SceneException.class, () -> CocoJson.read(gt, dt, IouType.BBOX));
        assertTrue(e.getMessage().contains("annotations (id 7): this id is given to two annotations"), e.getMessage());
    }
}
