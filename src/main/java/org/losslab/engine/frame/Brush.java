package org.losslab.engine.frame;

/**
 * A round soft brush that paints a probability into a logit map: inside radius x hardness it sets the
 * probability, towards the rim it blends with what was there (feathering). Probabilities are kept in
 * [1e-6, 1 - 1e-6] so that logits stay finite.
 */
public final class Brush {
    private static final double LIMIT = 1e-6;

    private Brush() {
    }

    /**
     * Paints one dab; returns the changed box {y0, y1, x0, x1} (end exclusive), empty when the dab is
     * off the image.
     */
    public static int[] dab(double[] logits, int height, int width, double cy, double cx, double radius,
                            double probability, double hardness) {
        int y0 = Math.max(0, (int) Math.floor(cy - radius));
        int y1 = Math.min(height, (int) Math.ceil(cy + radius) + 1);
        int x0 = Math.max(0, (int) Math.floor(cx - radius));
        int x1 = Math.min(width, (int) Math.ceil(cx + radius) + 1);
        double p = Math.min(1 - LIMIT, Math.max(LIMIT, probability));
        double soft = Math.max(1e-9, radius * (1 - hardness));
        for (int y = y0; y < y1; y++) {
            for (int x = x0; x < x1; x++) {
                double d = Math.hypot(y - cy, x - cx);
                if (d > radius) {
                    continue;
                }
                double weight = Math.min(1, (radius - d) / soft);
                int i = y * width + x;
                double old = 1 / (1 + Math.exp(-logits[i]));
                double blended = (1 - weight) * old + weight * p;
                blended = Math.min(1 - LIMIT, Math.max(LIMIT, blended));
                logits[i] = Math.log(blended) - Math.log1p(-blended);
            }
        }
        return new int[] {y0, y1, x0, x1};
    }
}
