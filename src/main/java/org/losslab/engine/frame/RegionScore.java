package org.losslab.engine.frame;

/**
 * A Tversky-type loss on binary soft counts, with the two per-pixel gradient factors it implies:
 * dL/dp is {@code positive} on target pixels and {@code negative} on background pixels, so the whole
 * gradient map is p (1 - p) times one of two numbers. Same formula and eps as the registry's losses.
 */
final class RegionScore {
    static final double EPS = 1e-7;

    final double value;
    final double positive;
    final double negative;

    RegionScore(double tp, double fp, double fn, double truth, double alpha, double beta) {
        double raw = tp + alpha * fp + beta * fn;
        double den = Math.max(raw, EPS);
        if (truth == 0) {
            // smp: a class absent from the target contributes nothing
            value = 0;
            positive = 0;
            negative = 0;
            return;
        }
        value = 1 - tp / den;
        boolean clamped = raw < EPS;
        positive = -(den - tp * (clamped ? 0 : 1 - beta)) / (den * den);
        negative = tp * (clamped ? 0 : alpha) / (den * den);
    }
}
