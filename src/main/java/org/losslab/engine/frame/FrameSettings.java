package org.losslab.engine.frame;

/**
 * What the live frame computes: the focal gamma, the Tversky weights and the Boundary IoU band ratio.
 * Dice and Jaccard are smp's defaults (smooth 0, eps 1e-7), like the registry's.
 */
public record FrameSettings(double focalGamma, double tverskyAlpha, double tverskyBeta, double dilationRatio) {
    public static FrameSettings standard() {
        return new FrameSettings(2.0, 0.3, 0.7, 0.02);
    }
}
