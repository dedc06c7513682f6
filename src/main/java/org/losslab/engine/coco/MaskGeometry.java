package org.losslab.engine.coco;

/**
 * What loadRes derives from the masks of results given without a box, for many results at once on all cores:
 * each mask's area ({@code rleArea}) and, where asked, its box ({@code rleToBbox}). Each result is one row, so the
 * workers never write the same place.
 */
public final class MaskGeometry {
    private MaskGeometry() {
    }

    /**
     * For {@code count} pairs (row, 1 when its box comes from its mask else 0) in {@code pairs}: the row's area from
     * its mask and, when flagged, its box, on {@code threads} threads (0: every core).
     */
    public static void areasAndBoxes(CocoInstances rows, int[] pairs, int count, int threads) {
        int[] runs = rows.runs().array();
        Workers.forEach(count, Workers.threads(threads), 1024, () -> new double[4], (box, k) -> {
            int row = pairs[2 * k];
            int offset = rows.maskOffset(row);
            int length = rows.maskLength(row);
            rows.setArea(row, Rle.area(runs, offset, length));
            if (pairs[2 * k + 1] == 1) {
                Rle.toBbox(runs, offset, length, rows.maskHeight(row), rows.maskWidth(row), box, 0);
                rows.setBox(row, box[0], box[1], box[2], box[3]);
            }
        });
    }
}
