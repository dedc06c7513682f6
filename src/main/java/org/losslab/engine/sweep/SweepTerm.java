package org.losslab.engine.sweep;

import org.losslab.engine.EngineException;
import org.losslab.engine.Evaluation;
import org.losslab.engine.LossSpec;
import org.losslab.engine.Params;

/**
 * One curve of a sweep: a registry loss with its parameters, and the label of its column.
 *
 * @param label  the column header, e.g. "focal(gamma=2)"
 * @param spec   the loss
 * @param params its parameters
 */
public record SweepTerm(String label, LossSpec<?> spec, Params params) {

    /** Evaluates the term on an input of its domain. */
    @SuppressWarnings("unchecked")
    public <I> Evaluation evaluate(I input, boolean withGradient) {
        if (!spec.domain().inputType().isInstance(input)) {
            throw new EngineException(label + ": needs a " + spec.domain().block() + " scene");
        }
        return ((LossSpec<I>) spec).evaluate(input, params, withGradient);
    }

    public <I> double value(I input) {
        return evaluate(input, false).value();
    }

    /** The same loss with one parameter changed. */
    public SweepTerm with(String param, Object value) {
        return new SweepTerm(label, spec, params.with(spec.name(), spec.params(), param, value));
    }

    public boolean has(String param) {
        return spec.params().stream().anyMatch(p -> p.name().equals(param));
    }
}
