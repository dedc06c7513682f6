package org.losslab.engine;

/**
 * The computation behind one registry entry.
 *
 * @param <I> the input type of the entry's domain
 */
@FunctionalInterface
public interface Evaluator<I> {
    /**
     * Computes the value and, when {@code withGradient} is set and the entry is differentiable, the
     * analytic gradient.
     *
     * @throws EngineException when the input does not suit the loss (wrong mode, label out of range)
     */
    Evaluation evaluate(I input, Params params, boolean withGradient);
}
