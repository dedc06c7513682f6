package org.losslab.engine.train;

import java.util.List;
import org.losslab.engine.EngineException;
import org.losslab.engine.seg.SegmentationData;

/**
 * A loss over the two parameters (w, b) of a one-feature pixel model, z = w x + b, on a grid: the surface
 * the optimiser walks on. Each loss has its own: cross-entropy's is a smooth bowl, the region losses' are
 * flat far from the object and steep near the decision that separates it.
 *
 * @param w      the grid's weights (columns)
 * @param b      the grid's biases (rows)
 * @param values loss at (b[r], w[c]), row-major
 */
public record LossLandscape(double[] w, double[] b, double[] values) {

    /** Whether a landscape is drawn for this model: the pixel model on one feature (two parameters). */
    public static boolean draws(Model model) {
        return model instanceof PixelModel pixel && pixel.features() == 1;
    }

    /** The landscape of one contestant of a pixel-model session, around its path so far. */
    public static LossLandscape of(TrainingSession session, int contestant, int steps, int size) {
        if (!draws(session.model())) {
            throw new EngineException("the landscape is drawn for the pixel model on one feature (two parameters, w and b)");
        }
        List<double[]> path = session.path(contestant, steps);
        double wMin = Double.POSITIVE_INFINITY;
        double wMax = Double.NEGATIVE_INFINITY;
        double bMin = Double.POSITIVE_INFINITY;
        double bMax = Double.NEGATIVE_INFINITY;
        for (double[] theta : path) {
            wMin = Math.min(wMin, theta[0]);
            wMax = Math.max(wMax, theta[0]);
            bMin = Math.min(bMin, theta[1]);
            bMax = Math.max(bMax, theta[1]);
        }
        // the path with room around it, and never less than a window of 4 x 4
        double wMid = (wMin + wMax) / 2;
        double bMid = (bMin + bMax) / 2;
        double wHalf = Math.max(2, 0.75 * (wMax - wMin));
        double bHalf = Math.max(2, 0.75 * (bMax - bMin));
        double[] w = grid(wMid - wHalf, wMid + wHalf, size);
        double[] b = grid(bMid - bHalf, bMid + bHalf, size);
        TrainingSession.Contestant c = session.contestants().get(contestant);
        SegmentationData scene = session.scene();
        double[] z = new double[scene.pixels()];
        double[] values = new double[size * size];
        for (int r = 0; r < size; r++) {
            for (int col = 0; col < size; col++) {
                session.model().logits(new double[] {w[col], b[r]}, z);
                values[r * size + col] = c.spec().evaluate(scene.withPrediction(z), c.params(), false).value();
            }
        }
        return new LossLandscape(w, b, values);
    }

    private static double[] grid(double from, double to, int n) {
        double[] out = new double[n];
        for (int k = 0; k < n; k++) {
            out[k] = from + (to - from) * k / (n - 1);
        }
        return out;
    }
}
