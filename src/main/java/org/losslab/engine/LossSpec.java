package org.losslab.engine;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * One entry of the registry: a loss or metric with its name, its domain, its typed parameters, a line
 * of documentation, its formula in plain text and the computation.
 *
 * @param <I> the input type of the entry's domain
 */
public record LossSpec<I>(String name, Domain<I> domain, Kind kind, String summary, String formula,
                          List<ParamSpec> params, Evaluator<I> evaluator, Predicate<I> applies,
                          String requirement, Set<Role> roles) {

    /** Whether the entry is trained on (has a gradient) or only measured. */
    public enum Kind {
        LOSS, METRIC
    }

    /**
     * What an entry is for where the app needs one or a few entries rather than a list the user picks from:
     * the app asks the registry for the entries of a role and never types a loss's name, so that adding a
     * loss is one class and one registration.
     */
    public enum Role {
        /** Drawn by default where plots offer a choice of losses (the classic ones a lecture starts from). */
        PLOTTED,
        /** Shown with every frame in the segmentation workspace's live panel. */
        LIVE,
        /** Trained by default on the painted scene in the training workspace. */
        TRAINED_BY_DEFAULT,
        /** Down-weights the easy examples with gamma (and alpha): the views of the focusing factor borrow its parameters. */
        FOCUSING,
        /** Weighs false positives (alpha) against false negatives (beta): the plots' alpha-beta grid sets them. */
        FALSE_POSITIVE_NEGATIVE_WEIGHTS,
        /** Keeps only the hardest pixels: the canvas hatches the pixels it keeps. */
        HARDEST_PIXELS,
        /** Learns each box side as a distribution over bins: the boxes tab draws those distributions. */
        SIDE_DISTRIBUTIONS,
        /** A box loss that still grows once the boxes are apart, where the overlap (and every mask loss) is flat. */
        SEES_APART_BOXES,
        /** Not bounded by 1 (losses on coordinates): a chart gives these their own axis. */
        UNBOUNDED,
        /**
         * Its value is a sum, mean or order statistic of per-pixel terms over the flattened input, so on a volume it is
         * the same formula over every voxel (the volume column of the segmentation table).
         */
        VOXELWISE,
        /**
         * Measures distances between mask boundaries, which have a 3-D definition (MONAI's, with the voxel spacing): on a
         * volume, computed in 3-D in mm. An entry with neither this role nor {@link #VOXELWISE} is 2-D only.
         */
        SURFACE_3D
    }

    public LossSpec {
        params = List.copyOf(params);
        roles = Set.copyOf(roles);
    }

    /** An entry that takes every input of its domain. */
    public LossSpec(String name, Domain<I> domain, Kind kind, String summary, String formula, List<ParamSpec> params,
                    Evaluator<I> evaluator) {
        this(name, domain, kind, summary, formula, params, evaluator, input -> true, "", Set.of());
    }

    /**
     * The entry, taking only inputs that pass {@code test}; {@code requirement} says what it needs, for
     * the user ("needs a multiclass scene").
     */
    public LossSpec<I> onlyFor(Predicate<I> test, String requirement) {
        return new LossSpec<>(name, domain, kind, summary, formula, params, evaluator, test, requirement, roles);
    }

    /** The entry, drawn by default where plots offer a choice of losses (the classic ones a lecture starts from). */
    public LossSpec<I> plotted() {
        return as(Role.PLOTTED);
    }

    /** The entry with these roles besides its own. */
    public LossSpec<I> as(Role... more) {
        EnumSet<Role> all = EnumSet.noneOf(Role.class);
        all.addAll(roles);
        all.addAll(List.of(more));
        return new LossSpec<>(name, domain, kind, summary, formula, params, evaluator, applies, requirement, all);
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    /** Whether plots offering a choice of losses draw this entry by default. */
    public boolean plottedByDefault() {
        return has(Role.PLOTTED);
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

    /**
     * Why this evaluation would take more working memory than {@link WorkingMemory#LIMIT_BYTES} (the
     * entry's name and the reason, like a requirement's line), or empty when it fits.
     */
    @SuppressWarnings("unchecked")
    public Optional<String> tooCostly(I input, Params values) {
        if (evaluator instanceof WorkingMemory.Costly<?> costly) {
            String reason = ((WorkingMemory.Costly<I>) costly).tooCostly(input, values);
            return Optional.ofNullable(reason).map(r -> name + " " + r);
        }
        return Optional.empty();
    }

    /** @throws EngineException when the input does not suit the entry, or the entry is too costly for its size */
    public Evaluation evaluate(I input, Params values, boolean withGradient) {
        Optional<String> tooCostly = tooCostly(input, values);
        if (tooCostly.isPresent()) {
            throw new EngineException(tooCostly.get());
        }
        return evaluator.evaluate(input, values, withGradient && differentiable());
    }

    /** The spec of one parameter. */
    public ParamSpec param(String paramName) {
        return params.stream().filter(p -> p.name().equals(paramName)).findFirst()
                .orElseThrow(() -> new EngineException(name + ": unknown parameter '" + paramName + "'"));
    }
}
