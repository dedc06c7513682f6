package org.losslab.app.detect;

/** A box on the detection canvas: corners (x1, y1, x2, y2), class label and (for predictions) score. */
public record DetBox(double x1, double y1, double x2, double y2, int label, double score) {

    public DetBox normalised() {
        return new DetBox(Math.min(x1, x2), Math.min(y1, y2), Math.max(x1, x2), Math.max(y1, y2), label, score);
    }

    public DetBox moved(double dx, double dy) {
        return new DetBox(x1 + dx, y1 + dy, x2 + dx, y2 + dy, label, score);
    }

    public DetBox withScore(double s) {
        return new DetBox(x1, y1, x2, y2, label, s);
    }

    public double width() {
        return x2 - x1;
    }

    public double height() {
        return y2 - y1;
    }

    public double[] corners() {
        return new double[] {x1, y1, x2, y2};
    }

    public boolean contains(double x, double y) {
        return x >= x1 && x <= x2 && y >= y1 && y <= y2;
    }
}
