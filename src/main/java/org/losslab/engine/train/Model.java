package org.losslab.engine.train;

/**
 * What a training run optimises: parameters theta that produce the logits z of the scene's prediction,
 * and the chain rule back from dL/dz to dL/dtheta.
 */
public interface Model {
    /** "logits" or "pixel". */
    String name();

    /** The starting parameters (a fresh copy). */
    double[] initial();

    /** The logits z(theta), C x H x W, into {@code out}. */
    void logits(double[] theta, double[] out);

    /** dL/dtheta from dL/dz, into {@code out}. */
    void backward(double[] theta, double[] dLdz, double[] out);
}
