package org.losslab.engine.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * AP on worked examples; every expected number is derived by hand in the comments. Boxes are unit
 * squares far apart, so a detection either sits exactly on a truth (IoU 1) or on nothing (IoU 0).
 */
class AveragePrecisionTest {
    private static double[] squares(int... positions) {
        double[] out = new double[4 * positions.length];
        for (int i = 0; i < positions.length; i++) {
            out[4 * i] = 10 * positions[i];
            out[4 * i + 1] = 0;
            out[4 * i + 2] = 10 * positions[i] + 1;
            out[4 * i + 3] = 1;
        }
        return out;
    }

    private static DetectionsData scene(int[] detectedAt, double[] scores, int[] truthAt) {
        return new DetectionsData(squares(detectedAt), scores, new int[detectedAt.length], squares(truthAt),
                new int[truthAt.length]);
    }

    private static double ap(DetectionsData d, AveragePrecision interpolation) {
        return DetectionMetric.meanAp(d, 0.5, interpolation);
    }

    @Test
    void aPerfectDetectorScoresOneEverywhere() {
        // three truths, three detections on them: precision 1 at recall 1/3, 2/3, 1 -> AP 1 by every rule
        DetectionsData d = scene(new int[] {0, 1, 2}, new double[] {0.9, 0.8, 0.7}, new int[] {0, 1, 2});
        for (AveragePrecision a : AveragePrecision.values()) {
            assertEquals(1.0, ap(d, a), 1e-12, a.key());
        }
    }

    @Test
    void aFalsePositiveRankedFirst() {
        // ranks: FP (0.9), TP (0.8), TP (0.7); two truths.
        // precision 0, 1/2, 2/3; recall 0, 1/2, 1; envelope 2/3, 2/3, 2/3.
        // all-point: (1/2 - 0) 2/3 + (1 - 1/2) 2/3 = 2/3.
        // VOC 11: the envelope is 2/3 at every recall level 0..1 -> 2/3.
        // COCO 101: every threshold 0..1 is reached at rank 0, 1 or 2, all with envelope 2/3 -> 2/3.
        DetectionsData d = scene(new int[] {5, 0, 1}, new double[] {0.9, 0.8, 0.7}, new int[] {0, 1});
        assertEquals(2.0 / 3, ap(d, AveragePrecision.ALL_POINT), 1e-12);
        assertEquals(2.0 / 3, ap(d, AveragePrecision.VOC11), 1e-12);
        assertEquals(2.0 / 3, ap(d, AveragePrecision.COCO101), 1e-12);
    }

    @Test
    void aMissedObject() {
        // two truths, one found: precision 1 at recall 1/2, recall never reaches more.
        // all-point: 1/2 x 1 = 1/2.
        // VOC 11: levels 0, .1, ..., .5 (6 of 11) have precision 1, levels .6 .. 1 have 0 -> 6/11.
        // COCO 101: thresholds 0, .01, ..., .50 (51 of 101) reached -> 51/101.
        DetectionsData d = scene(new int[] {0}, new double[] {0.9}, new int[] {0, 1});
        assertEquals(0.5, ap(d, AveragePrecision.ALL_POINT), 1e-12);
        assertEquals(6.0 / 11, ap(d, AveragePrecision.VOC11), 1e-12);
        assertEquals(51.0 / 101, ap(d, AveragePrecision.COCO101), 1e-12);
    }

    @Test
    void aDuplicateIsAFalsePositive() {
        // one truth, two detections on it: the higher-scored one matches, the duplicate is a FP.
        // precision 1, 1/2; recall 1, 1; envelope 1, 1/2 -> all-point 1 x 1 = 1, and VOC/COCO take
        // the first rank reaching each level, precision 1 -> 1.
        DetectionsData d = scene(new int[] {0, 0}, new double[] {0.9, 0.8}, new int[] {0});
        assertEquals(1.0, ap(d, AveragePrecision.ALL_POINT), 1e-12);
        assertEquals(1.0, ap(d, AveragePrecision.VOC11), 1e-12);
        DetectionMatching m = DetectionMatching.match(d, 0, 0.5);
        assertEquals(true, m.truePositive[0]);
        assertEquals(false, m.truePositive[1]);
    }

    @Test
    void aDuplicateRankedAboveAMatchLowersAp() {
        // truths A, B; ranks: on A (TP), on A again (FP), on B (TP).
        // precision 1, 1/2, 2/3; recall 1/2, 1/2, 1; envelope 1, 2/3, 2/3.
        // all-point: 1/2 x 1 + 0 + 1/2 x 2/3 = 5/6.
        // VOC 11: levels 0..0.5 -> 1 (6 levels), 0.6..1 -> 2/3 (5 levels): (6 + 10/3) / 11 = 28/33.
        DetectionsData d = scene(new int[] {0, 0, 1}, new double[] {0.9, 0.8, 0.7}, new int[] {0, 1});
        assertEquals(5.0 / 6, ap(d, AveragePrecision.ALL_POINT), 1e-12);
        assertEquals(28.0 / 33, ap(d, AveragePrecision.VOC11), 1e-12);
    }

    @Test
    void cocoMapAveragesOverIouThresholds() {
        // a detection [0,0,1,0.8] on truth [0,0,1,1] has IoU 0.8: a TP at thresholds .50 .. .80
        // (7 of 10), a FP above; with one truth, AP is 1 then 0 -> mAP 0.7.
        DetectionsData d = new DetectionsData(new double[] {0, 0, 1, 0.8}, new double[] {0.9}, new int[] {3},
                new double[] {0, 0, 1, 1}, new int[] {3});
        assertEquals(0.7, new DetectionMetric(true).evaluate(d, null, false).value(), 1e-12);
    }
}
