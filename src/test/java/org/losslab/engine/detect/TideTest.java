package org.losslab.engine.detect;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.losslab.engine.detect.Tide.Error;

/**
 * TIDE on an image worked out by hand: one prediction of each error type, their labels, and the AP each
 * type costs (101-point AP per class; classes 1 and 2).
 */
class TideTest {

    @Test
    void everyErrorTypeAndWhatFixingItGains() {
        double[] truths = {0, 0, 10, 10, 50, 50, 60, 60, 100, 100, 110, 110, 200, 200, 210, 210};
        int[] truthLabels = {1, 1, 2, 1};
        double[] boxes = {
            0, 0, 10, 10, // D0 class 1: exactly G0, a true positive
            1, 0, 11, 10, // D1 class 1: IoU 0.82 with G0, already taken: duplicate
            55, 50, 65, 60, // D2 class 1: IoU 1/3 with G1: localisation
            100, 100, 110, 110, // D3 class 1 on G2 (class 2): classification
            300, 300, 310, 310, // D4 class 2, nowhere: background
            52, 50, 62, 60, // D5 class 2 on G1 (IoU 2/3): classification, but G1 is D2's to fix
            204, 200, 214, 210}; // D6 class 2 near G3 (class 1, IoU 0.43): both
        double[] scores = {0.9, 0.8, 0.7, 0.6, 0.5, 0.4, 0.3};
        int[] labels = {1, 1, 1, 1, 2, 2, 2};
        Tide.Result r = Tide.of(new DetectionsData(boxes, scores, labels, truths, truthLabels));
        assertArrayEquals(new Error[] {null, Error.DUPE, Error.LOC, Error.CLS, Error.BKG, Error.CLS, Error.BOTH}, r.errors());
        assertArrayEquals(new boolean[] {false, false, false, true}, r.missed(), "G3 was found by no one, not even wrongly");
        // class 1: TP at recall 1/3 with precision 1, so 34 of the 101 recall points; class 2: no TP
        assertEquals(17.0 / 101, r.ap(), 1e-12);
        // fixing D2 gives class 1 a second TP at rank 3 (recall 2/3, precision 2/3)
        assertEquals(11.0 / 101, r.deltaAp().get(Error.LOC), 1e-12);
        // fixing D3 makes it class 2's top-ranked TP (AP 1); D5 is suppressed: G1 is fixed by D2
        assertEquals(0.5, r.deltaAp().get(Error.CLS), 1e-12);
        assertEquals(0.0, r.deltaAp().get(Error.DUPE), 0.0, "D1 ranks below class 1's only TP");
        assertEquals(0.0, r.deltaAp().get(Error.BKG), 0.0);
        assertEquals(0.0, r.deltaAp().get(Error.BOTH), 0.0);
        // without G3 class 1 has 2 objects: recall 1/2 at precision 1, 51 points
        assertEquals(8.5 / 101, r.deltaAp().get(Error.MISS), 1e-12);
        assertEquals(2, r.count(Error.CLS));
        assertEquals(1, r.count(Error.MISS));
    }

    @Test
    void anImageWithoutObjectsMakesEveryDetectionBackground() {
        Tide.Result r = Tide.of(new DetectionsData(new double[] {0, 0, 5, 5}, new double[] {0.7}, new int[] {3},
                new double[0], new int[0]));
        assertArrayEquals(new Error[] {Error.BKG}, r.errors());
        assertEquals(0.0, r.ap(), 0.0);
    }
}
