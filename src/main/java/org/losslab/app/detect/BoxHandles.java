package org.losslab.app.detect;

/** A box's eight handles on the canvas and what dragging one does to the box. */
final class BoxHandles {
    private BoxHandles() {
    }

    /** Resizing by handle k: 0..3 corners (TL, TR, BR, BL), 4..7 edges (T, R, B, L). */
    static DetBox resized(DetBox b, int k, double x, double y, boolean keepAspect) {
        double x1 = b.x1();
        double y1 = b.y1();
        double x2 = b.x2();
        double y2 = b.y2();
        switch (k) {
            case 0 -> { x1 = x; y1 = y; }
            case 1 -> { x2 = x; y1 = y; }
            case 2 -> { x2 = x; y2 = y; }
            case 3 -> { x1 = x; y2 = y; }
            case 4 -> y1 = y;
            case 5 -> x2 = x;
            case 6 -> y2 = y;
            default -> x1 = x;
        }
        if (keepAspect && k < 4) {
            double ratio = b.width() / b.height();
            double w = Math.abs(x2 - x1);
            double h = w / ratio;
            if (k == 0 || k == 1) {
                y1 = y2 - h;
            } else {
                y2 = y1 + h;
            }
        }
        return new DetBox(x1, y1, x2, y2, b.label(), b.score()).normalised();
    }

    /** The handles' canvas positions at scale {@code s}: corners TL, TR, BR, BL, then edges T, R, B, L. */
    static double[][] of(DetBox b, double s) {
        double x1 = b.x1() * s;
        double y1 = b.y1() * s;
        double x2 = b.x2() * s;
        double y2 = b.y2() * s;
        double mx = (x1 + x2) / 2;
        double my = (y1 + y2) / 2;
        return new double[][] {{x1, y1}, {x2, y1}, {x2, y2}, {x1, y2}, {mx, y1}, {x2, my}, {mx, y2}, {x1, my}};
    }
}
