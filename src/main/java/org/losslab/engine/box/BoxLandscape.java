package org.losslab.engine.box;

import org.losslab.engine.LossSpec;
import org.losslab.engine.Params;

/**
 * A box loss over the position of the predicted box's centre (its size fixed), on a grid over an
 * area, with the gradient with respect to the centre (the sum of the corners' gradients): the data of
 * the loss-landscape view.
 *
 * @param xs      the centre x of each column
 * @param ys      the centre y of each row
 * @param values  the loss at each grid point, row-major (rows = ys)
 * @param gradX   dL/dcx at each grid point
 * @param gradY   dL/dcy at each grid point
 */
public record BoxLandscape(double[] xs, double[] ys, double[] values, double[] gradX, double[] gradY) {

    /** Evaluates one IoU-family loss (or smooth L1 with beta) on a grid of columns x rows over [x0, x1] x [y0, y1]. */
    public static BoxLandscape compute(IouFamilyLoss.Variant variant, double[] predicted, double[] target, double x0,
                                       double x1, double y0, double y1, int columns, int rows, double eps) {
        double w = predicted[2] - predicted[0];
        double h = predicted[3] - predicted[1];
        double[] xs = cellCentres(x0, x1, columns);
        double[] ys = cellCentres(y0, y1, rows);
        double[] values = new double[rows * columns];
        double[] gx = new double[rows * columns];
        double[] gy = new double[rows * columns];
        double[] box = new double[4];
        double[] g = new double[4];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < columns; c++) {
                box[0] = xs[c] - w / 2;
                box[1] = ys[r] - h / 2;
                box[2] = xs[c] + w / 2;
                box[3] = ys[r] + h / 2;
                int k = r * columns + c;
                values[k] = IouFamilyLoss.pair(variant, box, target, 0, eps, g);
                gx[k] = g[0] + g[2];
                gy[k] = g[1] + g[3];
            }
        }
        return new BoxLandscape(xs, ys, values, gx, gy);
    }

    /**
     * Any registry box loss with the given parameters over the same grid: one evaluation of all grid boxes at once
     * (reduction "none" for the values; "sum" for the gradients, which leaves each box its own gradient).
     */
    public static BoxLandscape compute(LossSpec<BoxPairs> spec, Params params,
                                       double[] predicted, double[] target, double x0, double x1, double y0, double y1,
                                       int columns, int rows) {
        double w = predicted[2] - predicted[0];
        double h = predicted[3] - predicted[1];
        double[] xs = cellCentres(x0, x1, columns);
        double[] ys = cellCentres(y0, y1, rows);
        int n = rows * columns;
        double[] boxes = new double[4 * n];
        double[] targets = new double[4 * n];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < columns; c++) {
                int k = 4 * (r * columns + c);
                boxes[k] = xs[c] - w / 2;
                boxes[k + 1] = ys[r] - h / 2;
                boxes[k + 2] = xs[c] + w / 2;
                boxes[k + 3] = ys[r] + h / 2;
                System.arraycopy(target, 0, targets, k, 4);
            }
        }
        BoxPairs grid = new BoxPairs(boxes, targets);
        double[] elements = spec.evaluate(grid, params.with(spec.name(), spec.params(), "reduction", "none"), false).values();
        double[] g = spec.evaluate(grid, params.with(spec.name(), spec.params(), "reduction", "sum"), true)
                .gradient().get("predicted");
        // one element per box (the IoU family) or per coordinate (smooth L1): a cell is the loss of its one box as the
        // entry reduces it, "sum" adding its elements and "mean" averaging them
        int perBox = elements.length / n;
        double scale = "sum".equals(params.choice("reduction")) ? 1 : 1.0 / perBox;
        double[] values = new double[n];
        double[] gx = new double[n];
        double[] gy = new double[n];
        for (int k = 0; k < n; k++) {
            for (int e = 0; e < perBox; e++) {
                values[k] += elements[k * perBox + e] * scale;
            }
            gx[k] = (g[4 * k] + g[4 * k + 2]) * scale;
            gy[k] = (g[4 * k + 1] + g[4 * k + 3]) * scale;
        }
        return new BoxLandscape(xs, ys, values, gx, gy);
    }

    /** The centres of {@code cells} equal cells over [from, to]. */
    private static double[] cellCentres(double from, double to, int cells) {
        double[] out = new double[cells];
        for (int c = 0; c < cells; c++) {
            out[c] = from + (to - from) * (c + 0.5) / cells;
        }
        return out;
    }
}
