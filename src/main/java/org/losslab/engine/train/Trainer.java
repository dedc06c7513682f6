package org.losslab.engine.train;

import org.losslab.engine.EngineException;
import org.losslab.engine.Evaluation;
import org.losslab.engine.LossSpec;
import org.losslab.engine.Params;
import org.losslab.engine.seg.SegmentationData;

/**
 * Gradient descent of one model under one registry loss on a painted scene: each step evaluates the loss
 * and its analytic gradient at the model's logits, pulls the gradient back to the parameters and lets the
 * optimizer update them. Deterministic: the same scene, model and settings give the same run.
 */
public final class Trainer {
    private final SegmentationData scene;
    private final Model model;
    private final LossSpec<SegmentationData> spec;
    private final Params params;
    private Optimizer optimizer;
    private double[] theta;
    private final double[] logits;
    private final double[] gradient;
    private int steps;

    public Trainer(SegmentationData scene, Model model, Optimizer optimizer, LossSpec<SegmentationData> spec, Params params) {
        if (!spec.differentiable()) {
            throw new EngineException(spec.name() + " is a metric: it cannot be trained on");
        }
        if (!spec.appliesTo(scene)) {
            throw new EngineException(spec.name() + " " + spec.requirement());
        }
        this.scene = scene;
        this.model = model;
        this.spec = spec;
        this.params = params;
        this.optimizer = optimizer.fresh();
        this.theta = model.initial();
        this.logits = new double[scene.prediction().length];
        this.gradient = new double[theta.length];
        model.logits(theta, logits);
    }

    /** The scene with the model's current logits as its prediction (shares the logits array). */
    public SegmentationData current() {
        return scene.withPrediction(logits);
    }

    /** The loss at the current parameters. */
    public double loss() {
        return spec.evaluate(current(), params, false).value();
    }

    /** One update; returns the loss before it. */
    public double step() {
        Evaluation e = spec.evaluate(current(), params, true);
        double value = e.value();
        if (!Double.isFinite(value)) {
            throw new EngineException(spec.name() + " is not finite at step " + steps + "; lower the learning rate");
        }
        model.backward(theta, e.gradient().get("prediction"), gradient);
        optimizer.step(theta, gradient);
        model.logits(theta, logits);
        steps++;
        return value;
    }

    /** The loss's gradient dL/dz at the current logits. */
    public double[] logitGradient() {
        return spec.evaluate(current(), params, true).gradient().get("prediction");
    }

    public int steps() {
        return steps;
    }

    public double[] logits() {
        return logits.clone();
    }

    /** The model's parameters (for the pixel model: w_1 .. w_K, b). */
    public double[] parameters() {
        return theta.clone();
    }

    /** The parameters and the optimizer's state, to come back to. */
    public Checkpoint checkpoint() {
        return new Checkpoint(steps, theta.clone(), optimizer.copy());
    }

    public void restore(Checkpoint c) {
        steps = c.steps();
        theta = c.theta().clone();
        optimizer = c.optimizer().copy();
        model.logits(theta, logits);
    }

    /** A saved state of a run. */
    public record Checkpoint(int steps, double[] theta, Optimizer optimizer) {
    }
}
