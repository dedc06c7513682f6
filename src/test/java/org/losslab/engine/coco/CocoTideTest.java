package org.losslab.engine.coco;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.losslab.engine.detect.DetectionsData;
import org.losslab.engine.detect.Tide;
import org.losslab.engine.detect.Tide.Error;

/**
 * TIDE over a dataset: on one image it is the per-scene TIDE; over several images the curve of a category pools
 * them (hand-worked below); crowd regions are no objects and the detections on them are ignored; the images' cost.
 */
class CocoTideTest {

    /** A dataset of {@code images} images and 3 categories from boxes given as corners. */
    private static final class Builder {
        final CocoInstances gt = new CocoInstances();
        final CocoInstances dt = new CocoInstances();
        final int images;

        Builder(int images) {
            this.images = images;
        }

        Builder truth(int image, int category, boolean crowd, double x1, double y1, double x2, double y2) {
            gt.add(image, category, gt.size() + 1, 0, (x2 - x1) * (y2 - y1), crowd, x1, y1, x2 - x1, y2 - y1);
            return this;
        }

        Builder detection(int image, int category, double score, double x1, double y1, double x2, double y2) {
            dt.add(image, category, dt.size() + 1, score, (x2 - x1) * (y2 - y1), false, x1, y1, x2 - x1, y2 - y1);
            return this;
        }

        CocoTide tide() {
            long[] ids = new long[images];
            for (int i = 0; i < images; i++) {
                ids[i] = i + 1;
            }
            return CocoTide.run(new CocoDataset(ids, new long[] {1, 2, 3}, gt, dt), 2);
        }
    }

    @Test
    void onOneImageItIsThePerSceneTide() {
        // TideTest's scene: one error of each type
        double[] truths = {0, 0, 10, 10, 50, 50, 60, 60, 100, 100, 110, 110, 200, 200, 210, 210};
        int[] truthLabels = {1, 1, 2, 1};
        double[] boxes = {0, 0, 10, 10, 1, 0, 11, 10, 55, 50, 65, 60, 100, 100, 110, 110, 300, 300, 310, 310,
            52, 50, 62, 60, 204, 200, 214, 210};
        double[] scores = {0.9, 0.8, 0.7, 0.6, 0.5, 0.4, 0.3};
        int[] labels = {1, 1, 1, 1, 2, 2, 2};
        Tide.Result scene = Tide.of(new DetectionsData(boxes, scores, labels, truths, truthLabels));
        Builder b = new Builder(1);
        for (int j = 0; j < truthLabels.length; j++) {
            b.truth(0, truthLabels[j], false, truths[4 * j], truths[4 * j + 1], truths[4 * j + 2], truths[4 * j + 3]);
        }
        for (int i = 0; i < scores.length; i++) {
            b.detection(0, labels[i], scores[i], boxes[4 * i], boxes[4 * i + 1], boxes[4 * i + 2], boxes[4 * i + 3]);
        }
        CocoTide tide = b.tide();
        assertArrayEquals(scene.errors(), tide.image(0).verdicts().errors());
        assertArrayEquals(scene.missed(), tide.image(0).verdicts().missed());
        assertEquals(scene.ap(), tide.ap(), 1e-15);
        for (Error e : Error.values()) {
            assertEquals(scene.deltaAp().get(e), tide.gain(e), 1e-15, e.name());
            assertEquals(scene.count(e), tide.count(e), e.name());
        }
    }

    @Test
    void theCurveOfACategoryPoolsTheImages() {
        // image 0: object a found (0.9); image 1: object b only roughly found (0.8, IoU 1/3) and a false alarm at 0.95
        CocoTide tide = new Builder(2)
                .truth(0, 0, false, 0, 0, 10, 10).detection(0, 0, 0.9, 0, 0, 10, 10)
                .truth(1, 0, false, 50, 50, 60, 60).detection(1, 0, 0.8, 55, 50, 65, 60)
                .detection(1, 0, 0.95, 200, 200, 220, 220).tide();
        // pooled ranks: F (0.95), T (0.9), F (0.8): precision 0, 1/2, 1/3 at recall 0, 1/2, 1/2; envelope 1/2 up to
        // recall 1/2: 51 of 101 points at 1/2 (one image alone would have AP 1)
        assertEquals(25.5 / 101, tide.ap(), 1e-12);
        // Loc fixed: F, T, T: precision 0, 1/2, 2/3, recall reaches 1: every point at 2/3
        assertEquals(2.0 / 3 - 25.5 / 101, tide.gain(Error.LOC), 1e-12);
        // Bkg fixed: T, F: precision 1 up to recall 1/2
        assertEquals(51.0 / 101 - 25.5 / 101, tide.gain(Error.BKG), 1e-12);
        assertEquals(0.0, tide.gain(Error.MISS), 0.0, "b was found, if badly: no miss");
        assertEquals(1, tide.count(Error.LOC));
        assertEquals(1, tide.count(Error.BKG));

        ImageCost cost = ImageCost.of(tide);
        assertEquals(0.0, cost.cost(0), 0.0);
        // two false positives (0.95 + 0.8) and b without a true positive (1)
        assertEquals(2.75, cost.cost(1), 1e-12);
        assertEquals(1, cost.ranked(0));
        assertEquals(2, cost.falsePositives(1));
        assertEquals(1, cost.misses(1));
    }

    @Test
    void aDetectionOnACrowdOfItsCategoryIsIgnored() {
        CocoTide tide = new Builder(1)
                .truth(0, 0, false, 0, 0, 10, 10).detection(0, 0, 0.9, 0, 0, 10, 10)
                .truth(0, 0, true, 100, 100, 200, 200)
                .detection(0, 0, 0.8, 110, 110, 130, 150) // inside the crowd: ignored
                .detection(0, 1, 0.7, 110, 110, 130, 150) // another category: background
                .detection(0, 0, 0.6, 190, 190, 230, 230) // a quarter on the crowd: background
                .tide();
        CocoTide.Image image = tide.image(0);
        assertArrayEquals(new int[] {1}, image.ignoredRows());
        assertArrayEquals(new int[] {0, 2, 3}, image.dtRows());
        assertArrayEquals(new int[] {0}, image.gtRows(), "the crowd is not an object to find");
        assertArrayEquals(new Error[] {null, Error.BKG, Error.BKG}, image.verdicts().errors());
        assertEquals(0, tide.count(Error.MISS));
        // category 0: T then F: AP 1; category 1: a detection and no object: 0
        assertEquals(0.5, tide.ap(), 1e-12);
        assertEquals(0.7 + 0.6, ImageCost.of(tide).cost(0), 1e-12);
    }

    @Test
    void atMostAHundredDetectionsAnImage() {
        Builder b = new Builder(1).truth(0, 0, false, 0, 0, 10, 10);
        for (int i = 0; i < 120; i++) {
            b.detection(0, 0, 0.5 + i / 1000.0, 20 + i, 20, 30 + i, 30);
        }
        CocoTide.Image image = b.tide().image(0);
        assertEquals(100, image.dtRows().length);
        assertEquals(119, image.dtRows()[0], "the highest score first");
        assertEquals(20, image.dtRows()[99], "the 20 lowest dropped");
    }
}
