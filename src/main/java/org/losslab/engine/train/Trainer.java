package org.losslab.engine.train;

import java.util.Map;
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

    /** The metrics of {@link StepMetrics} at the current logits, leaving out the pixels the loss ignores. */
    public Map<String, Double> stepMetrics() {
        Object ignore = params.asMap().get("ignore_index");
        return StepMetrics.of(current(), ignore instanceof Long index ? index : null);
    }

    /** One update; returns the loss before it. */
    public double step() {
        Evaluation e = spec.evaluate(current(), params, true);
        double value = e.value();
        double[] dLdz = e.gradient().get("prediction");
        if (!Double.isFinite(value) || !allFinite(dLdz)) {
            throw new EngineException(notFinite(Double.isFinite(value) ? "its gradient" : "its value (" + value + ")"));
        }
        model.backward(theta, dLdz, gradient);
        optimizer.step(theta, gradient);
        model.logits(theta, logits);
        steps++;
        return value;
    }

    /**
     * Why the run stops: before any update the cause is the scene and the parameters (eval gives the same),
     * which no learning rate changes; after updates, the run diverged.
     */
    private String notFinite(String what) {
        if (steps == 0) {
            return spec.name() + ": " + what + " is not finite at the start, before any update: the scene's prediction "
                    + "with these parameters makes it so (a parameter of 0 where the loss divides by it, or inputs at the "
                    + "limit of a log); eval shows the same";
        }
        return spec.name() + ": " + what + " is not finite after " + steps + " updates: the run diverged; lower the learning rate";
    }

    private static boolean allFinite(double[] values) {
        for (double v : values) {
            if (!Double.isFinite(v)) {
                return false;
            }
        }
        return true;
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
