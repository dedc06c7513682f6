package org.losslab.engine;

import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * One entry of the registry: a loss or metric with its name, its domain, its typed parameters, a line
 * of documentation, its formula in plain text and the computation.
 *
 * @param <I> the input type of the entry's domain
 */
public record LossSpec<I>(String name, Domain<I> domain, Kind kind, String summary, String formula,
                          List<ParamSpec> params, Evaluator<I> evaluator, Predicate<I> applies,
                          String requirement, boolean plottedByDefault) {

    /** Whether the entry is trained on (has a gradient) or only measured. */
    public enum Kind {
        LOSS, METRIC
    }

    public LossSpec {
        params = List.copyOf(params);
    }

    /** An entry that takes every input of its domain. */
    public LossSpec(String name, Domain<I> domain, Kind kind, String summary, String formula, List<ParamSpec> params,
                    Evaluator<I> evaluator) {
        this(name, domain, kind, summary, formula, params, evaluator, input -> true, "", false);
    }

    /**
     * The entry, taking only inputs that pass {@code test}; {@code requirement} says what it needs, for
     * the user ("needs a multiclass scene").
     */
    public LossSpec<I> onlyFor(Predicate<I> test, String requirement) {
        return new LossSpec<>(name, domain, kind, summary, formula, params, evaluator, test, requirement, plottedByDefault);
    }

    /** The entry, drawn by default where plots offer a choice of losses (the classic ones a lecture starts from). */
    public LossSpec<I> plotted() {
        return new LossSpec<>(name, domain, kind, summary, formula, params, evaluator, applies, requirement, true);
    }

    /** Whether the entry can be computed on this input (the scene's mode, for segmentation). */
    public boolean appliesTo(I input) {
        return applies.test(input);
    }

    public boolean differentiable() {
        return kind == Kind.LOSS;
    }

    /** Checks raw parameter values against this entry's specs. */
    public Params bind(Map<String, ?> raw) {
        return Params.bind(name, params, raw);
    }

    public Params defaults() {
        return Params.defaults(name, params);
    }

    public Evaluation evaluate(I input, Params values, boolean withGradient) {
        return evaluator.evaluate(input, values, withGradient && differentiable());
    }

    /** The spec of one parameter. */
    public ParamSpec param(String paramName) {
        return params.stream().filter(p -> p.name().equals(paramName)).findFirst()
                .orElseThrow(() -> new EngineException(name + ": unknown parameter '" + paramName + "'"));
    }
}
