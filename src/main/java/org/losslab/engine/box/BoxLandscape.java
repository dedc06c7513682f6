package org.losslab.engine.box;

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
        double[] xs = new double[columns];
        double[] ys = new double[rows];
        for (int c = 0; c < columns; c++) {
            xs[c] = x0 + (x1 - x0) * (c + 0.5) / columns;
        }
        for (int r = 0; r < rows; r++) {
            ys[r] = y0 + (y1 - y0) * (r + 0.5) / rows;
        }
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
}
