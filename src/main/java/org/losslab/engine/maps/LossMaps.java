package org.losslab.engine.maps;

import java.util.Optional;
import org.losslab.engine.EngineException;
import org.losslab.engine.EntryMemory;
import org.losslab.engine.LossSpec;
import org.losslab.engine.Params;
import org.losslab.engine.seg.SegmentationData;

/**
 * The maps of any registry loss with the parameters the user set: its gradient dL/dz at every element of
 * the prediction (exactly what {@code eval --grad} prints), and, for losses computed pixel by pixel
 * (those with {@code reduction = "none"}), its value at every element.
 */
public final class LossMaps {
    private LossMaps() {
    }

    /** dL/dz, C x H x W, of a differentiable loss on the scene. */
    public static double[] gradient(LossSpec<SegmentationData> spec, SegmentationData data, Params params) {
        if (!spec.differentiable()) {
            throw new EngineException(spec.name() + " is a metric: it has no gradient to map");
        }
        requireApplies(spec, data);
        requireRoom(spec, data, params, true);
        return spec.evaluate(data, params, true).gradient().get("prediction");
    }

    /** Whether the loss has a value per element: a {@code reduction} parameter that can be {@code "none"}. */
    public static boolean hasValues(LossSpec<?> spec) {
        return spec.params().stream().anyMatch(p -> p.name().equals("reduction") && p.choices() != null
                && p.choices().contains("none"));
    }

    /**
     * The loss at every element (C x H x W, or H x W for a loss of the whole pixel such as softmax
     * cross-entropy), with the user's parameters and {@code reduction = "none"}: the terms whose sum is
     * the loss under {@code "sum"}.
     */
    public static double[] values(LossSpec<SegmentationData> spec, SegmentationData data, Params params) {
        if (!hasValues(spec)) {
            throw new EngineException(spec.name() + " is not computed pixel by pixel (no reduction \"none\"): it has no value map");
        }
        requireApplies(spec, data);
        Params perElement = params.with(spec.name(), spec.params(), "reduction", "none");
        requireRoom(spec, data, perElement, false);
        return spec.evaluate(data, perElement, false).values();
    }

    /** A large scene's map is computed only where its entry fits in the heap free (see {@link EntryMemory}). */
    private static void requireRoom(LossSpec<SegmentationData> spec, SegmentationData data, Params params, boolean gradient) {
        Optional<String> tooLarge = EntryMemory.refusal(spec, data, params, gradient);
        if (tooLarge.isPresent()) {
            throw new EngineException(tooLarge.get());
        }
    }

    private static void requireApplies(LossSpec<SegmentationData> spec, SegmentationData data) {
        if (!spec.appliesTo(data)) {
            throw new EngineException(spec.name() + " " + spec.requirement());
        }
    }
}
