package org.losslab.app.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.losslab.engine.maps.MapKind;
import org.losslab.engine.maps.PixelReadout;
import org.losslab.engine.seg.SegMode;
import org.losslab.engine.seg.SegmentationData;

/** A colour bar that does not hold every value says so, with the values' true extremes (issue 22, item 10). */
class ClippedColorBarTest {
    @Test
    void aFewLargeValuesSaturateAndTheBarSaysHowFarTheyGo() {
        // 10,000 pixels near 1e-7 in magnitude and a rim of 20 at -1.5e-5: the colours span the bulk, the rim saturates
        int n = 100 * 100;
        double[] values = new double[n];
        for (int i = 0; i < n; i++) {
            values[i] = (i % 2 == 0 ? 1 : -1) * 3.5e-7 * ((i % 7) + 1) / 7;
        }
        for (int i = 0; i < 20; i++) {
            values[i * 37] = -1.5e-5;
        }
        MapImage image = MapImage.of(MapKind.parse("grad-ce"), 100, 100, values, 0);
        assertTrue(image.clippedLow(), "the rim lies below the bar's range " + image.low());
        assertEquals(-1.5e-5, image.dataLow(), 0.0);
        assertTrue(ColorBar.clipping(image).contains(ColorBar.format(-1.5e-5)), ColorBar.clipping(image));
    }

    @Test
    void aBarThatHoldsEveryValueSaysNothingMore() {
        // the top 1% of the values tie at the maximum: the 99.5th percentile the colours span is the maximum itself
        double[] values = new double[100];
        for (int i = 0; i < 100; i++) {
            values[i] = Math.min(1, i / 95.0);
        }
        MapImage image = MapImage.of(MapKind.parse("ce"), 10, 10, values, 0);
        assertFalse(image.clippedLow() || image.clippedHigh());
        assertEquals("", ColorBar.clipping(image));
        MapImage locked = MapImage.of(MapKind.parse("ce"), 10, 10, values, 0, new int[100], new double[] {0, 0.5});
        assertTrue(locked.clippedHigh(), "a locked range that the values outgrow is clipped too");
    }

    @Test
    void theReadOutGivesTheShownMapsValueOnBinaryScenesToo() {
        SegmentationData d = new SegmentationData(SegMode.BINARY, 1, 1, 2, new double[] {2, -1}, new int[] {1, 0});
        double[] plane = {-0.119, 0.269};
        var readings = PixelReadout.at(d, 0, 1, new double[6], 2, null, MapKind.parse("grad-ce"), plane);
        assertTrue(readings.stream().anyMatch(r -> r.name().equals("grad-ce") && r.value() == 0.269), readings.toString());
    }
}
