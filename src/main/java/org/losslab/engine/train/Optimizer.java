package org.losslab.engine.train;

import java.util.Locale;
import org.losslab.engine.EngineException;

/**
 * PyTorch's SGD (no momentum) and Adam (betas 0.9 / 0.999, eps 1e-8, with bias correction), in the order
 * of operations of torch.optim's single-tensor implementations, so that a run follows PyTorch's in float64.
 */
public final class Optimizer {
    private static final double BETA1 = 0.9;
    private static final double BETA2 = 0.999;
    private static final double EPS = 1e-8;

    private final boolean adam;
    private final double rate;
    private double[] m;
    private double[] v;
    private int steps;

    private Optimizer(boolean adam, double rate) {
        if (!(rate > 0) || !Double.isFinite(rate)) {
            throw new EngineException("the learning rate must be a positive number, got " + rate);
        }
        this.adam = adam;
        this.rate = rate;
    }

    /** "sgd" or "adam". */
    public static Optimizer of(String name, double rate) {
        switch (name.toLowerCase(Locale.ROOT)) {
            case "sgd":
                return new Optimizer(false, rate);
            case "adam":
                return new Optimizer(true, rate);
            default:
                throw new EngineException("unknown optimizer '" + name + "' (known: sgd, adam)");
        }
    }

    public String name() {
        return adam ? "adam" : "sgd";
    }

    public double rate() {
        return rate;
    }

    /** A fresh optimizer with the same settings (no moments). */
    public Optimizer fresh() {
        return new Optimizer(adam, rate);
    }

    /** A copy with its moments, for checkpoints. */
    public Optimizer copy() {
        Optimizer o = new Optimizer(adam, rate);
        o.m = m == null ? null : m.clone();
        o.v = v == null ? null : v.clone();
        o.steps = steps;
        return o;
    }

    /** One update of theta in place. */
    public void step(double[] theta, double[] gradient) {
        steps++;
        if (!adam) {
            for (int i = 0; i < theta.length; i++) {
                theta[i] = theta[i] + -rate * gradient[i];
            }
            return;
        }
        if (m == null) {
            m = new double[theta.length];
            v = new double[theta.length];
        }
        double correction1 = 1 - Math.pow(BETA1, steps);
        double correction2 = 1 - Math.pow(BETA2, steps);
        double stepSize = rate / correction1;
        double correction2Root = Math.sqrt(correction2);
        for (int i = 0; i < theta.length; i++) {
            double g = gradient[i];
            m[i] = m[i] * BETA1 + (1 - BETA1) * g;
            v[i] = v[i] * BETA2 + (1 - BETA2) * g * g;
            double denominator = Math.sqrt(v[i]) / correction2Root + EPS;
            theta[i] = theta[i] + -stepSize * (m[i] / denominator);
        }
    }
}
